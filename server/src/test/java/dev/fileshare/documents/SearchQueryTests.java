package dev.fileshare.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.shared.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTests {

  @Test
  void wordsMustAllBeFound() {
    var query = SearchQuery.parse("invoice total");

    assertThat(query.fts5()).isEqualTo("((\"invoice\" AND \"total\"))");
    assertThat(query.websearch()).isEqualTo("\"invoice\" \"total\"");
  }

  @Test
  void aPhraseIsItsWordsInARow() {
    var query = SearchQuery.parse("\"Total Amount\" due");

    assertThat(query.fts5()).isEqualTo("((\"total amount\" AND \"due\"))");
    assertThat(query.websearch()).isEqualTo("\"total amount\" \"due\"");
  }

  @Test
  void excludedTermsAreLeftOutOfPages() {
    var query = SearchQuery.parse("invoice -draft -\"old copy\"");

    assertThat(query.fts5()).isEqualTo("((\"invoice\") NOT \"draft\" NOT \"old copy\")");
    assertThat(query.websearch()).isEqualTo("\"invoice\" -\"draft\" -\"old copy\"");
  }

  @Test
  void orJoinsGroupsOfTerms() {
    var query = SearchQuery.parse("invoice 2024 OR receipt");

    assertThat(query.fts5()).isEqualTo("((\"invoice\" AND \"2024\")) OR ((\"receipt\"))");
    assertThat(query.websearch()).isEqualTo("\"invoice\" \"2024\" or \"receipt\"");
  }

  @Test
  void lowerCaseOrIsAWord() {
    assertThat(SearchQuery.parse("black or white").words()).containsExactly("black", "or", "white");
  }

  @Test
  void accentsAndCaseFold() {
    assertThat(SearchQuery.parse("Café CRÈME").words()).containsExactly("cafe", "creme");
  }

  @Test
  void aCjkWordIsAPhraseOfItsCharacters() {
    var query = SearchQuery.parse("請求書");

    assertThat(query.fts5()).isEqualTo("((\"請 求 書\"))");
    assertThat(query.websearch()).isEqualTo("\"請 求 書\"");
  }

  @Test
  void punctuationInsideAWordMakesAPhrase() {
    assertThat(SearchQuery.parse("e-mail").fts5()).isEqualTo("((\"e mail\"))");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unclosed phrase",
        "a\"b\"c",
        "NEAR(a b)",
        "a AND OR NOT b",
        "col:value",
        "\"\"\"\" x",
        "'; DROP TABLE files; --",
        "a & b | !c <-> d",
        "OR OR x OR",
        "x* ^y +z",
        "(((x",
        "\\\" x \\"
      })
  void hostileInputOnlyEverGivesQuotedWords(String text) {
    var query = SearchQuery.parse(text);

    assertThat(query.fts5()).matches("[()\"\\p{L}\\p{N} ]*( (AND|OR|NOT) [()\"\\p{L}\\p{N} ]*)*");
    assertThat(query.websearch()).matches("[-\"\\p{L}\\p{N} ]*( or [-\"\\p{L}\\p{N} ]*)*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "-draft", "!!! ???", "\"\"", "OR", "- -", "-\"a b\""})
  void aQueryWithNothingToFindIsRefused(String text) {
    assertThatThrownBy(() -> SearchQuery.parse(text))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    assertThat(SearchQuery.lenient(text)).isEmpty();
  }

  @Test
  void aTooLongQueryIsRefused() {
    assertThatThrownBy(() -> SearchQuery.parse("a".repeat(SearchQuery.MAX_LENGTH + 1)))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> SearchQuery.parse("a ".repeat(SearchQuery.MAX_TERMS + 1)))
        .isInstanceOf(ApiException.class);
  }
}
