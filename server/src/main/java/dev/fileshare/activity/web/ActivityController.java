package dev.fileshare.activity.web;

import dev.fileshare.activity.ActivityFeed;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's activity feed: what happened to their files and links, newest first, all of it or
 * one file's ({@code file=<id>}), with a {@code Link} to the next page.
 */
@RestController
class ActivityController {

  private static final int MAX_ID_DIGITS = 18;

  private final ActivityFeed feed;
  private final FileShareSettings settings;

  ActivityController(ActivityFeed feed, FileShareSettings settings) {
    this.feed = feed;
    this.settings = settings;
  }

  @GetMapping("/api/activity")
  ResponseEntity<List<ActivityAnswer>> feed(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String file,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var fileId = fileId(file);
    var found = feed.page(user, fileId, paging);
    var response = ResponseEntity.ok();
    if (found.size() == paging.limit()) {
      var query = paging.next(found.get(found.size() - 1).id());
      var next =
          settings.link("/api/activity/" + query + fileId.map(id -> "&file=" + id).orElse(""));
      response.header(HttpHeaders.LINK, Paging.nextLink(next));
    }
    return response.body(found.stream().map(ActivityAnswer::of).toList());
  }

  /** The file filter: absent, or a file's id (a whole number from 1). */
  private static Optional<Long> fileId(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    var digits = text.length() <= MAX_ID_DIGITS && text.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || Long.parseLong(text) < 1) {
      throw ApiException.invalid("file", "file is a file's id: a whole number from 1.");
    }
    return Optional.of(Long.parseLong(text));
  }
}
