package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.PageRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders any page of a PDF with PDFBox, as {@link PdfRenderer} does the first: at most {@link
 * #MAX_WIDTH} pixels wide and four times that high whatever the page box says, large images
 * subsampled, decoded streams in temporary files, within the decoding budget of background reading.
 * A stamp is drawn into the page as {@link PdfStamper} draws it into a copy, before rendering.
 */
@Component
class PdfPageRenderer implements PageRenderer {

  private static final float MIN_POINTS = 1;

  @Override
  public int pages(SeekableByteChannel content) throws IOException {
    return DecodeBudget.io(
        DecodeBudget.BACKGROUND_BYTES,
        () -> {
          try (var source = new ChannelRandomAccessRead(content);
              var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
            return document.getNumberOfPages();
          } catch (InvalidPasswordException e) {
            return 0;
          }
        });
  }

  @Override
  public Optional<byte[]> page(
      SeekableByteChannel content, int page, int width, Optional<String> stamp) throws IOException {
    var wanted = Math.max(1, Math.min(MAX_WIDTH, width));
    return DecodeBudget.io(
        DecodeBudget.BACKGROUND_BYTES,
        () -> {
          try (var source = new ChannelRandomAccessRead(content);
              var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
            if (page < 1 || page > document.getNumberOfPages()) {
              return Optional.empty();
            }
            if (stamp.isPresent()) {
              // drawn into the page in memory only, so that the picture shows it as a copy would
              PdfStamper.stampPage(document, document.getPage(page - 1), stamp.get());
            }
            return Optional.of(PdfRenderer.png(render(document, page - 1, wanted)));
          } catch (InvalidPasswordException e) {
            return Optional.empty();
          }
        });
  }

  private static BufferedImage render(PDDocument document, int index, int width)
      throws IOException {
    var pdfPage = document.getPage(index);
    var box = pdfPage.getCropBox();
    var rotated = pdfPage.getRotation() % 180 != 0;
    var pageWidth = Math.max(MIN_POINTS, rotated ? box.getHeight() : box.getWidth());
    var pageHeight = Math.max(MIN_POINTS, rotated ? box.getWidth() : box.getHeight());
    // half a pixel more, so that PDFBox's rounding down lands on the width asked for
    var scale = Math.min((width + 0.5f) / pageWidth, (4f * width + 0.5f) / pageHeight);
    var renderer = new PDFRenderer(document);
    renderer.setSubsamplingAllowed(true);
    return renderer.renderImage(index, scale, ImageType.RGB);
  }
}
