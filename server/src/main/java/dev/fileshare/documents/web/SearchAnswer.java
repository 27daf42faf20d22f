package dev.fileshare.documents.web;

import dev.fileshare.documents.SearchService;
import dev.fileshare.files.web.FileAnswer;
import dev.fileshare.files.web.FileUrlBuilder;
import java.util.List;

/**
 * A file a search found, on the wire: the file's JSON, its score (higher is better; comparable
 * within one answer only) and its best pages, each with a snippet that is HTML-escaped but for the
 * {@code <mark>} around the words found.
 */
record SearchAnswer(FileAnswer file, double score, List<Hit> hits) {

  record Hit(int page, String snippet) {}

  static SearchAnswer of(SearchService.Found found, FileUrlBuilder urls) {
    return new SearchAnswer(
        FileAnswer.of(found.file(), urls),
        found.score(),
        found.pages().stream().map(p -> new Hit(p.page(), p.snippet())).toList());
  }
}
