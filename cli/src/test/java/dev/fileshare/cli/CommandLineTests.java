package dev.fileshare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line makes of its arguments and of the server's problems, without a server. */
class CommandLineTests {

  @TempDir Path dir;

  @Test
  void serversAreNormalizedAndOnlyHttpIsTaken() {
    assertThat(RootCommand.normalize("HTTPS://Files.example.org:8443/share/").toString())
        .isEqualTo("https://files.example.org:8443/share");
    assertThat(RootCommand.normalize(" http://localhost:8000 ").toString())
        .isEqualTo("http://localhost:8000");
    assertThatThrownBy(() -> RootCommand.normalize("files.example.org"))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(Exit.USAGE));
    assertThatThrownBy(() -> RootCommand.normalize("ftp://files.example.org"))
        .isInstanceOf(CliException.class);
  }

  @Test
  void expiriesAreDurationsTimesOrNever() {
    var now = Instant.parse("2026-12-02T10:00:00Z");
    assertThat(LinkCommand.expiry("12h", now)).isEqualTo("2026-12-02T22:00:00Z");
    assertThat(LinkCommand.expiry("7d", now)).isEqualTo("2026-12-09T10:00:00Z");
    assertThat(LinkCommand.expiry("2w", now)).isEqualTo("2026-12-16T10:00:00Z");
    assertThat(LinkCommand.expiry("30m", now)).isEqualTo("2026-12-02T10:30:00Z");
    assertThat(LinkCommand.expiry("2027-01-31T17:00:00Z", now)).isEqualTo("2027-01-31T17:00:00Z");
    assertThat(LinkCommand.expiry("never", now)).isNull();
    assertThatThrownBy(() -> LinkCommand.expiry("next week", now))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(Exit.USAGE));
  }

  @Test
  void aProblemBecomesItsOneSentence() {
    assertThat(Api.message(Map.of("detail", "Not found.", "title", "Not Found"), 404))
        .isEqualTo("Not found.");
    assertThat(Api.message(Map.of("error", "Invalid credentials"), 400))
        .isEqualTo("Invalid credentials");
    assertThat(Api.message(Map.of("pdf", List.of("No file was submitted.")), 400))
        .isEqualTo("pdf: No file was submitted.");
    assertThat(Api.message(Map.of(), 502)).isEqualTo("The server answered 502");
    assertThat(Api.refused(401, Map.of("detail", "Invalid token.")).exitCode())
        .isEqualTo(Exit.AUTH);
    assertThat(Api.refused(404, Map.of()).exitCode()).isEqualTo(Exit.NOT_FOUND);
    assertThat(Api.refused(507, Map.of("detail", "Over quota")).getMessage())
        .isEqualTo("Over quota (HTTP 507)");
  }

  @Test
  void foldersAndGlobsBecomeTheirPdfs() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createDirectories(dir.resolve("a/.git"));
    for (var name :
        List.of("a/one.pdf", "a/b/two.PDF", "a/b/notes.txt", "a/.git/x.pdf", "three.pdf")) {
      Files.writeString(dir.resolve(name), "x");
    }
    assertThat(LocalFiles.expand(List.of("a"), dir))
        .containsExactly(dir.resolve("a/b/two.PDF"), dir.resolve("a/one.pdf"));
    assertThat(LocalFiles.expand(List.of("a/**.txt", "three.pdf"), dir))
        .containsExactly(dir.resolve("a/b/notes.txt"), dir.resolve("three.pdf"));
    assertThat(LocalFiles.expand(List.of("*.pdf"), dir)).containsExactly(dir.resolve("three.pdf"));
    assertThatThrownBy(() -> LocalFiles.expand(List.of("missing.pdf"), dir))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(Exit.NOT_FOUND));
    assertThatThrownBy(() -> LocalFiles.expand(List.of("*.docx"), dir))
        .hasMessage("No file matches *.docx");
  }

  @Test
  void theConfigDirectoryFollowsXdg() {
    var home = Path.of("/home/ann");
    assertThat(Context.configDir(Map.of(), home)).isEqualTo(Path.of("/home/ann/.config/fileshare"));
    assertThat(Context.configDir(Map.of("XDG_CONFIG_HOME", "/cfg"), home))
        .isEqualTo(Path.of("/cfg/fileshare"));
    assertThat(Context.configDir(Map.of("FILESHARE_CONFIG_DIR", "/etc/fs"), home))
        .isEqualTo(Path.of("/etc/fs"));
  }
}
