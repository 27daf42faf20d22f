package dev.fileshare.files.web;

import dev.fileshare.files.TrashCursor;
import dev.fileshare.files.TrashService;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's trash: list it (newest deleted first, with a {@code Link} to the next page), restore
 * a file, remove one for good, or empty it. {@code DELETE /api/files/{id}/} puts files in it.
 */
@RestController
class TrashController {

  private final TrashService trash;
  private final FileUrlBuilder urls;

  TrashController(TrashService trash, FileUrlBuilder urls) {
    this.trash = trash;
    this.urls = urls;
  }

  /**
   * A page of the caller's trash; {@code before} is the cursor that the {@code Link} header of the
   * previous page carries.
   */
  @GetMapping("/api/trash")
  ResponseEntity<List<TrashAnswer>> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var cursor = TrashCursor.parse(before);
    var size = Paging.of(null, limit).limit();
    var found = trash.list(user, cursor, size);
    var response = ResponseEntity.ok();
    if (found.size() == size) {
      var last = TrashCursor.after(found.get(found.size() - 1));
      var next = urls.trash("before=" + last.text() + "&limit=" + size);
      response.header(HttpHeaders.LINK, Paging.nextLink(next));
    }
    return response.body(found.stream().map(file -> TrashAnswer.of(file, urls)).toList());
  }

  /** Brings the file back under the same id, with its versions, shares and links. */
  @PostMapping("/api/trash/{id}/restore")
  FileAnswer restore(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    return FileAnswer.of(trash.restore(user, Ids.parse(id)), urls);
  }

  /** Removes the file and its versions for good. */
  @DeleteMapping("/api/trash/{id}")
  ResponseEntity<Void> purge(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    trash.purge(user, Ids.parse(id));
    return ResponseEntity.noContent().build();
  }

  /** Removes every file in the caller's trash for good. */
  @DeleteMapping("/api/trash")
  ResponseEntity<Void> empty(@AuthenticationPrincipal AuthenticatedUser user) {
    trash.empty(user);
    return ResponseEntity.noContent().build();
  }
}
