package dev.fileshare.inspection.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real PDF documents, written by PDFBox for the tests. */
final class Pdfs {

  private Pdfs() {}

  /** A document of {@code pages} pages of text, about 3 KB each (left uncompressed). */
  static Path write(Path file, int pages) throws IOException {
    return write(file, pages, null);
  }

  /** The same, encrypted; {@code userPassword} "" opens without asking. */
  static Path write(Path file, int pages, String userPassword) throws IOException {
    try (var document = new PDDocument()) {
      var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (var i = 1; i <= pages; i++) {
        var page = new PDPage();
        document.addPage(page);
        try (var text =
            new PDPageContentStream(
                document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
          text.beginText();
          text.setFont(font, 12);
          text.newLineAtOffset(72, 720);
          for (var line = 0; line < 40; line++) {
            text.showText("Page " + i + ", line " + line + ": the quick brown fox jumps over it.");
            text.newLineAtOffset(0, -14);
          }
          text.endText();
        }
      }
      if (userPassword != null) {
        var policy =
            new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      document.save(file.toFile());
    }
    return file;
  }
}
