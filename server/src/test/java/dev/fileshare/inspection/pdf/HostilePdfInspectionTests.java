package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.inspection.DocumentInspector.UnacceptableContentException;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.HostilePdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

/**
 * Every hostile document is accepted or refused as unacceptable, in time, with the active-content
 * scan on: never an error that would become a 500, never a parse that outlives its timeout.
 */
class HostilePdfInspectionTests {

  static final Set<String> PDF_ONLY = Set.of("application/pdf");
  static final Map<String, byte[]> corpus = HostilePdfs.corpus();
  static final PdfDocumentInspector inspector =
      new PdfDocumentInspector(
          new InspectionSettings(
              Duration.ofSeconds(20),
              2,
              1,
              1,
              DataSize.ofMegabytes(64),
              ActiveContentPolicy.REJECT));

  @TempDir static Path dir;

  @AfterAll
  static void close() {
    inspector.close();
  }

  static Stream<String> names() {
    return corpus.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("names")
  void isAcceptedOrRefusedInTime(String name) throws Exception {
    var file = Files.write(dir.resolve(name), corpus.get(name));
    var started = System.nanoTime();
    String outcome;
    try (var channel = java.nio.channels.FileChannel.open(file)) {
      outcome = inspector.inspect(channel, PDF_ONLY, new UserId(1));
    } catch (UnacceptableContentException e) {
      outcome = e.getMessage();
    }
    var took = Duration.ofNanos(System.nanoTime() - started);
    System.getLogger("hostile").log(System.Logger.Level.INFO, name + " -> " + outcome + " " + took);
    assertThat(took).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void refusesADecompressionBombWithoutInflatingIt() throws Exception {
    var file = Files.write(dir.resolve("bomb.pdf"), HostilePdfs.decompressionBomb(4L << 30));
    assertThat(Files.size(file)).isLessThan(5 << 20);
    try (var channel = java.nio.channels.FileChannel.open(file)) {
      assertThatThrownBy(() -> inspector.inspect(channel, PDF_ONLY, new UserId(1)))
          .isInstanceOf(UnacceptableContentException.class)
          .hasMessage(PdfDocumentInspector.TOO_BIG);
    }
  }
}
