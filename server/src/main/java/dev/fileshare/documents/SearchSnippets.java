package dev.fileshare.documents;

import java.util.Set;

/**
 * A few lines of a page around where a search found it, HTML-escaped, with the words found in
 * {@code <mark>}. The words are looked for in the folded text and marked in the original through
 * {@link TextFolding#folded}'s map, so {@code cafe} marks {@code Café} and a CJK word marks its
 * characters. A word marks the forms the index's English stemming finds too ({@code invoice} marks
 * {@code invoices}), by a prefix rule: close enough for a snippet.
 */
final class SearchSnippets {

  /** Words of context before the first word found. */
  private static final int BEFORE = 8;

  /** Words in a snippet at most. */
  private static final int WORDS = 32;

  /** Characters of the original in a snippet at most. */
  private static final int MAX_CHARS = 320;

  private SearchSnippets() {}

  static String snippet(String body, Set<String> found) {
    var folded = TextFolding.folded(body);
    var words = TextFolding.words(folded.text());
    if (words.isEmpty()) {
      return "";
    }
    var first = 0;
    while (first < words.size() && !matches(words.get(first).text(), found)) {
      first++;
    }
    if (first == words.size()) {
      first = 0;
    }
    var from = Math.max(0, first - BEFORE);
    var to = Math.min(words.size(), from + WORDS);
    var origin = folded.origin();
    var start = from == 0 ? 0 : origin[words.get(from).start()];
    var out = new StringBuilder();
    if (!body.substring(0, start).isBlank()) {
      out.append("… ");
    }
    var at = start;
    var limit = start + MAX_CHARS;
    var end = start;
    var whole = to == words.size();
    for (var word : words.subList(from, to)) {
      var wordStart = origin[word.start()];
      var wordEnd = endOf(body, origin[word.end() - 1]);
      if (wordEnd > limit && end > start) {
        whole = false;
        break;
      }
      end = wordEnd;
      if (matches(word.text(), found)) {
        escape(body, at, wordStart, out);
        out.append("<mark>");
        escape(body, wordStart, wordEnd, out);
        out.append("</mark>");
        at = wordEnd;
      }
    }
    if (whole && body.length() - end < MAX_CHARS / 4) {
      end = body.length();
    }
    escape(body, at, end, out);
    if (!body.substring(end).isBlank()) {
      out.append(" …");
    }
    return out.toString();
  }

  /** Whether a word of the page is one of those found, or a form of one. */
  static boolean matches(String word, Set<String> found) {
    if (found.contains(word)) {
      return true;
    }
    for (var term : found) {
      if (term.length() >= 3 && word.startsWith(term) && word.length() - term.length() <= 4) {
        return true;
      }
      if (word.length() >= 4 && term.startsWith(word) && term.length() - word.length() <= 3) {
        return true;
      }
    }
    return false;
  }

  /** After the char at {@code i} and the combining marks that follow it. */
  private static int endOf(String body, int i) {
    var end = i + Character.charCount(body.codePointAt(i));
    while (end < body.length()
        && Character.getType(body.codePointAt(end)) == Character.NON_SPACING_MARK) {
      end += Character.charCount(body.codePointAt(end));
    }
    return end;
  }

  /** The text HTML-escaped, each run of white space one space. */
  private static void escape(String body, int from, int to, StringBuilder out) {
    var space = false;
    for (var i = from; i < to; i++) {
      var c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
  }
}
