package dev.fileshare.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSnippetsTests {

  @Test
  void marksTheWordsFound() {
    assertThat(SearchSnippets.snippet("The invoice total is 42 EUR.", Set.of("invoice", "total")))
        .isEqualTo("The <mark>invoice</mark> <mark>total</mark> is 42 EUR.");
  }

  @Test
  void marksAccentedTextInTheOriginal() {
    assertThat(SearchSnippets.snippet("Un café crème, s'il vous plaît", Set.of("cafe", "creme")))
        .isEqualTo("Un <mark>café</mark> <mark>crème</mark>, s&#39;il vous plaît");
  }

  @Test
  void marksDecomposedAccentsWhole() {
    assertThat(SearchSnippets.snippet("Cafe\u0301 noir", Set.of("cafe")))
        .isEqualTo("<mark>Cafe\u0301</mark> noir");
  }

  @Test
  void marksCjkCharacters() {
    assertThat(SearchSnippets.snippet("東京都の請求書です", Set.of("請", "求", "書")))
        .isEqualTo("東京都の<mark>請</mark><mark>求</mark><mark>書</mark>です");
  }

  @Test
  void escapesTheTextButNotTheMarks() {
    assertThat(SearchSnippets.snippet("<script>alert(1)</script> & invoice", Set.of("invoice")))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>invoice</mark>");
  }

  @Test
  void marksFormsOfAWord() {
    assertThat(SearchSnippets.snippet("Two invoices paid", Set.of("invoice")))
        .isEqualTo("Two <mark>invoices</mark> paid");
  }

  @Test
  void cutsLongPagesAroundTheFirstWordFound() {
    var body = "lorem ".repeat(200) + "needle " + "ipsum\n\n".repeat(200);

    var snippet = SearchSnippets.snippet(body, Set.of("needle"));

    assertThat(snippet).startsWith("… lorem").endsWith("ipsum …").contains("<mark>needle</mark>");
    assertThat(snippet).doesNotContain("\n").hasSizeLessThan(400);
  }

  @Test
  void aPageWithoutTheWordsShowsItsBeginning() {
    assertThat(SearchSnippets.snippet("Running late", Set.of("ran"))).isEqualTo("Running late");
  }
}
