package dev.fileshare.files.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.files.FileShare;
import dev.fileshare.files.ShareService;
import dev.fileshare.shared.AuthenticatedUser;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A file's shares with named people: made, listed, changed and revoked by its owner. */
@RestController
class ShareController {

  private final ShareService shares;
  private final FileUrlBuilder urls;

  ShareController(ShareService shares, FileUrlBuilder urls) {
    this.shares = shares;
    this.urls = urls;
  }

  /** {@code user} is a username or an email address; {@code permission} read (default) or edit. */
  record ShareRequest(@Nullable String user, @Nullable String permission) {}

  record PermissionRequest(@Nullable String permission) {}

  /** A share on the wire; {@code email} only while it is an invitation. */
  record ShareAnswer(
      long id,
      long file,
      @Nullable String user,
      @Nullable String email,
      String permission,
      @JsonProperty("shared_by") String sharedBy,
      Instant created,
      Instant updated,
      boolean pending) {

    static ShareAnswer of(FileShare share) {
      return new ShareAnswer(
          share.id(),
          share.file(),
          share.user(),
          share.email(),
          share.permission().wire(),
          share.sharedBy(),
          share.created(),
          share.updated(),
          share.pending());
    }
  }

  /** 201 for a new share, 200 when the person had one already and only its permission changed. */
  @PostMapping("/api/files/{id}/shares")
  ResponseEntity<ShareAnswer> share(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestBody ShareRequest request) {
    var fileId = Ids.parse(id);
    var shared = shares.share(user, fileId, request.user(), request.permission());
    var answer = ShareAnswer.of(shared.share());
    if (!shared.created()) {
      return ResponseEntity.ok(answer);
    }
    return ResponseEntity.created(URI.create(urls.share(fileId, answer.id()))).body(answer);
  }

  @GetMapping("/api/files/{id}/shares")
  List<ShareAnswer> list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    return shares.list(user, Ids.parse(id)).stream().map(ShareAnswer::of).toList();
  }

  @PatchMapping("/api/files/{id}/shares/{share}")
  ShareAnswer change(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @PathVariable String share,
      @RequestBody PermissionRequest request) {
    return ShareAnswer.of(
        shares.change(user, Ids.parse(id), Ids.parse(share), request.permission()));
  }

  /** The recipient removes a file shared with them from their list, without knowing the share. */
  @DeleteMapping("/api/files/{id}/shares/mine")
  ResponseEntity<Void> leave(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    shares.leave(user, Ids.parse(id));
    return ResponseEntity.noContent().build();
  }

  /** The owner revokes the share, or its recipient removes the file from their list. */
  @DeleteMapping("/api/files/{id}/shares/{share}")
  ResponseEntity<Void> remove(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @PathVariable String share) {
    shares.remove(user, Ids.parse(id), Ids.parse(share));
    return ResponseEntity.noContent().build();
  }
}
