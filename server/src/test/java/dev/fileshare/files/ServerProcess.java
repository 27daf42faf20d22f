package dev.fileshare.files;

import dev.fileshare.support.Api;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The application in a JVM of its own, on the test's class path, so that a test can kill it with
 * {@code kill -9} and start it again on the same data directory and database.
 */
public final class ServerProcess {

  private final Path dataDir;
  private final String databaseUrl;
  private final int port;
  private final List<String> extraArguments;
  private final List<String> jvmOptions = new ArrayList<>();
  private boolean smtp = true;
  private Path log;
  private Process process;
  private static final java.util.concurrent.atomic.AtomicInteger starts =
      new java.util.concurrent.atomic.AtomicInteger();

  public ServerProcess(Path dataDir, String databaseUrl, List<String> extraArguments) {
    this.dataDir = dataDir;
    this.databaseUrl = databaseUrl;
    this.port = TestPeers.freePort();
    this.extraArguments = List.copyOf(extraArguments);
  }

  /** Options for the JVM, before the class path. */
  public ServerProcess jvm(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** No SMTP server: mail is written to the log, as on a machine without one. */
  public ServerProcess mailToLog() {
    smtp = false;
    return this;
  }

  /** The output of the last start. */
  public Path log() {
    return log;
  }

  public Api api() {
    return new Api(port);
  }

  public void start() throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.fileshare.FileShareApplication");
    command.add("--server.port=" + port);
    command.add("--fileshare.data-dir=" + dataDir);
    command.add("--fileshare.public-url=http://127.0.0.1:" + port);
    if (smtp) {
      command.add("--spring.mail.host=127.0.0.1");
      command.add("--spring.mail.port=" + TestPeers.smtp().getSmtp().getPort());
    }
    for (var limit : List.of("login-per-ip", "register-per-ip", "resend-per-ip", "reset-per-ip")) {
      command.add("--fileshare.rate-limit." + limit + "=100000/1m");
    }
    if (databaseUrl != null) {
      command.add("--spring.datasource.url=" + databaseUrl);
      command.add("--spring.datasource.username=postgres");
      command.add("--spring.datasource.password=postgres");
    }
    command.addAll(extraArguments);
    log = dataDir.resolve("server-" + starts.incrementAndGet() + ".log");
    process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitHealthy(Duration.ofSeconds(90));
  }

  /** The exit code of a server that has stopped. */
  public int exitCode() throws InterruptedException {
    return process.waitFor();
  }

  /** {@code kill -9}: no shutdown hook, no flush, no graceful anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    var deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited; see " + dataDir + "/server-*.log");
      }
      try {
        if (api().get("/actuator/health").send().status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The server did not become healthy; see " + dataDir);
  }
}
