package dev.fileshare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs of a few megabytes, for tests of a full disk. Mounting needs root (CAP_SYS_ADMIN), as CI
 * has: {@link #mount} answers why not otherwise, and the test skips.
 */
public final class SmallDisk implements AutoCloseable {

  private final Path path;

  private SmallDisk(Path path) {
    this.path = path;
  }

  /** What mounting answered: the disk, or why there is none. */
  public record Mounted(SmallDisk disk, String refusal) {}

  /** Mounts a tmpfs of {@code size} (as mount's {@code size=} option: {@code 16m}). */
  public static Mounted mount(String size) throws IOException, InterruptedException {
    var path = Files.createTempDirectory("fileshare-small-disk-");
    var answer = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path.toString());
    if (!answer.isEmpty()) {
      Files.delete(path);
      return new Mounted(
          null,
          "Mounting a tmpfs needs root (CAP_SYS_ADMIN), as CI has; skipped here. mount said: "
              + answer);
    }
    return new Mounted(new SmallDisk(path), "");
  }

  public Path path() {
    return path;
  }

  /** Writes a file until the disk has no byte left; answers it. */
  public Path fill(String name) throws IOException {
    var filler = path.resolve(name);
    var block = new byte[64 * 1024];
    try (var out = Files.newOutputStream(filler, StandardOpenOption.CREATE_NEW)) {
      for (var size = block.length; size > 0; size /= 2) {
        try {
          while (true) {
            out.write(block, 0, size);
            out.flush();
          }
        } catch (IOException full) {
          // then smaller blocks, down to single bytes
        }
      }
    }
    assertThat(Files.getFileStore(path).getUsableSpace()).isZero();
    return filler;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (!run("umount", path.toString()).isEmpty()) {
      run("umount", "-l", path.toString());
    }
    Files.deleteIfExists(path);
  }

  /** Runs a command; answers nothing when it succeeded, else what it printed. */
  private static String run(String... command) throws InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      output = e.getMessage();
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return "no answer within 30 s";
    }
    return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + output.trim();
  }
}
