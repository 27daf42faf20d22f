package dev.fileshare.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.files.TestUsers.User;
import dev.fileshare.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/search/} and {@code GET /api/files/?search=} over pages put in the index the way
 * the background job puts them ({@link PageRows#add}), for files uploaded through the API: who
 * finds what, the query syntax on the database at hand, snippets, and input that must never fail.
 */
@TestPropertySource(properties = "fileshare.auth.token-cache-ttl=0s")
class SearchIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.context.ApplicationContext context;

  User owner;

  @BeforeEach
  void owner() {
    owner = TestUsers.verified(api, jdbc);
  }

  @Test
  void theOwnerFindsThePageWithASnippet() {
    var word = word();
    var file =
        upload(owner, "private", "First page, nothing here.", "The " + word + " total is 42 €.");

    var found = search(owner, word);

    assertThat(found).hasSize(1);
    var result = found.get(0);
    assertThat(result.get("file").get("id").asLong()).isEqualTo(file);
    assertThat(result.get("file").get("name").asString()).isEqualTo("document.pdf");
    assertThat(result.get("score").asDouble()).isPositive();
    var hit = result.get("hits").get(0);
    assertThat(hit.get("page").asInt()).isEqualTo(2);
    assertThat(hit.get("snippet").asString())
        .isEqualTo("The <mark>" + word + "</mark> total is 42 €.");
  }

  @Test
  void othersFindOnlyWhatTheyMaySee() {
    var word = word();
    var secret = upload(owner, "private", word + " secret");
    var forUsers = upload(owner, "users", word + " for users");
    var sharedFile = upload(owner, "private", word + " shared by name");
    var other = TestUsers.verified(api, jdbc);
    var share =
        api.post("/api/files/" + sharedFile + "/shares/")
            .token(owner.token())
            .json(Map.of("user", other.username(), "permission", "read"))
            .send();
    assertThat(share.status()).as(share.toString()).isEqualTo(201);
    var unverified = TestUsers.unverified(api, jdbc);

    assertThat(ids(search(owner, word))).containsExactlyInAnyOrder(secret, forUsers, sharedFile);
    var seenByOther = search(other, word);
    assertThat(ids(seenByOther)).containsExactlyInAnyOrder(forUsers, sharedFile);
    assertThat(seenByOther)
        .filteredOn(r -> r.get("file").get("id").asLong() == sharedFile)
        .allSatisfy(r -> assertThat(r.get("file").get("permission").asString()).isEqualTo("read"));
    assertThat(search(unverified, word)).isEmpty();
    assertThat(api.get("/api/search/?q=" + word).send().status()).isEqualTo(401);
  }

  @Test
  void aFileInTheTrashIsNeverFound() {
    var word = word();
    var kept = upload(owner, "users", word + " kept");
    var trashed = upload(owner, "users", word + " thrown away");
    var other = TestUsers.verified(api, jdbc);

    var delete = api.call("DELETE", "/api/files/" + trashed + "/").token(owner.token()).send();

    assertThat(delete.status()).isEqualTo(204);
    assertThat(ids(search(owner, word))).containsExactly(kept);
    assertThat(ids(search(other, word))).containsExactly(kept);
    assertThat(list(owner, word)).containsExactly(kept);
  }

  @Test
  void phrasesExclusionsAndOrWork() {
    var a = word();
    var b = word();
    var c = word();
    var ab = upload(owner, "private", "x " + a + " " + b + " y " + c);
    var ba = upload(owner, "private", b + " z " + a);
    var d = word();
    var onlyC = upload(owner, "private", d + " " + c);

    assertThat(ids(search(owner, a + " " + b))).containsExactlyInAnyOrder(ab, ba);
    assertThat(ids(search(owner, "\"" + a + " " + b + "\""))).containsExactly(ab);
    assertThat(ids(search(owner, a + " -" + c))).containsExactly(ba);
    assertThat(ids(search(owner, a + " -\"" + b + " z\""))).containsExactly(ab);
    assertThat(ids(search(owner, "\"" + b + " z\" OR " + d))).contains(ba, onlyC);
    assertThat(ids(search(owner, b + " " + a + " OR " + c)))
        .containsExactlyInAnyOrder(ab, ba, onlyC);
  }

  @Test
  void accentsFoldAndCjkWordsAreFound() {
    var word = word();
    var file = upload(owner, "private", word + " Le café crème. 東京都の請求書です。");

    assertThat(ids(search(owner, word + " CAFE"))).containsExactly(file);
    var cjk = search(owner, word + " 請求書");
    assertThat(ids(cjk)).containsExactly(file);
    assertThat(cjk.get(0).get("hits").get(0).get("snippet").asString())
        .contains("<mark>請</mark><mark>求</mark><mark>書</mark>");
    assertThat(search(owner, word + " 請書")).isEmpty();
    assertThat(search(owner, word + " cafe").get(0).get("hits").get(0).get("snippet").asString())
        .contains("<mark>café</mark>");
  }

  @Test
  void theFileWithTheWordMoreOftenComesFirst() {
    var word = word();
    var once = upload(owner, "private", word + " and a good many other words besides it here");
    var often = upload(owner, "private", word + " " + word + " " + word + " and " + word);

    assertThat(ids(search(owner, word))).containsExactly(often, once);
    var limited = api.get("/api/search/?limit=1&q=" + word).token(owner.token()).send();
    assertThat(ids(limited.json().values().stream().toList())).containsExactly(often);
  }

  @Test
  void aFileListSearchMatchesNamesOrContent() {
    var word = word();
    var byContent = upload(owner, "private", "inside: " + word);
    var byName = uploadNamed(owner, "report-" + word + ".pdf", "nothing");
    upload(owner, "private", "neither");

    assertThat(list(owner, word)).containsExactlyInAnyOrder(byContent, byName);
    assertThat(list(owner, "\"" + word)).containsExactly(byContent);
    assertThat(list(TestUsers.verified(api, jdbc), word)).isEmpty();
  }

  @Test
  void aPageWithMoreTextThanAnIndexHoldsIsIndexedInPart() {
    var first = word();
    var random = ThreadLocalRandom.current();
    var text = new StringBuilder(first).append(' ');
    while (text.length() < 3_000_000) {
      for (var i = 0; i < 12; i++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(' ');
    }
    var file = upload(owner, "private", text.toString());

    assertThat(ids(search(owner, first))).containsExactly(file);
  }

  @Test
  void hostileQueriesAreAnsweredNeverFailed() {
    upload(owner, "private", "some text");
    for (var q :
        List.of(
            "\"",
            "\"unclosed",
            "-",
            "OR",
            "a OR",
            "NEAR(a b, 2)",
            "col:a",
            "a*",
            "'; DROP TABLE files; --",
            "a & b | !c <-> d",
            "((",
            "\u0000",
            "\\",
            "^",
            "-\"\"",
            "x".repeat(501),
            "a ".repeat(40))) {
      var answer =
          api.get("/api/search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
              .token(owner.token())
              .send();
      assertThat(answer.status()).as(q + ": " + answer).isIn(200, 400);
      var listed =
          api.get("/api/files/?search=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
              .token(owner.token())
              .send();
      assertThat(listed.status()).as(q + ": " + listed).isIn(200, 400);
    }
    for (var query :
        List.of("", "q=", "q=%20", "q=-x", "q=a&limit=0", "q=a&limit=51", "q=a&limit=x")) {
      var answer = api.get("/api/search/?" + query).token(owner.token()).send();
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json().get("detail").asString()).isNotBlank();
    }
  }

  private long upload(User user, String visibility, String... pageTexts) {
    var form =
        new Multipart()
            .pdf("document.pdf", TestPdfs.pdf(UUID.randomUUID().toString()))
            .field("visibility", visibility);
    return index(user, form, pageTexts);
  }

  private long uploadNamed(User user, String name, String... pageTexts) {
    var form = new Multipart().pdf(name, TestPdfs.pdf(name)).field("visibility", "private");
    return index(user, form, pageTexts);
  }

  private long index(User user, Multipart form, String... pageTexts) {
    var answer =
        api.post("/api/files/").token(user.token()).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    var id = answer.json().get("id").asLong();
    PreviewFixture.index(context, id, pageTexts);
    return id;
  }

  private List<JsonNode> search(User user, String q) {
    var answer =
        api.get("/api/search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
            .token(user.token())
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().values().stream().toList();
  }

  private List<Long> list(User user, String search) {
    var answer =
        api.get("/api/files/?search=" + URLEncoder.encode(search, StandardCharsets.UTF_8))
            .token(user.token())
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().values().stream().map(f -> f.get("id").asLong()).toList();
  }

  private static List<Long> ids(List<JsonNode> found) {
    return found.stream().map(r -> r.get("file").get("id").asLong()).toList();
  }

  /** A word no other test's page has. */
  private static String word() {
    var random = ThreadLocalRandom.current();
    var word = new StringBuilder("qz");
    for (var i = 0; i < 8; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }
}
