package dev.fileshare.inspection.pdf;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** The PDFBox side of an inspection. */
final class PdfParse {

  private PdfParse() {}

  /**
   * Whether the document parses as a PDF with at least one page. Decoded streams go to temporary
   * files only, so memory does not grow with the document.
   *
   * @throws IOException or any runtime exception from PDFBox if the document is damaged
   */
  static boolean hasPages(RandomAccessRead source) throws IOException {
    try (var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
      return document.getNumberOfPages() > 0 && document.getPage(0) != null;
    } catch (InvalidPasswordException e) {
      // header, cross-references and trailer parsed; only the password is missing
      return true;
    }
  }
}
