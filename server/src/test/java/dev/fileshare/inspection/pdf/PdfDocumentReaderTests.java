package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfDocumentReaderTests {

  @TempDir Path dir;

  final PdfDocumentReader reader = new PdfDocumentReader();

  @Test
  void givesTheTextOfEachPageInOrderUpToTheLimit() throws IOException {
    var file = Pdfs.write(dir.resolve("a.pdf"), 4);
    var pages = new ArrayList<String>();
    try (var channel = FileChannel.open(file)) {
      assertThat(reader.text(channel, 3, (number, text) -> pages.add(number + ":" + text)))
          .isEqualTo(3);
    }
    assertThat(pages).hasSize(3);
    for (var i = 1; i <= 3; i++) {
      assertThat(pages.get(i - 1)).startsWith(i + ":Page " + i + ", line 0: the quick brown fox");
    }
  }

  @Test
  void aDocumentThatNeedsAPasswordGivesOnlyThatItIsEncrypted() throws IOException {
    var file = Pdfs.write(dir.resolve("locked.pdf"), 2, "secret");
    try (var channel = FileChannel.open(file)) {
      var facts = reader.facts(channel);
      assertThat(facts.encrypted()).isTrue();
      assertThat(facts.pages()).isNull();
      assertThat(facts.pdfVersion()).matches("1\\.\\d");
    }
    try (var channel = FileChannel.open(file)) {
      assertThat(reader.text(channel, 10, (number, text) -> {})).isZero();
    }
  }

  @Test
  void aDocumentThatOpensWithoutAPasswordIsReadAndSaidToBeEncrypted() throws IOException {
    var file = Pdfs.write(dir.resolve("open.pdf"), 2, "");
    try (var channel = FileChannel.open(file)) {
      var facts = reader.facts(channel);
      assertThat(facts.encrypted()).isTrue();
      assertThat(facts.pages()).isEqualTo(2);
      assertThat(facts.activeContent()).isEmpty();
    }
  }

  @Test
  void anInterruptedThreadReadsNoFacts() throws IOException {
    var file = Pdfs.write(dir.resolve("c.pdf"), 2);
    try (var channel = FileChannel.open(file)) {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> reader.facts(channel))
          .isInstanceOfAny(CancellationException.class, ClosedByInterruptException.class);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptedReadingStopsAtTheNextPage() throws IOException {
    var file = Pdfs.write(dir.resolve("b.pdf"), 5);
    var seen = new ArrayList<Integer>();
    try (var channel = FileChannel.open(file)) {
      assertThatThrownBy(
              () ->
                  reader.text(
                      channel,
                      10,
                      (number, text) -> {
                        seen.add(number);
                        Thread.currentThread().interrupt();
                      }))
          .isInstanceOfAny(InterruptedIOException.class, CancellationException.class);
    } finally {
      Thread.interrupted();
    }
    assertThat(seen).isEqualTo(List.of(1));
  }
}
