package dev.fileshare.files.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.files.FileView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A file on the wire, in every answer that holds one: the original's {@code id} and {@code pdf}
 * (now an absolute link that downloads the file with a token), then its metadata. Written by {@link
 * FileAnswerSerializer}, in the order of the components here.
 *
 * @param url the file's own address; only the answer that finishes a resumable upload has it, and
 *     the member is left out where it is {@code null}
 * @param version the number of the file's current content (see {@code /api/files/{id}/versions/})
 * @param sharedBy who shared the file with the caller by name; left out unless it is
 * @param permission what the caller may do with a file shared with them; left out unless it is
 * @param request the file request the file came through; left out unless it did
 * @param details members other modules add (such as {@code document}), written last, in order
 */
@JsonSerialize(using = FileAnswerSerializer.class)
public record FileAnswer(
    long id,
    @Nullable String url,
    String pdf,
    String name,
    long size,
    @JsonProperty("content_type") String contentType,
    String sha256,
    String owner,
    String visibility,
    Instant created,
    Instant updated,
    long version,
    @JsonProperty("shared_by") @Nullable String sharedBy,
    @Nullable String permission,
    @Nullable Long request,
    @JsonIgnore Map<String, Object> details) {

  /** The file as {@code GET /api/files/{id}/} answers it. */
  public static FileAnswer of(FileView file, FileUrlBuilder urls) {
    return answer(file, null, urls);
  }

  /** The file as {@code GET /api/files/{id}/} answers it, and its own address as {@code url}. */
  public static FileAnswer withUrl(FileView file, FileUrlBuilder urls) {
    return answer(file, urls.file(file.id()), urls);
  }

  static List<FileAnswer> of(List<FileView> files, FileUrlBuilder urls) {
    return files.stream().map(file -> of(file, urls)).toList();
  }

  private static FileAnswer answer(FileView file, @Nullable String url, FileUrlBuilder urls) {
    return new FileAnswer(
        file.id(),
        url,
        urls.download(file.id()),
        file.name(),
        file.size(),
        file.contentType(),
        file.sha256(),
        file.owner(),
        file.visibility().wire(),
        file.created(),
        file.updated(),
        file.version(),
        file.sharedBy(),
        file.permission() == null ? null : file.permission().wire(),
        file.request(),
        file.details());
  }

  /** DRF's limit/offset envelope. */
  record Page(
      long count, @Nullable String next, @Nullable String previous, List<FileAnswer> results) {}

  /** The original's {@code GET /api/all_files/} answer. */
  record AllFiles(List<FileAnswer> files) {}
}
