package dev.fileshare.documents;

import dev.fileshare.files.ContentMatch;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/files/?search=} finds files by the text of their pages as well as by name: the
 * search read as a query ({@link SearchQuery}); one with no word to look for matches names only,
 * never a refusal.
 */
@Component
class SearchContentMatch implements ContentMatch {

  private final PageRows pages;

  SearchContentMatch(PageRows pages) {
    this.pages = pages;
  }

  @Override
  public Optional<String> fileIds(String search, Map<String, Object> params) {
    return SearchQuery.lenient(search).map(query -> pages.matchingFiles(query, params));
  }
}
