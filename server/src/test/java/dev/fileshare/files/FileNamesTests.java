package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTests {

  @Test
  void keepsAnOrdinaryName() {
    assertThat(FileNames.clean("report 2024.pdf")).isEqualTo("report 2024.pdf");
    assertThat(FileNames.clean("Отчёт — 報告.pdf")).isEqualTo("Отчёт — 報告.pdf");
  }

  @Test
  void dropsPathParts() {
    assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.clean("C:\\Users\\me\\a.pdf")).isEqualTo("a.pdf");
    assertThat(FileNames.clean("dir/")).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.clean("..")).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.clean("a/..")).isEqualTo(FileNames.FALLBACK);
  }

  @Test
  void dropsControlAndBidiCharacters() {
    assertThat(FileNames.clean("a\r\nb\u0000c.pdf")).isEqualTo("abc.pdf");
    assertThat(FileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(FileNames.clean("x\u2066y\u2069\u200Bz.pdf")).isEqualTo("xyz.pdf");
    assertThat(FileNames.clean("tab\there\u00A0.pdf")).isEqualTo("tabhere .pdf");
  }

  @Test
  void fallsBackWhenNothingIsLeft() {
    assertThat(FileNames.clean(null)).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.clean("  \u202E\r\n ")).isEqualTo(FileNames.FALLBACK);
  }

  @Test
  void cutsTo255BytesKeepingTheExtension() {
    var name = FileNames.clean("a".repeat(1000) + ".pdf");
    assertThat(name).endsWith(".pdf");
    assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(255);

    var wide = FileNames.clean("日本".repeat(300) + ".pdf");
    assertThat(wide).endsWith(".pdf").startsWith("日本");
    assertThat(wide.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);

    var emoji = FileNames.clean("😀".repeat(100));
    assertThat(emoji.getBytes(StandardCharsets.UTF_8)).hasSize(252);
    assertThat(emoji.codePoints().allMatch(c -> c == 0x1F600)).isTrue();
  }

  @Test
  void normalizesToComposedForm() {
    assertThat(FileNames.clean("e\u0301.pdf")).isEqualTo("\u00e9.pdf");
  }
}
