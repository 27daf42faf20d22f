package dev.fileshare.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTests {

  @Test
  void accentsFoldToTheirLetters() {
    assertThat(TextFolding.fold("Café Crème Ångström naïve"))
        .isEqualTo("Cafe Creme Angstrom naive");
  }

  @Test
  void decomposedAccentsFoldTheSameWay() {
    assertThat(TextFolding.fold("Cafe\u0301")).isEqualTo(TextFolding.fold("Café"));
  }

  @Test
  void eachCjkCharacterIsAWordOfItsOwn() {
    var words = TextFolding.words(TextFolding.fold("東京都の請求書"));

    assertThat(words)
        .extracting(TextFolding.Word::text)
        .containsExactly("東", "京", "都", "の", "請", "求", "書");
  }

  @Test
  void hangulSyllablesStayWhole() {
    var words = TextFolding.words(TextFolding.fold("한국어 문서"));

    assertThat(words).extracting(TextFolding.Word::text).containsExactly("한", "국", "어", "문", "서");
  }

  @Test
  void wordsAreRunsOfLettersAndDigitsInLowerCase() {
    var words = TextFolding.words(TextFolding.fold("Invoice #2024-07, e-mail: Ünïcode!"));

    assertThat(words)
        .extracting(TextFolding.Word::text)
        .containsExactly("invoice", "2024", "07", "e", "mail", "unicode");
  }

  @Test
  void eachFoldedCharKnowsWhereItCameFrom() {
    var original = "Zoë 東京 ﬁle";
    var folded = TextFolding.folded(original);

    for (var word : TextFolding.words(folded.text())) {
      var from = folded.origin()[word.start()];
      var to = folded.origin()[word.end() - 1];
      assertThat(original.substring(from, to + 1)).isIn("Zoë", "東", "京", "ﬁle");
    }
  }
}
