package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.inspection.DocumentInspector.UnacceptableContentException;
import dev.fileshare.shared.UserId;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfInspectionLimitsTests {

  static final Set<String> PDF_ONLY = Set.of("application/pdf");
  static final UserId ALICE = new UserId(1);

  @TempDir Path dir;

  @Test
  void inspectsADocumentOfTwoHundredPages() throws Exception {
    var pdf = Pdfs.write(dir.resolve("long.pdf"), 200);
    assertThat(pdf).satisfies(file -> assertThat(Files.size(file)).isGreaterThan(200_000));

    try (var inspector = inspector(Duration.ofSeconds(30), 2);
        var channel = FileChannel.open(pdf)) {
      assertThat(inspector.inspect(channel, PDF_ONLY, ALICE)).isEqualTo("application/pdf");
    }
  }

  @Test
  void refusesADocumentThatTakesTooLongAndLetsGoOfItsChannel() throws Exception {
    var pdf = Pdfs.write(dir.resolve("slow.pdf"), 200);

    try (var inspector = inspector(Duration.ofMillis(300), 2);
        var channel = new ObservedChannel(pdf, Duration.ofMillis(500))) {
      var started = System.nanoTime();
      assertThatThrownBy(() -> inspector.inspect(channel, PDF_ONLY, ALICE))
          .isInstanceOf(UnacceptableContentException.class)
          .hasMessage(
              "The file looks like a PDF but could not be read in time:"
                  + " it may be damaged or too complex.");
      // far sooner than the document's dozens of half-second reads would take; the bound is loose
      // because a busy machine delays the refusal by the read in flight and more
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

      var readsWhenRefused = channel.reads();
      Thread.sleep(500);
      assertThat(channel.reads()).isEqualTo(readsWhenRefused);
      assertThat(channel.isOpen()).isTrue();
    }
  }

  @Test
  void parsesNoMoreDocumentsAtOnceThanAllowed() throws Exception {
    var pdf = Pdfs.write(dir.resolve("some.pdf"), 200);
    ObservedChannel.resetCounts();
    var pool = Executors.newFixedThreadPool(6);
    try (var inspector = inspector(Duration.ofSeconds(30), 2)) {
      var inspections = new ArrayList<Callable<String>>();
      for (var i = 0; i < 6; i++) {
        var uploader = new UserId(i);
        inspections.add(
            () -> {
              try (var channel = new ObservedChannel(pdf, Duration.ofMillis(5))) {
                return inspector.inspect(channel, PDF_ONLY, uploader);
              }
            });
      }
      for (var result : pool.invokeAll(inspections, 1, TimeUnit.MINUTES)) {
        assertThat(result.get()).isEqualTo("application/pdf");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ObservedChannel.mostReadingAtOnce()).isEqualTo(2);
  }

  static PdfDocumentInspector inspector(Duration timeout, int concurrency) {
    return new PdfDocumentInspector(
        InspectionSettings.of(timeout, concurrency, ActiveContentPolicy.FLAG));
  }
}
