package dev.fileshare.files.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTests {

  @Test
  void firstAndLast() {
    assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 10));
    assertThat(ByteRange.parse("bytes=90-200", 100)).isEqualTo(new ByteRange(90, 10));
    assertThat(ByteRange.parse("BYTES = 5-", 100)).isNull();
    assertThat(ByteRange.parse("bytes=5-", 100)).isEqualTo(new ByteRange(5, 95));
  }

  @Test
  void suffix() {
    assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 10));
    assertThat(ByteRange.parse("bytes=-500", 100)).isEqualTo(new ByteRange(0, 100));
    assertThat(ByteRange.parse("bytes=-0", 100)).isEqualTo(ByteRange.UNSATISFIABLE);
  }

  @Test
  void unsatisfiable() {
    assertThat(ByteRange.parse("bytes=100-", 100)).isEqualTo(ByteRange.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=100-200", 100).satisfiable()).isFalse();
  }

  @Test
  void ignoredWhenMalformedOrSeveral() {
    assertThat(ByteRange.parse(null, 100)).isNull();
    assertThat(ByteRange.parse("items=0-1", 100)).isNull();
    assertThat(ByteRange.parse("bytes=5-1", 100)).isNull();
    assertThat(ByteRange.parse("bytes=a-", 100)).isNull();
    assertThat(ByteRange.parse("bytes=-", 100)).isNull();
    assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
    assertThat(ByteRange.parse("bytes=١-٢", 100)).isNull();
  }
}
