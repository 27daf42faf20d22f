package dev.fileshare.files.web;

import dev.fileshare.platform.FileShareSettings;
import org.springframework.stereotype.Component;

/**
 * The links to files that answers carry, built from the public URL, never from the request's Host:
 * the one place that knows the paths of the file endpoints.
 */
@Component
public class FileUrlBuilder {

  private final String files;
  private final String downloads;
  private final String trash;

  FileUrlBuilder(FileShareSettings settings) {
    this.files = settings.link("/api/files/");
    this.downloads = settings.link("/api/download/");
    this.trash = settings.link("/api/trash/");
  }

  /** The file's own address: {@code GET}, {@code PUT}, {@code PATCH}, {@code DELETE}. */
  public String file(long id) {
    return files + id + "/";
  }

  /** One share of the file with a named person. */
  String share(long fileId, long shareId) {
    return files + fileId + "/shares/" + shareId + "/";
  }

  /** Where the file's bytes are downloaded, with a token. */
  public String download(long id) {
    return downloads + id + "/";
  }

  /** The file list with these query parameters ({@code "a=1&b=2"}, already encoded). */
  String list(String query) {
    return files + (query.isEmpty() ? "" : "?" + query);
  }

  /** The caller's trash with these query parameters (already encoded). */
  String trash(String query) {
    return trash + "?" + query;
  }
}
