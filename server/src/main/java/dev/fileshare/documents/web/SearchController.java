package dev.fileshare.documents.web;

import dev.fileshare.documents.SearchService;
import dev.fileshare.files.web.FileUrlBuilder;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searches the text of the documents the caller may see: {@code q} is words, {@code "phrases"},
 * {@code -excluded} words and {@code OR}; the answer is the best {@code limit} files (default
 * {@value SearchService#DEFAULT_LIMIT}, at most {@value SearchService#MAX_LIMIT}), best first, with
 * their best pages and snippets. There is no next page: ranks are no key to page on.
 */
@RestController
class SearchController {

  private final SearchService search;
  private final FileUrlBuilder urls;

  SearchController(SearchService search, FileUrlBuilder urls) {
    this.search = search;
    this.urls = urls;
  }

  @GetMapping("/api/search")
  List<SearchAnswer> search(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String limit) {
    return search.search(user, q == null ? "" : q, limit(limit)).stream()
        .map(found -> SearchAnswer.of(found, urls))
        .toList();
  }

  private static int limit(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return SearchService.DEFAULT_LIMIT;
    }
    if (text.length() <= 2 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      var value = Integer.parseInt(text);
      if (value >= 1 && value <= SearchService.MAX_LIMIT) {
        return value;
      }
    }
    throw ApiException.invalid(
        "limit", "limit must be a whole number from 1 to " + SearchService.MAX_LIMIT + ".");
  }
}
