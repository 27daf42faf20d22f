package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first page drawn as PNGs of the widths asked for, within bounds whatever the page says. */
class PdfRendererTests {

  private final PdfRenderer renderer = new PdfRenderer();

  @TempDir Path work;

  @Test
  void drawsTheFirstPageOnceForEachWidth() throws IOException {
    var pictures = render(Pdfs.write(work.resolve("letter.pdf"), 3), List.of(160, 320, 640));

    assertThat(pictures).containsOnlyKeys(160, 320, 640);
    pictures.forEach(
        (width, png) -> {
          var image = image(png);
          assertThat(image.getWidth()).isEqualTo(width);
          // a US letter page: 11 by 8.5 inches
          assertThat((double) image.getHeight() / image.getWidth())
              .isCloseTo(11 / 8.5, offset(0.02));
          assertThat(darkPixels(image)).as("the text is drawn").isPositive();
        });
    assertThat(darkPixels(image(pictures.get(640))))
        .isGreaterThan(darkPixels(image(pictures.get(160))));
  }

  @Test
  void aVeryTallPageIsDrawnNarrowerSoThatNoPictureGrowsWithThePage() throws IOException {
    var file = work.resolve("ribbon.pdf");
    try (var document = new PDDocument()) {
      document.addPage(new PDPage(new PDRectangle(100, 14_400)));
      document.save(file.toFile());
    }

    var image = image(render(file, List.of(640)).get(640));

    assertThat(image.getHeight()).isLessThanOrEqualTo(4 * 640);
    assertThat(image.getWidth()).isLessThan(640);
  }

  @Test
  void aDocumentThatNeedsAPasswordHasNoPictureAndOneWithTheEmptyPasswordHasOne()
      throws IOException {
    assertThat(render(Pdfs.write(work.resolve("locked.pdf"), 1, "secret"), List.of(160))).isEmpty();
    assertThat(render(Pdfs.write(work.resolve("open.pdf"), 1, ""), List.of(160)))
        .containsOnlyKeys(160);
  }

  @Test
  void somethingThatIsNotAPdfIsRefused() throws IOException {
    var file = Files.writeString(work.resolve("notes.pdf"), "%PDF-1.7 but nothing more");
    assertThatThrownBy(() -> render(file, List.of(160))).isInstanceOf(IOException.class);
  }

  private Map<Integer, byte[]> render(Path file, List<Integer> widths) throws IOException {
    try (var channel = FileChannel.open(file)) {
      var pictures = renderer.firstPage(channel, widths);
      assertThat(channel.isOpen()).as("the channel stays its owner's").isTrue();
      return pictures;
    }
  }

  private static BufferedImage image(byte[] png) {
    try {
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long darkPixels(BufferedImage image) {
    var dark = 0L;
    for (var y = 0; y < image.getHeight(); y++) {
      for (var x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    return dark;
  }
}
