package dev.fileshare.documents;

import dev.fileshare.shared.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a search asks for, parsed from what the user typed: words (all of them must be on the page),
 * {@code "phrases"}, {@code -excluded} words or phrases, and {@code OR} between groups of those
 * ({@code a b OR c} is {@code (a and b) or c}, as PostgreSQL's {@code websearch_to_tsquery} reads
 * it). Every term is folded ({@link TextFolding}) and kept as its words only, so no quote, operator
 * or punctuation the user typed reaches the database's query syntax; a term of several words (a
 * phrase, {@code e-mail}, a CJK word) must be found as those words in a row.
 *
 * @param groups the groups joined by OR, each with at least one term to find
 */
record SearchQuery(List<Group> groups) {

  /** Characters a query may have. */
  static final int MAX_LENGTH = 500;

  /** Terms a query may have, so that one query cannot ask the index for too much. */
  static final int MAX_TERMS = 32;

  /** Terms that must all be on a page, and terms that must not; each term a list of words. */
  record Group(List<List<String>> found, List<List<String>> excluded) {}

  /** The query, or a 400 problem saying why it cannot be searched for. */
  static SearchQuery parse(String text) {
    if (text.isBlank()) {
      throw ApiException.invalid("q", "Type a word to search for.");
    }
    if (text.length() > MAX_LENGTH) {
      throw ApiException.invalid("q", "A search is at most " + MAX_LENGTH + " characters.");
    }
    var groups = groups(text);
    if (groups.isEmpty()) {
      throw ApiException.invalid("q", "The search has no word to look for, only exclusions.");
    }
    if (groups.stream().mapToInt(g -> g.found().size() + g.excluded().size()).sum() > MAX_TERMS) {
      throw ApiException.invalid("q", "A search has at most " + MAX_TERMS + " terms.");
    }
    return new SearchQuery(groups);
  }

  /** The query, if the text has something to search for; for searches that never refuse. */
  static Optional<SearchQuery> lenient(String text) {
    if (text.isBlank() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    var groups = groups(text);
    return groups.isEmpty() ? Optional.empty() : Optional.of(new SearchQuery(groups));
  }

  /** The FTS5 MATCH expression: every term a quoted string of its words. */
  String fts5() {
    return groups.stream()
        .map(
            g -> {
              var found =
                  g.found().stream().map(SearchQuery::quoted).collect(Collectors.joining(" AND "));
              var out = new StringBuilder("(").append(found).append(')');
              g.excluded().forEach(term -> out.append(" NOT ").append(quoted(term)));
              return "(" + out + ")";
            })
        .collect(Collectors.joining(" OR "));
  }

  /** The text for PostgreSQL's {@code websearch_to_tsquery}: every term quoted. */
  String websearch() {
    return groups.stream()
        .map(
            g -> {
              var terms = new ArrayList<String>();
              g.found().forEach(term -> terms.add(quoted(term)));
              g.excluded().forEach(term -> terms.add("-" + quoted(term)));
              return String.join(" ", terms);
            })
        .collect(Collectors.joining(" or "));
  }

  /** The words to mark in a snippet: those of every term to find. */
  Set<String> words() {
    var words = new LinkedHashSet<String>();
    groups.forEach(g -> g.found().forEach(words::addAll));
    return words;
  }

  /** Only letters, digits and spaces are inside, so nothing needs escaping. */
  private static String quoted(List<String> words) {
    return '"' + String.join(" ", words) + '"';
  }

  private static List<Group> groups(String text) {
    var groups = new ArrayList<Group>();
    var found = new ArrayList<List<String>>();
    var excluded = new ArrayList<List<String>>();
    var i = 0;
    while (i < text.length()) {
      var c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      var negated =
          c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
      if (negated) {
        i++;
      }
      String term;
      var phrase = text.charAt(i) == '"';
      if (phrase) {
        var close = text.indexOf('"', i + 1);
        var end = close < 0 ? text.length() : close;
        term = text.substring(i + 1, end);
        i = close < 0 ? end : end + 1;
      } else {
        var end = i;
        while (end < text.length()
            && !Character.isWhitespace(text.charAt(end))
            && text.charAt(end) != '"') {
          end++;
        }
        term = text.substring(i, end);
        i = end;
      }
      if (!phrase && !negated && term.equals("OR")) {
        close(groups, found, excluded);
        found = new ArrayList<>();
        excluded = new ArrayList<>();
        continue;
      }
      var words = TextFolding.words(TextFolding.fold(term)).stream().map(w -> w.text()).toList();
      if (!words.isEmpty()) {
        (negated ? excluded : found).add(words);
      }
    }
    close(groups, found, excluded);
    return groups;
  }

  /** A group with nothing to find would match nearly every page: it is left out. */
  private static void close(
      List<Group> groups, List<List<String>> found, List<List<String>> excluded) {
    if (!found.isEmpty()) {
      groups.add(new Group(List.copyOf(found), List.copyOf(excluded)));
    }
  }
}
