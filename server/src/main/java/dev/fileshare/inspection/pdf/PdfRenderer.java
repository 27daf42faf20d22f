package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.DocumentRenderer;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders a PDF's first page with PDFBox, once, at the largest width asked for, and scales that
 * picture down for the smaller widths. The page is drawn at most {@link #MAX_WIDTH} pixels wide and
 * four times that high, whatever its page box says, and PDFBox may subsample large images inside
 * it, so memory stays bounded; decoded streams go to temporary files.
 */
@Component
class PdfRenderer implements DocumentRenderer {

  /** The widest picture drawn. */
  static final int MAX_WIDTH = 2048;

  /** A page box smaller than this many points is drawn as if it were this size. */
  private static final float MIN_POINTS = 1;

  @Override
  public Map<Integer, byte[]> firstPage(SeekableByteChannel content, List<Integer> widths)
      throws IOException {
    if (widths.isEmpty()) {
      return Map.of();
    }
    var largest = Math.min(MAX_WIDTH, widths.stream().mapToInt(Integer::intValue).max().orElse(1));
    return DecodeBudget.io(DecodeBudget.BACKGROUND_BYTES, () -> render(content, widths, largest));
  }

  private Map<Integer, byte[]> render(
      SeekableByteChannel content, List<Integer> widths, int largest) throws IOException {
    try (var source = new ChannelRandomAccessRead(content);
        var document = Loader.loadPDF(source, IOUtils.createTempFileOnlyStreamCache())) {
      if (document.getNumberOfPages() < 1) {
        return Map.of();
      }
      var box = document.getPage(0).getCropBox();
      var rotated = document.getPage(0).getRotation() % 180 != 0;
      var pageWidth = Math.max(MIN_POINTS, rotated ? box.getHeight() : box.getWidth());
      var pageHeight = Math.max(MIN_POINTS, rotated ? box.getWidth() : box.getHeight());
      var scale = Math.min(largest / pageWidth, 4f * largest / pageHeight);
      var renderer = new PDFRenderer(document);
      renderer.setSubsamplingAllowed(true);
      var page = renderer.renderImage(0, scale, ImageType.RGB);
      var pictures = new TreeMap<Integer, byte[]>();
      for (var width : widths) {
        pictures.put(width, png(scaled(page, (double) width / largest)));
      }
      return pictures;
    } catch (InvalidPasswordException e) {
      return Map.of();
    }
  }

  private static BufferedImage scaled(BufferedImage image, double factor) {
    if (factor >= 1) {
      return image;
    }
    var width = Math.max(1, (int) Math.round(image.getWidth() * factor));
    var height = Math.max(1, (int) Math.round(image.getHeight() * factor));
    var smaller = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = smaller.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      graphics.drawImage(image, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }
    return smaller;
  }

  static byte[] png(BufferedImage image) throws IOException {
    var out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("No PNG writer");
    }
    return out.toByteArray();
  }
}
