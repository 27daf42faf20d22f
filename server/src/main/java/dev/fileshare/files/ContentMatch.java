package dev.fileshare.files;

import java.util.Map;
import java.util.Optional;

/**
 * Finds files by what is inside them, for {@code GET /api/files/?search=} (which matches names OR
 * content); implemented by the module that indexes documents' text. Without one, a search matches
 * names only.
 */
public interface ContentMatch {

  /**
   * A query that selects the ids of the files whose content matches the search, as SQL for {@code
   * id IN (...)}, backed by the text index; its named parameters are put into {@code params}, each
   * named from {@code content_}. Empty when the search has no word to look for.
   */
  Optional<String> fileIds(String search, Map<String, Object> params);
}
