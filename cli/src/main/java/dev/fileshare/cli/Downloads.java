package dev.fileshare.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Downloads into {@code <name>.part} beside the target and renames it when whole: a download cut
 * off goes on with a {@code Range} request from the bytes already there (within this run, or when
 * the same command runs again), as long as the file is still the same ({@code If-Range} with its
 * ETag); what arrived must have the SHA-256 the server gives for the file. The part is locked while
 * it is written, so two downloads to the same place never write into one part.
 */
final class Downloads {

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final int BUFFER_BYTES = 256 * 1024;

  private final Api api;
  private final Retries retries;

  Downloads(Api api, Retries retries) {
    this.api = api;
    this.retries = retries;
  }

  /** The bytes already there from an earlier try of the same target. */
  static Path partOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  void download(Map<String, Object> file, Path target, boolean replace, Progress.Bar bar) {
    var size = RemoteFiles.size(file);
    var part = partOf(target);
    String got;
    try (var channel = openLocked(part, target)) {
      got =
          Hashes.hex(
              retries.run(
                  "The download of " + RemoteFiles.name(file),
                  () -> fetch(file, channel, size, bar),
                  () -> "at " + sizeOf(channel) + " of " + size + " bytes"));
      channel.force(true);
    } catch (IOException e) {
      throw new CliException(Exit.FAILED, "Cannot write " + part + ": " + e.getMessage());
    }
    var sha256 = String.valueOf(file.get("sha256"));
    try {
      if (!got.equals(sha256)) {
        Files.deleteIfExists(part);
        throw new CliException(
            Exit.CHECKSUM,
            "What arrived for "
                + RemoteFiles.name(file)
                + " has SHA-256 "
                + got
                + ", not "
                + sha256
                + ": it was removed; download it again");
      }
      if (replace) {
        Files.move(
            part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new CliException(Exit.FAILED, "Cannot write " + target + ": " + e.getMessage());
    }
  }

  private static FileChannel openLocked(Path part, Path target) throws IOException {
    var parent = part.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    var channel =
        FileChannel.open(
            part, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() != null) {
        return channel;
      }
    } catch (OverlappingFileLockException held) {
      // by this process: the same target twice on one command line
    }
    channel.close();
    throw new CliException(Exit.FAILED, "Another download to " + target + " is running");
  }

  private static long sizeOf(FileChannel channel) {
    try {
      return channel.size();
    } catch (IOException e) {
      return 0;
    }
  }

  /** One try: the rest of the bytes after those in the part, hashed with them. */
  private MessageDigest fetch(
      Map<String, Object> file, FileChannel channel, long size, Progress.Bar bar)
      throws IOException {
    var have = channel.size();
    if (have > size) {
      channel.truncate(0);
      have = 0;
    }
    var digest = Hashes.sha256();
    hashStart(channel, have, digest);
    bar.stepTo(have);
    if (have == size) {
      return digest;
    }
    var request =
        api.request("/api/download/" + RemoteFiles.id(file) + "/").header("Accept", "*/*").GET();
    if (have > 0) {
      request
          .header("Range", "bytes=" + have + "-")
          .header("If-Range", "\"" + file.get("sha256") + "\"");
    }
    try (var response = api.send(request)) {
      if (response.status() == 206) {
        var range =
            response.headers().firstValue("Content-Range").map(CONTENT_RANGE::matcher).orElse(null);
        if (range == null || !range.matches() || Long.parseLong(range.group(1)) != have) {
          throw new CliException(
              Exit.FAILED, "The server sent another range than the one asked for");
        }
      } else if (have > 0) {
        // the whole file again (it changed since the part was written): start over
        channel.truncate(0);
        digest = Hashes.sha256();
        have = 0;
        bar.stepTo(0);
      }
      channel.position(have);
      var buffer = new byte[BUFFER_BYTES];
      var done = have;
      try (var in = response.body()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          var wrap = ByteBuffer.wrap(buffer, 0, read);
          while (wrap.hasRemaining()) {
            channel.write(wrap);
          }
          digest.update(buffer, 0, read);
          done += read;
          bar.stepTo(done);
        }
      }
      if (done != size) {
        throw new IOException("the connection ended after " + done + " of " + size + " bytes");
      }
    }
    return digest;
  }

  /** Hashes the bytes already in the part, through the locked channel. */
  private static void hashStart(FileChannel channel, long length, MessageDigest digest)
      throws IOException {
    var buffer = ByteBuffer.allocate(BUFFER_BYTES);
    var position = 0L;
    while (position < length) {
      buffer.clear().limit((int) Math.min(BUFFER_BYTES, length - position));
      var read = channel.read(buffer, position);
      if (read < 0) {
        break;
      }
      buffer.flip();
      digest.update(buffer);
      position += read;
    }
  }
}
