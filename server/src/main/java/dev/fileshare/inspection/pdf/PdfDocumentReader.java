package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.ActiveContent;
import dev.fileshare.inspection.DocumentFacts;
import dev.fileshare.inspection.DocumentReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringWriter;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads PDF documents with PDFBox, through a 64 KiB buffer over the channel and with decoded
 * streams in temporary files only. Interrupting the reading thread stops the reading at its next
 * read from the document or its next page ({@link PdfDocumentReaderSource}).
 */
@Component
class PdfDocumentReader implements DocumentReader {

  private static final Pattern HEADER = Pattern.compile("^%PDF-(\\d\\.\\d)");

  @Override
  public DocumentFacts facts(SeekableByteChannel content) throws IOException {
    return DecodeBudget.io(DecodeBudget.BACKGROUND_BYTES, () -> readFacts(content));
  }

  private DocumentFacts readFacts(SeekableByteChannel content) throws IOException {
    try (var source = new PdfDocumentReaderSource(content)) {
      var declared = declaredVersion(source);
      try (var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
        return facts(document);
      } catch (InvalidPasswordException e) {
        return locked(declared);
      }
    }
  }

  @Override
  public int text(SeekableByteChannel content, int maxPages, Pages pages) throws IOException {
    return DecodeBudget.io(DecodeBudget.BACKGROUND_BYTES, () -> readText(content, maxPages, pages));
  }

  private int readText(SeekableByteChannel content, int maxPages, Pages pages) throws IOException {
    try (var source = new PdfDocumentReaderSource(content);
        var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
      var stripper = new PageByPage(pages);
      stripper.setSortByPosition(true);
      stripper.setEndPage(maxPages);
      stripper.writeText(document, stripper.text);
      return stripper.given;
    } catch (InvalidPasswordException e) {
      return 0;
    }
  }

  /**
   * Gives each page's text as soon as the page is done, in one pass over the document (asking for
   * one page at a time would walk the page tree again for every page).
   */
  private static final class PageByPage extends PDFTextStripper {

    final StringWriter text = new StringWriter();
    private final Pages pages;
    int given;

    PageByPage(Pages pages) {
      this.pages = pages;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
      if (Thread.interrupted()) {
        throw new InterruptedIOException("Stopped reading the text of a document");
      }
      text.getBuffer().setLength(0);
      super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
      super.endPage(page);
      pages.page(getCurrentPageNo(), text.toString().strip());
      text.getBuffer().setLength(0);
      given++;
    }
  }

  private static DocumentFacts facts(PDDocument document) {
    var info = document.getDocumentInformation();
    var catalog = document.getDocumentCatalog();
    var form = catalog.getAcroForm(null);
    var active = ActiveContentScan.find(document);
    return new DocumentFacts(
        document.getNumberOfPages(),
        text(info.getTitle()),
        text(info.getAuthor()),
        text(info.getSubject()),
        text(info.getKeywords()),
        text(info.getCreator()),
        text(info.getProducer()),
        instant(info.getCreationDate()),
        instant(info.getModificationDate()),
        version(document.getVersion()),
        document.isEncrypted(),
        form != null && !form.getFields().isEmpty(),
        !document.getSignatureDictionaries().isEmpty(),
        active.contains(ActiveContent.EMBEDDED_FILE),
        active);
  }

  private static DocumentFacts locked(@Nullable String version) {
    return new DocumentFacts(
        null, null, null, null, null, null, null, null, null, version, true, false, false, false,
        Set.of());
  }

  /** The version in the first line ({@code %PDF-1.7}), for a document that cannot be opened. */
  private static @Nullable String declaredVersion(PdfDocumentReaderSource source)
      throws IOException {
    var head = new byte[16];
    var n = Math.max(0, source.read(head, 0, head.length));
    source.seek(0);
    var matcher = HEADER.matcher(new String(head, 0, n, StandardCharsets.ISO_8859_1));
    return matcher.find() ? matcher.group(1) : null;
  }

  private static @Nullable String text(@Nullable String value) {
    if (value == null) {
      return null;
    }
    var stripped = value.replace("\u0000", "").strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static @Nullable Instant instant(@Nullable Calendar calendar) {
    return calendar == null ? null : calendar.toInstant();
  }

  private static @Nullable String version(float version) {
    return version > 0 ? String.format(Locale.ROOT, "%.1f", version) : null;
  }
}
