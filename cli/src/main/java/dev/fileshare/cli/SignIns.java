package dev.fileshare.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sign-ins kept in {@code config.json} in the config directory: for each server its token (or
 * API key) and user, and which server was signed in to last. The directory is made owner-only (700)
 * and the file is written owner-only (600) through a temporary file and a rename, so a crash never
 * leaves half a file and no other user can read a token.
 */
final class SignIns {

  /** One server's sign-in; {@code apiKey} when the token is an API key (it is not signed out). */
  record SignIn(String token, @Nullable String user, boolean apiKey) {}

  private final Path file;

  SignIns(Path configDir) {
    this.file = configDir.resolve("config.json");
  }

  Path file() {
    return file;
  }

  /** The server signed in to last, if any. */
  @Nullable String lastServer() {
    var server = read().get("server");
    return server instanceof String s ? s : null;
  }

  @Nullable SignIn get(String server) {
    if (!(servers(read()).get(server) instanceof Map<?, ?> entry)) {
      return null;
    }
    if (!(entry.get("token") instanceof String token)) {
      return null;
    }
    var user = entry.get("user") instanceof String u ? u : null;
    return new SignIn(token, user, Boolean.TRUE.equals(entry.get("api_key")));
  }

  void put(String server, SignIn signIn) {
    var config = read();
    var entry = new LinkedHashMap<String, Object>();
    entry.put("token", signIn.token());
    entry.put("user", signIn.user());
    entry.put("api_key", signIn.apiKey());
    servers(config).put(server, entry);
    config.put("server", server);
    write(config);
  }

  void remove(String server) {
    var config = read();
    servers(config).remove(server);
    write(config);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> servers(Map<String, Object> config) {
    return (Map<String, Object>)
        config.compute(
            "servers", (key, value) -> value instanceof Map ? value : new LinkedHashMap<>());
  }

  private Map<String, Object> read() {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    try {
      return new LinkedHashMap<>(JSON.std.mapFrom(Files.readString(file)));
    } catch (IOException e) {
      throw new CliException(
          Exit.FAILED,
          "Cannot read " + file + " (" + e.getMessage() + "): remove it and sign in again");
    }
  }

  private void write(Map<String, Object> config) {
    OwnerOnly.writeJson(file, config);
  }

  /** Files and directories only their owner may read, on systems with POSIX permissions. */
  static final class OwnerOnly {

    private OwnerOnly() {}

    static void directory(Path dir) throws IOException {
      Files.createDirectories(dir);
      if (posix(dir)) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    }

    static void newFile(Path path) throws IOException {
      if (posix(path.getParent())) {
        try {
          Files.createFile(
              path,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
      } else {
        Files.createFile(path);
      }
    }

    /** Replaces the file with the JSON of {@code value}: a temporary file, then a rename. */
    static void writeJson(Path file, Map<String, Object> value) {
      try {
        directory(file.getParent());
        var temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        newFile(temporary);
        Files.writeString(
            temporary, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(value));
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new CliException(Exit.FAILED, "Cannot write " + file + ": " + e.getMessage());
      }
    }

    private static boolean posix(Path dir) {
      return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
  }
}
