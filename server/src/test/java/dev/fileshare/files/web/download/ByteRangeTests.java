package dev.fileshare.files.web.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTests {

  @Test
  void firstAndLast() {
    assertThat(ByteRange.parse("bytes=0-9", 100)).contains(new ByteRange(0, 10));
    assertThat(ByteRange.parse("bytes=90-200", 100)).contains(new ByteRange(90, 10));
    assertThat(ByteRange.parse("BYTES = 5-", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=5-", 100)).contains(new ByteRange(5, 95));
  }

  @Test
  void suffix() {
    assertThat(ByteRange.parse("bytes=-10", 100)).contains(new ByteRange(90, 10));
    assertThat(ByteRange.parse("bytes=-500", 100)).contains(new ByteRange(0, 100));
    assertThat(ByteRange.parse("bytes=-0", 100)).contains(ByteRange.UNSATISFIABLE);
  }

  @Test
  void unsatisfiable() {
    assertThat(ByteRange.parse("bytes=100-", 100)).contains(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=100-200", 100).orElseThrow().satisfiable()).isFalse();
  }

  @Test
  void ignoredWhenMalformedOrSeveral() {
    assertThat(ByteRange.parse(null, 100)).isEmpty();
    assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=5-1", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=a-", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=-", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
    assertThat(ByteRange.parse("bytes=١-٢", 100)).isEmpty();
  }
}
