package dev.fileshare.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Real PDF documents for the browser to upload, written with PDFBox. */
final class TestPdfs {

  private TestPdfs() {}

  /**
   * A one-page document with a title; with {@code noisePixels > 0} it also carries an image of
   * random pixels, which does not compress, so the file is about {@code 3 * noisePixels} bytes.
   */
  static Path write(Path file, String title, int noisePixels) throws IOException {
    try (var document = new PDDocument()) {
      var page = new PDPage();
      document.addPage(page);
      try (var content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
        content.newLineAtOffset(72, 700);
        content.showText(title);
        content.endText();
        if (noisePixels > 0) {
          var side = (int) Math.ceil(Math.sqrt(noisePixels));
          var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
          var random = new Random(side);
          for (var y = 0; y < side; y++) {
            for (var x = 0; x < side; x++) {
              image.setRGB(x, y, random.nextInt(0x1000000));
            }
          }
          content.drawImage(LosslessFactory.createFromImage(document, image), 72, 300, 300, 300);
        }
      }
      document.save(file.toFile());
    }
    return file;
  }

  /** A document with one page for each text, each line of it on a line of the page. */
  static byte[] pages(String... texts) throws IOException {
    try (var document = new PDDocument();
        var out = new java.io.ByteArrayOutputStream()) {
      var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (var text : texts) {
        var page = new PDPage();
        document.addPage(page);
        try (var content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 18);
          content.newLineAtOffset(72, 700);
          for (var line : text.split("\n")) {
            content.showText(line);
            content.newLineAtOffset(0, -28);
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A one-page document that opens only with a password: nothing renders a preview of it. */
  static byte[] locked(String text) throws IOException {
    try (var document = new PDDocument();
        var out = new java.io.ByteArrayOutputStream()) {
      var page = new PDPage();
      document.addPage(page);
      try (var content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      var policy =
          new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy(
              "owner secret",
              "reader secret",
              new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    }
  }
}
