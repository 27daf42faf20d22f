package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.ActiveContent;
import dev.fileshare.inspection.DocumentFacts;
import dev.fileshare.inspection.DocumentReader;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads PDF documents with PDFBox, through a 64 KiB buffer over the channel and with decoded
 * streams in temporary files only.
 */
@Component
class PdfDocumentReader implements DocumentReader {

  private static final Pattern HEADER = Pattern.compile("^%PDF-(\\d\\.\\d)");

  @Override
  public DocumentFacts facts(SeekableByteChannel content) throws IOException {
    try (var source = new ChannelRandomAccessRead(content)) {
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
    try (var source = new ChannelRandomAccessRead(content);
        var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
      var stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      var count = Math.min(document.getNumberOfPages(), maxPages);
      for (var page = 1; page <= count; page++) {
        if (Thread.interrupted()) {
          throw new InterruptedIOException("Stopped reading the text of a document");
        }
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.page(page, stripper.getText(document).strip());
      }
      return count;
    } catch (InvalidPasswordException e) {
      return 0;
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
  private static @Nullable String declaredVersion(ChannelRandomAccessRead source)
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
