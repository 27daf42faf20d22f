package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.ActiveContent;
import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** The PDFBox side of an inspection. */
final class PdfParse {

  /**
   * What one parse found.
   *
   * @param hasPages whether the document parsed with at least one page
   * @param activeContent what active content it holds, when it was looked for (else empty)
   */
  record Outcome(boolean hasPages, Set<ActiveContent> activeContent) {}

  private PdfParse() {}

  /**
   * Parses the document, and while it is loaded looks for active content if asked to: the scan
   * walks the objects the parse already indexed, so it costs no second load. Streams PDFBox keeps
   * go to temporary files only, and it decodes at most {@code maxDecoded} bytes for the document
   * ({@link DecodeBudget}), so memory does not grow with what the document claims to hold.
   *
   * @throws IOException or any runtime exception from PDFBox if the document is damaged
   */
  static Outcome read(RandomAccessRead source, boolean findActiveContent, long maxDecoded)
      throws Exception {
    return DecodeBudget.within(maxDecoded, () -> read(source, findActiveContent));
  }

  private static Outcome read(RandomAccessRead source, boolean findActiveContent)
      throws IOException {
    try (var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
      var hasPages = document.getNumberOfPages() > 0 && document.getPage(0) != null;
      var found =
          hasPages && findActiveContent
              ? ActiveContentScan.find(document)
              : Set.<ActiveContent>of();
      return new Outcome(hasPages, found);
    } catch (InvalidPasswordException e) {
      // header, cross-references and trailer parsed; only the password is missing
      return new Outcome(true, Set.of());
    }
  }
}
