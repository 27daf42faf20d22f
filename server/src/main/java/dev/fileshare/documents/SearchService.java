package dev.fileshare.documents;

import dev.fileshare.files.FileService;
import dev.fileshare.files.FileView;
import dev.fileshare.files.VisibilityRule;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Full-text search over the pages of the documents a caller may see: the files whose pages match
 * best first, each with its best few pages and a snippet of each. Only the first {@code limit}
 * files are answered: ranks do not make a stable key to page on, and the best files are what a
 * search is for.
 */
@Service
public class SearchService {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 50;

  /** Pages shown for each file at most. */
  static final int HITS_PER_FILE = 3;

  /** A file found, how well it matches (higher is better), and its best pages. */
  public record Found(FileView file, double score, List<PageFound> pages) {}

  /** A page found and a snippet of it, HTML-escaped but for the {@code <mark>}s. */
  public record PageFound(int page, String snippet) {}

  private final PageRows pages;
  private final VisibilityRule visible;
  private final FileService files;

  SearchService(PageRows pages, VisibilityRule visible, FileService files) {
    this.pages = pages;
    this.visible = visible;
    this.files = files;
  }

  /**
   * The best {@code limit} files for the query (see {@link SearchQuery} for what it may say); a 400
   * problem for a query that has nothing to search for.
   */
  public List<Found> search(AuthenticatedUser caller, String text, int limit) {
    var query = SearchQuery.parse(text);
    var params = new HashMap<String, Object>();
    var condition = visible.condition(caller, params);
    var byFile = new LinkedHashMap<Long, List<PageRows.Hit>>();
    for (var hit : pages.search(query, condition, params, limit, HITS_PER_FILE)) {
      if (byFile.size() < limit || byFile.containsKey(hit.fileId())) {
        byFile.computeIfAbsent(hit.fileId(), id -> new ArrayList<>()).add(hit);
      }
    }
    var views = files.visible(caller, List.copyOf(byFile.keySet()));
    var bodies = pages.bodies(byFile.values().stream().flatMap(List::stream).toList());
    var words = query.words();
    return views.stream()
        .map(
            view -> {
              var hits = byFile.get(view.id());
              var found =
                  hits.stream()
                      .map(
                          hit -> {
                            var body = bodies.get(PageRows.rowid(hit.fileId(), hit.page()));
                            var snippet = body == null ? "" : SearchSnippets.snippet(body, words);
                            return new PageFound(hit.page(), snippet);
                          })
                      .toList();
              return new Found(view, score(hits.get(0).score()), found);
            })
        .toList();
  }

  /** Higher is better, four decimals: the databases' own scores differ in scale anyway. */
  private static double score(double rank) {
    return Math.round(-rank * 10_000) / 10_000.0;
  }
}
