package dev.fileshare.files.web.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class ContentDispositionsTests {

  @Test
  void plainNames() {
    assertThat(ContentDispositions.attachment("a.pdf"))
        .isEqualTo("attachment; filename=\"a.pdf\"; filename*=UTF-8''a.pdf");
  }

  @Test
  void quotesBackslashesAndPercentNeverReachTheQuotedName() {
    var header = ContentDispositions.attachment("a\"b\\c%d;e.pdf");
    assertThat(header)
        .startsWith(
            "attachment; filename=\"a_b_c_d;e.pdf\"; filename*=UTF-8''a%22b%5Cc%25d%3Be.pdf");
  }

  @Test
  void nonLatinNamesParseBack() {
    var name = "Résumé — 履歴書 😀.pdf";
    var header = ContentDispositions.attachment(name);
    assertThat(header)
        .isEqualTo(
            new String(header.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
    assertThat(ContentDispositions.asciiFallback(name)).isEqualTo("Resume _ ___ _.pdf");
    assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo(name);
  }
}
