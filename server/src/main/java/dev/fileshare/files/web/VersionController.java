package dev.fileshare.files.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.files.VersionService;
import dev.fileshare.files.VersionView;
import dev.fileshare.files.web.download.DownloadWriter;
import dev.fileshare.shared.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A file's earlier versions: listed (newest first, the number of the current content in {@code
 * X-Current-Version}), downloaded like the file itself, restored and deleted.
 */
@RestController
class VersionController {

  static final String CURRENT_VERSION = "X-Current-Version";

  private final VersionService versions;
  private final DownloadWriter writer;
  private final FileUrlBuilder urls;

  VersionController(VersionService versions, DownloadWriter writer, FileUrlBuilder urls) {
    this.versions = versions;
    this.writer = writer;
    this.urls = urls;
  }

  /** A version on the wire; {@code download} is where its bytes are, with a token. */
  record VersionAnswer(
      long number,
      long size,
      String sha256,
      @JsonProperty("content_type") String contentType,
      Instant created,
      @JsonProperty("uploaded_by") @Nullable String uploadedBy,
      Instant replaced,
      @JsonProperty("replaced_by") @Nullable String replacedBy,
      String download) {

    static VersionAnswer of(long fileId, VersionView version, FileUrlBuilder urls) {
      return new VersionAnswer(
          version.number(),
          version.size(),
          version.sha256(),
          version.contentType(),
          version.created(),
          version.uploadedBy(),
          version.replaced(),
          version.replacedBy(),
          urls.file(fileId) + "versions/" + version.number() + "/download/");
    }
  }

  @GetMapping("/api/files/{id}/versions")
  ResponseEntity<List<VersionAnswer>> list(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    var fileId = Ids.parse(id);
    var listed = versions.list(user, fileId);
    return ResponseEntity.ok()
        .header(CURRENT_VERSION, Long.toString(listed.current()))
        .body(listed.versions().stream().map(v -> VersionAnswer.of(fileId, v, urls)).toList());
  }

  /** The version's bytes, with the headers, ranges and conditions of a file's download. */
  @RequestMapping(
      path = "/api/files/{id}/versions/{number}/download",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void download(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @PathVariable String number,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    writer.write(request, response, versions.content(user, Ids.parse(id), Ids.parse(number)));
  }

  /** Makes the version the current content again; answers the file as it is now. */
  @PostMapping("/api/files/{id}/versions/{number}/restore")
  FileAnswer restore(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @PathVariable String number) {
    return FileAnswer.of(versions.restore(user, Ids.parse(id), Ids.parse(number)), urls);
  }

  /** Deletes the version for good; its bytes no longer count toward the owner's quota. */
  @DeleteMapping("/api/files/{id}/versions/{number}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @PathVariable String number) {
    versions.delete(user, Ids.parse(id), Ids.parse(number));
    return ResponseEntity.noContent().build();
  }
}
