package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableDigestTests {

  private static String of(List<String> lines) {
    var digest = new TableDigest();
    lines.forEach(digest);
    return digest.value();
  }

  @Test
  void theOrderOfTheRowsDoesNotMatter() {
    assertThat(of(List.of("1:a|", "1:b|", "1:c|"))).isEqualTo(of(List.of("1:c|", "1:a|", "1:b|")));
  }

  @Test
  void aRowLostChangedOrTwiceIsSeen() {
    var rows = of(List.of("1:a|", "1:b|"));
    assertThat(of(List.of("1:a|"))).isNotEqualTo(rows);
    assertThat(of(List.of("1:a|", "1:B|"))).isNotEqualTo(rows);
    assertThat(of(List.of("1:a|", "1:b|", "1:b|"))).isNotEqualTo(rows);
    assertThat(of(List.of("1:a|", "1:a|"))).as("one row for another").isNotEqualTo(rows);
  }

  @Test
  void countsTheRows() {
    var digest = new TableDigest();
    List.of("x", "y", "x").forEach(digest);
    assertThat(digest.rows()).isEqualTo(3);
    assertThat(digest.value()).startsWith("3 rows, ");
  }
}
