package dev.fileshare.inspection.pdf;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.HostilePdfs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstLookTests {

  @TempDir Path dir;

  boolean pointsAtCrossReferences(byte[] pdf) throws IOException {
    var file = Files.write(dir.resolve("doc.pdf"), pdf);
    try (var channel = FileChannel.open(file);
        var source = new ChannelRandomAccessRead(channel)) {
      return FirstLook.pointsAtCrossReferences(source);
    }
  }

  @Test
  void aTableOrAStreamWhereStartxrefPointsIsCheap() throws IOException {
    assertThat(pointsAtCrossReferences(HostilePdfs.wellFormed(200_000, 1))).isTrue();
    assertThat(pointsAtCrossReferences(Files.readAllBytes(Pdfs.write(dir.resolve("p.pdf"), 2))))
        .isTrue();
    assertThat(pointsAtCrossReferences(HostilePdfs.decompressionBomb(1 << 20))).isTrue();
  }

  @Test
  void noStartxrefOrOneThatPointsElsewhereNeedsAFullScan() throws IOException {
    assertThat(pointsAtCrossReferences(HostilePdfs.withoutCrossReferences(200_000, 1))).isFalse();
    assertThat(pointsAtCrossReferences(HostilePdfs.brokenCrossReferences())).isFalse();
    var shifted = HostilePdfs.wellFormed(5_000, 1);
    var text = new String(shifted, ISO_8859_1);
    var broken = text.replaceFirst("startxref\n(\\d+)", "startxref\n17");
    assertThat(pointsAtCrossReferences(broken.getBytes(ISO_8859_1))).isFalse();
  }
}
