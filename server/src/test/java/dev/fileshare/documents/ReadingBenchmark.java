package dev.fileshare.documents;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.inspection.DocumentReader;
import dev.fileshare.inspection.DocumentRenderer;
import dev.fileshare.support.ApiTest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reading benchmark ({@code bench/reading.sh}), not a test: what the background job does with
 * each stored document, timed on generated documents of 1, 10 and 100 pages of text (40 lines a
 * page), one at a time as one worker does: facts, the text of every page, and the previews of the
 * first page. Writes a Markdown table to {@code bench.out}.
 */
class ReadingBenchmark extends ApiTest {

  private static final List<Integer> SIZES = List.of(1, 10, 100);

  @Autowired DocumentReader reader;
  @Autowired DocumentRenderer renderer;

  @Test
  void benchmark() throws IOException {
    var documents = Integer.getInteger("bench.documents", 50);
    var out = Path.of(System.getProperty("bench.out", "target/bench-reading.md"));
    var table = new StringBuilder();
    table.append(
        "| pages per document | documents | facts ms (mean) | text: pages/s | previews ms (mean) |\n");
    table.append("|---|---|---|---|---|\n");
    for (var size : SIZES) {
      var count = Math.max(3, documents / size * 2);
      var files = new ArrayList<Path>();
      for (var i = 0; i < count; i++) {
        var file = Files.createTempFile("bench-reading-", ".pdf");
        Files.write(file, TestPdfs.pdf("Quarterly report " + i + " net amount due", size));
        files.add(file);
      }
      run(files, size, 2); // warm-up
      var figures = run(files, size, 1);
      table.append(
          String.format(
              "| %d | %d | %.1f | %.0f | %.1f |%n",
              size, count, figures[0], figures[1], figures[2]));
      for (var file : files) {
        Files.delete(file);
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table);
  }

  /** Facts ms, text pages/s and previews ms, each over every file, {@code rounds} times. */
  private double[] run(List<Path> files, int size, int rounds) throws IOException {
    long facts = 0;
    long text = 0;
    long previews = 0;
    long pages = 0;
    for (var round = 0; round < rounds; round++) {
      for (var file : files) {
        var start = System.nanoTime();
        try (var channel = FileChannel.open(file)) {
          reader.facts(channel);
        }
        var read = System.nanoTime();
        try (var channel = FileChannel.open(file)) {
          pages += reader.text(channel, 5000, (number, page) -> {});
        }
        var indexed = System.nanoTime();
        try (var channel = FileChannel.open(file)) {
          renderer.firstPage(channel, List.of(160, 320, 640));
        }
        var drawn = System.nanoTime();
        facts += read - start;
        text += indexed - read;
        previews += drawn - indexed;
      }
    }
    var n = (double) files.size() * rounds;
    return new double[] {
      facts / n / 1e6, pages / (text / 1e9), previews / n / 1e6,
    };
  }
}
