package dev.fileshare.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** PDF documents for the documents tests, made by PDFBox. */
final class DocumentPdfs {

  /** When {@link #withText} documents say they were made: 2024-03-01T10:00:00Z. */
  static final String CREATED = "2024-03-01T10:00:00Z";

  private DocumentPdfs() {}

  /** A document with a title, an author and a subject, and one page for each text. */
  static byte[] withText(String title, String author, List<String> pages) {
    try (var document = new PDDocument()) {
      var info = document.getDocumentInformation();
      info.setTitle(title);
      info.setAuthor(author);
      info.setSubject("Test subject");
      info.setKeywords("one, two");
      info.setCreator("Writer");
      info.setProducer("PDFBox");
      var created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      created.clear();
      created.set(2024, Calendar.MARCH, 1, 10, 0, 0);
      info.setCreationDate(created);
      for (var text : pages) {
        page(document, text);
      }
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One page that is only a picture, as a scanner makes: no text at all. */
  static byte[] scanned(int seed) {
    try (var document = new PDDocument()) {
      var page = new PDPage();
      document.addPage(page);
      var picture = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
      picture.setRGB(Math.floorMod(seed, 40), Math.floorMod(seed / 40, 40), 0xffffff);
      var image = LosslessFactory.createFromImage(document, picture);
      try (var content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 72, 72, 400, 400);
      }
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document that runs JavaScript when it is opened. */
  static byte[] withJavaScript(String text) {
    try (var document = new PDDocument()) {
      page(document, text);
      document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi');"));
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A small file with very many pages of text (they share one content stream), whose text takes
   * long to extract.
   */
  static byte[] manyPages(String text, int pages) {
    try (var document = new PDDocument()) {
      var first = page(document, text);
      var shared = first.getCOSObject().getDictionaryObject(COSName.CONTENTS);
      var resources = first.getResources();
      for (var i = 1; i < pages; i++) {
        var page = new PDPage();
        page.setResources(resources);
        page.getCOSObject().setItem(COSName.CONTENTS, shared);
        document.addPage(page);
      }
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDPage page(PDDocument document, String text) {
    var page = new PDPage();
    document.addPage(page);
    try (var content = new PDPageContentStream(document, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      content.newLineAtOffset(72, 720);
      for (var line = 0; line < 30; line++) {
        content.showText(text + " line " + line);
        content.newLineAtOffset(0, -14);
      }
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return page;
  }

  private static byte[] bytes(PDDocument document) {
    try (var out = new ByteArrayOutputStream()) {
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
