package dev.fileshare.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text as it is matched: accents removed (é is e) and each CJK character a word of its own, since
 * those scripts do not put spaces between words. Both the indexed text and the query are folded the
 * same way, on every database; a snippet finds the words of a query in the folded text and marks
 * the same places of the original ({@link #folded}).
 */
final class TextFolding {

  private TextFolding() {}

  /** Folded text, and for each of its chars the index of the original's char it came from. */
  record Folded(String text, int[] origin) {}

  /** A word of folded text: its letters, lower-case, and where it is ({@code [start, end)}). */
  record Word(String text, int start, int end) {}

  static String fold(String text) {
    return folded(text, false).text();
  }

  /** The text folded, with each folded char's origin in {@code text}. */
  static Folded folded(String text) {
    return folded(text, true);
  }

  private static Folded folded(String text, boolean mapped) {
    var out = new StringBuilder(text.length() + 16);
    var origin = mapped ? new int[text.length() * 2 + 16] : new int[0];
    for (var i = 0; i < text.length(); ) {
      var c = text.codePointAt(i);
      var from = i;
      i += Character.charCount(c);
      var before = out.length();
      if (isCjk(c)) {
        out.append(' ').appendCodePoint(c).append(' ');
      } else if (c < 0x80) {
        out.append((char) c);
      } else {
        // each code point on its own: a Hangul syllable is kept whole above, and nothing else
        // that is folded depends on its neighbours
        var decomposed = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKD);
        decomposed
            .codePoints()
            .filter(d -> Character.getType(d) != Character.NON_SPACING_MARK)
            .forEach(out::appendCodePoint);
      }
      if (mapped) {
        if (out.length() > origin.length) {
          origin = Arrays.copyOf(origin, Math.max(out.length(), origin.length * 2));
        }
        Arrays.fill(origin, before, out.length(), from);
      }
    }
    return new Folded(out.toString(), mapped ? Arrays.copyOf(origin, out.length()) : origin);
  }

  /**
   * The words of folded text: runs of letters and digits, as both databases' tokenizers split them
   * (a CJK character is already a word of its own after folding).
   */
  static List<Word> words(String folded) {
    var words = new ArrayList<Word>();
    var start = -1;
    for (var i = 0; i < folded.length(); ) {
      var c = folded.codePointAt(i);
      var letter = Character.isLetterOrDigit(c) && !isCjk(c);
      if (isCjk(c)) {
        if (start >= 0) {
          words.add(word(folded, start, i));
          start = -1;
        }
        words.add(word(folded, i, i + Character.charCount(c)));
      } else if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words.add(word(folded, start, i));
        start = -1;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      words.add(word(folded, start, folded.length()));
    }
    return words;
  }

  private static Word word(String folded, int start, int end) {
    return new Word(folded.substring(start, end).toLowerCase(Locale.ROOT), start, end);
  }

  static boolean isCjk(int c) {
    var script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
