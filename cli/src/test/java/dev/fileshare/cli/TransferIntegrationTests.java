package dev.fileshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers over a network that drops and corrupts (a proxy between the command line and the
 * server): a large upload cut off and resumed by running the command again, the same for a
 * download, a corrupted download refused, and the runnable jar in a shell without a terminal.
 */
class TransferIntegrationTests {

  /** 1 GiB in the build; -Dcli.test.large-bytes to change it. */
  static final long LARGE = Long.getLong("cli.test.large-bytes", 1L << 30);

  @TempDir static Path serverDir;
  @TempDir static Path work;
  static ServerUnderTest server;
  static CutProxy proxy;

  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    server = ServerUnderTest.start(serverDir);
    server.register("alice");
    proxy = new CutProxy(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    server.close();
  }

  private CliRun signedIn() {
    var cli = new CliRun(home.resolve("config")).env("FILESHARE_URL", proxy.url());
    var login =
        cli.withInput(ServerUnderTest.PASSWORD + "\n", "login", "-u", "alice", "--password-stdin");
    assertThat(login.exit()).as(login.toString()).isZero();
    return cli;
  }

  @Test
  void aLargeUploadCutOffGoesOnFromWhereItStoppedWhenRunAgain() throws Exception {
    var cli = signedIn();
    var large = TestPdfs.write(work.resolve("large.pdf"), LARGE, 7);
    var sha256 = Hashes.sha256(large);

    proxy.reset();
    proxy.cutUpAfter(LARGE / 3);
    var cut = cli.run("upload", large.toString(), "--retries", "0");
    assertThat(cut.exit()).as(cut.toString()).isEqualTo(Exit.UNREACHABLE);
    assertThat(cut.err())
        .startsWith("fileshare: The upload of large.pdf stopped at ")
        .endsWith("run the same command again to go on from there\n");
    assertThat(cut.err().lines()).hasSize(1);

    proxy.reset();
    var resumed = cli.run("upload", large.toString(), "--json");
    assertThat(resumed.exit()).as(resumed.toString()).isZero();
    var sentAgain = proxy.up.get();
    assertThat(sentAgain).as("bytes sent by the second run").isLessThan(LARGE - LARGE / 4);
    var file = (Map<?, ?>) JSON.std.listFrom(resumed.out()).get(0);
    assertThat(file.get("sha256")).isEqualTo(sha256);
    assertThat(((Number) file.get("size")).longValue()).isEqualTo(Files.size(large));

    var listed = JSON.std.listFrom(cli.run("ls", "--json").out());
    assertThat(listed).hasSize(1);
    assertThat(JSON.std.mapFrom(Files.readString(home.resolve("config/uploads.json")))).isEmpty();
  }

  @Test
  void aDownloadCutOffGoesOnWithARangeAndIsCheckedAgainstItsSha256() throws Exception {
    var cli = signedIn();
    var size = 64L << 20;
    var pdf = TestPdfs.write(work.resolve("download.pdf"), size, 8);
    proxy.reset();
    assertThat(cli.run("upload", pdf.toString()).exit()).isZero();
    var target = work.resolve("downloaded");
    Files.createDirectories(target);

    proxy.reset();
    proxy.cutDownAfter(size / 2);
    var cut = cli.run("download", "download.pdf", "-o", target.toString(), "--retries", "0");
    assertThat(cut.exit()).as(cut.toString()).isEqualTo(Exit.UNREACHABLE);
    assertThat(cut.err()).contains("The download of download.pdf stopped at").hasLineCount(1);
    assertThat(target.resolve("download.pdf")).doesNotExist();
    var part = target.resolve("download.pdf.part");
    assertThat(Files.size(part)).isBetween(size / 4, size / 2);

    proxy.reset();
    var resumed = cli.run("download", "download.pdf", "-o", target.toString());
    assertThat(resumed.exit()).as(resumed.toString()).isZero();
    assertThat(proxy.down.get()).as("bytes received by the second run").isLessThan(size - size / 4);
    assertThat(target.resolve("download.pdf")).hasSameBinaryContentAs(pdf);
    assertThat(part).doesNotExist();

    proxy.reset();
    proxy.corruptDownAt(size / 2);
    var corrupted =
        cli.run("download", "download.pdf", "-o", work.resolve("corrupted").toString() + "/");
    assertThat(corrupted.exit()).as(corrupted.toString()).isEqualTo(Exit.CHECKSUM);
    assertThat(corrupted.err()).contains("has SHA-256").contains("download it again");
    assertThat(work.resolve("corrupted/download.pdf")).doesNotExist();
    assertThat(work.resolve("corrupted/download.pdf.part")).doesNotExist();
  }

  @Test
  void theRunnableJarDrawsNoProgressBarsWhenItsOutputIsNotATerminal() throws Exception {
    var jar = System.getProperty("fileshare.cli.jar");
    assertThat(Path.of(jar)).exists();
    var pdf = TestPdfs.write(work.resolve("piped.pdf"), 3L << 20, 9);
    var config = home.resolve("jar-config");
    var login =
        jar(
            jar,
            config,
            ServerUnderTest.PASSWORD + "\n",
            "login",
            "--server",
            server.url(),
            "-u",
            "alice",
            "--password-stdin");
    assertThat(login.exit()).as(login.toString()).isZero();
    var upload = jar(jar, config, "", "upload", pdf.toString());
    assertThat(upload.exit()).as(upload.toString()).isZero();
    assertThat(upload.out())
        .startsWith("Uploaded " + pdf)
        .doesNotContain("\r")
        .doesNotContain("\u001b");
    assertThat(upload.err()).isEmpty();
    var help = jar(jar, config, "", "--help");
    assertThat(help.out()).contains("sync-up").contains("Exit status");
  }

  private static CliRun.Result jar(String jar, Path config, String stdin, String... args)
      throws Exception {
    var command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().put("FILESHARE_CONFIG_DIR", config.toString());
    builder.environment().remove("FILESHARE_URL");
    builder.environment().remove("FILESHARE_TOKEN");
    var process = builder.start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var out =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    var err =
        new String(
            process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new CliRun.Result(process.exitValue(), out, err);
  }
}
