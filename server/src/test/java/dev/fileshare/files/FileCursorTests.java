package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.FileQuery.Order;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileCursorTests {

  @Test
  void aCursorComesBackAsItWentOutWhateverTheName() {
    for (var name : new String[] {"a.pdf", "Thesis\nDraft | 2.pdf", "日本語の文書.pdf", ""}) {
      var cursor = new FileCursor(Order.NAME_DESC, name, 7);
      assertThat(FileCursor.decode(cursor.encode())).contains(cursor);
      assertThat(cursor.encode()).matches("[A-Za-z0-9_-]*");
    }
  }

  @Test
  void theCursorAfterAFileIsItsPlaceInTheOrder() {
    var file =
        new FileView(
            12,
            "Report.PDF",
            4096,
            "application/pdf",
            "0".repeat(64),
            "alice",
            Visibility.USERS,
            Instant.ofEpochMilli(1_700_000_000_123L),
            Instant.ofEpochMilli(1_700_000_000_123L),
            null,
            null,
            null,
            1,
            Map.of());
    assertThat(FileCursor.after(Order.NAME, file))
        .isEqualTo(new FileCursor(Order.NAME, "report.pdf", 12));
    assertThat(FileCursor.after(Order.NEWEST, file))
        .isEqualTo(new FileCursor(Order.NEWEST, "1700000000123", 12));
    assertThat(FileCursor.after(Order.LARGEST, file).value()).isEqualTo(4096L);
  }

  @Test
  void whatIsNotACursorIsNone() {
    assertThat(FileCursor.decode("")).isEmpty();
    assertThat(FileCursor.decode("not base64!")).isEmpty();
    assertThat(FileCursor.decode(encode("name\n7"))).isEmpty();
    assertThat(FileCursor.decode(encode("sideways\n7\na"))).isEmpty();
    assertThat(FileCursor.decode(encode("-size\n7\nlarge"))).isEmpty();
    assertThat(FileCursor.decode(encode("-size\n0\n5"))).isEmpty();
    assertThat(FileCursor.decode(encode("-size\nx\n5"))).isEmpty();
    assertThat(FileCursor.decode(encode("-size\n3\n5")))
        .contains(new FileCursor(Order.LARGEST, "5", 3));
  }

  private static String encode(String text) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
