package dev.fileshare.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.tus.java.client.TusURLStore;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each unfinished upload goes on: its tus URL by the fingerprint of the local file, kept in
 * {@code uploads.json} in the config directory (owner-only), so that running the same upload again
 * resumes it, in this process or a later one.
 */
final class UploadUrls implements TusURLStore {

  private final Path file;

  UploadUrls(Path configDir) {
    this.file = configDir.resolve("uploads.json");
  }

  @Override
  public synchronized void set(String fingerprint, URL url) {
    var all = read();
    all.put(fingerprint, url.toString());
    write(all);
  }

  @Override
  public synchronized @Nullable URL get(String fingerprint) {
    var url = read().get(fingerprint);
    try {
      return url instanceof String s ? URI.create(s).toURL() : null;
    } catch (MalformedURLException | IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public synchronized void remove(String fingerprint) {
    var all = read();
    if (all.remove(fingerprint) != null) {
      write(all);
    }
  }

  private Map<String, Object> read() {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    try {
      return new LinkedHashMap<>(JSON.std.mapFrom(Files.readString(file)));
    } catch (IOException damaged) {
      // unfinished uploads start over; nothing else is lost
      return new LinkedHashMap<>();
    }
  }

  private void write(Map<String, Object> all) {
    SignIns.OwnerOnly.writeJson(file, all);
  }
}
