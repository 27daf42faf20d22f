package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.DocumentStamper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;

/**
 * Stamps a PDF with PDFBox while writing it out: the document is opened with decoded streams in
 * temporary files, within the decoding budget of background reading, a content stream is appended
 * to each page (the text across the page, translucent, and along its foot), and the copy is saved
 * straight to the output, uncompressed so that no object stream is assembled in memory. An
 * encrypted document is not stamped: saving it would either keep an encryption that the stamp
 * cannot join or drop the owner's protections.
 */
@Component
class PdfStamper implements DocumentStamper {

  @Override
  public boolean stamp(SeekableByteChannel content, String stamp, OutputStream out)
      throws IOException {
    return DecodeBudget.io(DecodeBudget.BACKGROUND_BYTES, () -> write(content, stamp, out));
  }

  private static boolean write(SeekableByteChannel content, String stamp, OutputStream out)
      throws IOException {
    try (var source = new ChannelRandomAccessRead(content);
        var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
      if (document.isEncrypted()) {
        return false;
      }
      for (var page : document.getPages()) {
        stampPage(document, page, stamp);
      }
      document.save(new KeptOpen(out), CompressParameters.NO_COMPRESSION);
      return true;
    } catch (InvalidPasswordException e) {
      return false;
    }
  }

  /** Appends the stamp to the page's content: across it, translucent, and along its foot. */
  static void stampPage(PDDocument document, PDPage page, String stamp) throws IOException {
    var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    var text = printable(font, stamp);
    var box = page.getCropBox();
    var faint = new PDExtendedGraphicsState();
    faint.setNonStrokingAlphaConstant(0.25f);
    var clear = new PDExtendedGraphicsState();
    clear.setNonStrokingAlphaConstant(0.7f);
    var unit = Math.max(1f, font.getStringWidth(text) / 1000f);
    try (var stream =
        new PDPageContentStream(
            document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
      stream.setNonStrokingColor(0.8f, 0f, 0f);
      stream.setGraphicsStateParameters(clear);
      var small = Math.max(6f, Math.min(10f, box.getWidth() / 60f));
      stream.beginText();
      stream.setFont(font, small);
      stream.newLineAtOffset(box.getLowerLeftX() + small, box.getLowerLeftY() + small);
      stream.showText(text);
      stream.endText();

      var diagonal = (float) Math.hypot(box.getWidth(), box.getHeight());
      var size = Math.max(8f, Math.min(box.getWidth() / 8f, 0.8f * diagonal / unit));
      var angle = Math.atan2(box.getHeight(), box.getWidth());
      var half = unit * size / 2f;
      var x = box.getLowerLeftX() + box.getWidth() / 2f - (float) Math.cos(angle) * half;
      var y = box.getLowerLeftY() + box.getHeight() / 2f - (float) Math.sin(angle) * half;
      stream.setGraphicsStateParameters(faint);
      stream.beginText();
      stream.setFont(font, size);
      stream.setTextMatrix(Matrix.getRotateInstance(angle, x, y - size / 3f));
      stream.showText(text);
      stream.endText();
    }
  }

  /** The text with what the standard font cannot show replaced by question marks. */
  static String printable(PDFont font, String text) {
    var kept = new StringBuilder();
    text.codePoints()
        .forEach(
            point -> {
              var letter = Character.toString(point);
              try {
                font.encode(letter);
                kept.append(letter);
              } catch (IOException | IllegalArgumentException e) {
                kept.append('?');
              }
            });
    return kept.toString();
  }

  /** PDFBox closes what it saves to; the response is closed by its owner. */
  private static final class KeptOpen extends FilterOutputStream {

    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
