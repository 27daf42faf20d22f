package dev.fileshare.documents;

import java.text.Normalizer;

/**
 * Text as it is matched: accents removed (é is e) and each CJK character a word of its own, since
 * those scripts do not put spaces between words. Both the indexed text and the query are folded the
 * same way, on every database.
 */
final class TextFolding {

  private TextFolding() {}

  static String fold(String text) {
    var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    var out = new StringBuilder(decomposed.length() + 16);
    for (var i = 0; i < decomposed.length(); ) {
      var c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (isCjk(c)) {
        out.append(' ').appendCodePoint(c).append(' ');
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  static boolean isCjk(int c) {
    var script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
