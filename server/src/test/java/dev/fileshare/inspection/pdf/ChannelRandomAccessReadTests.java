package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRandomAccessReadTests {

  @TempDir Path dir;

  @Test
  void readsLikePdfBoxsOwnReaderAtRandomPositions() throws IOException {
    var content = new byte[300_000];
    new Random(1).nextBytes(content);
    var file = Files.write(dir.resolve("content"), content);
    var random = new Random(2);

    try (var channel = FileChannel.open(file);
        var ours = new ChannelRandomAccessRead(channel);
        var theirs = new RandomAccessReadBuffer(content)) {
      assertThat(ours.length()).isEqualTo(theirs.length());
      for (var i = 0; i < 2000; i++) {
        var position = random.nextInt(content.length + 10);
        ours.seek(position);
        theirs.seek(position);
        switch (random.nextInt(5)) {
          case 0 -> assertThat(ours.read()).isEqualTo(theirs.read());
          case 1 -> assertThat(ours.peek()).isEqualTo(theirs.peek());
          case 2 -> {
            var length = random.nextInt(200_000);
            var a = new byte[length];
            var b = new byte[length];
            assertThat(ours.read(a, 0, length)).isEqualTo(theirs.read(b, 0, length));
            assertThat(a).isEqualTo(b);
          }
          case 3 -> {
            ours.read();
            theirs.read();
            ours.rewind(1);
            theirs.rewind(1);
          }
          default -> assertThat(ours.isEOF()).isEqualTo(theirs.isEOF());
        }
        assertThat(ours.getPosition()).isEqualTo(theirs.getPosition());
        assertThat(ours.isEOF()).isEqualTo(theirs.isEOF());
      }
      try (var view = ours.createView(1000, 50)) {
        var a = new byte[50];
        assertThat(view.read(a)).isEqualTo(50);
        assertThat(view.read()).isEqualTo(-1);
        var expected = new byte[50];
        System.arraycopy(content, 1000, expected, 0, 50);
        assertThat(a).isEqualTo(expected);
      }
    }
  }

  @Test
  void closingStopsReadsButLeavesTheChannelOpen() throws IOException {
    var file = Files.write(dir.resolve("content"), new byte[] {1, 2, 3});

    try (var channel = FileChannel.open(file)) {
      var reader = new ChannelRandomAccessRead(channel);
      assertThat(reader.read()).isEqualTo(1);
      reader.close();

      assertThat(reader.isClosed()).isTrue();
      assertThatThrownBy(reader::read).isInstanceOf(IOException.class);
      assertThat(channel.isOpen()).isTrue();
    }
  }
}
