package dev.fileshare.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Small real PDF documents, made by PDFBox; the text makes each one's bytes different. */
public final class TestPdfs {

  private TestPdfs() {}

  public static byte[] pdf(String text) {
    return pdf(text, 1);
  }

  /** A document of {@code pages} pages (about 3 KB each, uncompressed). */
  public static byte[] pdf(String text, int pages) {
    try (var document = new PDDocument();
        var out = new ByteArrayOutputStream()) {
      var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (var i = 0; i < pages; i++) {
        var page = new PDPage();
        document.addPage(page);
        try (var content =
            new PDPageContentStream(
                document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 720);
          for (var line = 0; line < 40; line++) {
            content.showText(text + " / page " + i + " line " + line);
            content.newLineAtOffset(0, -14);
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A one-page document of at least {@code bytes} bytes: an image of random pixels, which does not
   * compress, makes it as long as asked.
   */
  public static byte[] noisy(String text, long bytes) {
    var side = (int) Math.ceil(Math.sqrt(bytes / 3.0));
    var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    var random = new java.util.Random(text.hashCode());
    for (var y = 0; y < side; y++) {
      for (var x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    try (var document = new PDDocument();
        var out = new ByteArrayOutputStream()) {
      var page = new PDPage();
      document.addPage(page);
      try (var content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
        content.drawImage(LosslessFactory.createFromImage(document, image), 72, 300, 300, 300);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
