package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.FileShareApplication;
import dev.fileshare.support.TestPeers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.ClassUtils;

/**
 * The server started from the beans' definitions that the build prepared ahead of time ({@code
 * -Dspring.aot.enabled=true}, README "Starting faster"), in a JVM of its own: a user signs up,
 * uploads, lists and downloads, the background work delivers mail, and a command given the same JVM
 * options runs. A start whose configuration asks for choices the build did not prepare is refused,
 * naming them.
 */
class AheadOfTimeStartIntegrationTests {

  static final String AOT = "-Dspring.aot.enabled=true";

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  Path dataDir;

  @Test
  void aStartFromThePreparedDefinitionsServesUsers() throws Exception {
    assertPrepared();
    var databaseUrl = databaseUrl();
    var server = new ServerProcess(dataDir, databaseUrl, List.of()).jvm(AOT).mailToLog();
    try {
      server.start();
      assertThat(Files.readString(server.log()))
          .contains("Starting AOT-processed FileShareApplication");
      var api = server.api();
      var jdbc =
          CrashChecks.jdbc(
              databaseUrl != null ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("fileshare.db"));
      var user = TestUsers.verified(api, jdbc);
      var pdf = TestPdfs.pdf("prepared ahead of time");

      var created = FileCalls.upload(api, user.token(), "aot.pdf", pdf);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      var id = created.json().get("id").asLong();
      var list = api.get("/api/files/?owner=me").token(user.token()).send();
      assertThat(list.json().get(0).get("name").asString()).isEqualTo("aot.pdf");
      assertThat(api.get("/api/download/" + id + "/").token(user.token()).send().bytes())
          .isEqualTo(pdf);
      // the mail worker, a scheduled job, wrote the sign-up's confirmation to the log
      awaitInLog(server.log(), user.username() + "@example.test");

      var command = new ArrayList<>(List.of("quota", "show", user.username()));
      command.add("--fileshare.data-dir=" + dataDir);
      if (databaseUrl != null) {
        command.addAll(
            List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"));
      }
      assertThat(runInOwnJvm(command)).isZero();
    } finally {
      server.stop();
    }
  }

  @Test
  void aStartAskingForChoicesTheBuildDidNotPrepareIsRefused() throws Exception {
    assertPrepared();
    // the build prepared the defaults: the local disk and mail to the log
    var server =
        new ServerProcess(
                dataDir,
                databaseUrl(),
                List.of("--fileshare.storage.type=s3", "--fileshare.storage.s3.bucket=files"))
            .jvm(AOT);

    assertThatThrownBy(server::start).hasMessageContaining("exited");

    assertThat(server.exitCode()).isNotZero();
    assertThat(Files.readString(server.log()))
        .contains("APPLICATION FAILED TO START")
        .contains(
            "blobs in S3: this start asks for it, the build did not prepare it"
                + " (-Dfileshare.storage.type=s3)")
        .contains("mail through SMTP: this start asks for it")
        .contains("Start without -Dspring.aot.enabled=true, or build the jar");
  }

  private static void assertPrepared() {
    assertThat(
            ClassUtils.isPresent(
                FileShareApplication.class.getName() + "__ApplicationContextInitializer", null))
        .as("the definitions prepared by the build's process-aot (./mvnw verify or package)")
        .isTrue();
  }

  private static String databaseUrl() {
    return "postgres".equals(TestPeers.database()) ? TestPeers.newPostgresDatabase() : null;
  }

  private int runInOwnJvm(List<String> arguments) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add(AOT);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FileShareApplication.class.getName());
    command.addAll(arguments);
    var process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("command.log").toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private static void awaitInLog(Path log, String text) throws Exception {
    var deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.readString(log).contains(text)) {
      assertThat(Instant.now()).as("%s in %s", text, log).isBefore(deadline);
      Thread.sleep(200);
    }
  }
}
