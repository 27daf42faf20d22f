package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.FileQuery.Order;
import dev.fileshare.support.ApiTest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Pages of a file list: a cursor page follows the one before it through the list's own order, so
 * every file the caller may see comes exactly once, in order, in every ordering, whatever is added
 * or removed meanwhile; the count of DRF's envelope is kept by the database and matches what the
 * pages hold after every kind of change; a part of a name finds the file through an index of its
 * trigrams, characters that mean something to SQL or to the index included.
 */
class FilePagingIntegrationTests extends ApiTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Autowired JdbcClient jdbc;

  @Test
  void cursorPagesHoldEveryFileTheCallerSeesOnceInEveryOrder() {
    var alice = TestUsers.verified(api, jdbc);
    var bob = TestUsers.verified(api, jdbc);
    var carol = TestUsers.verified(api, jdbc);
    var own = new ArrayList<Long>();
    var names = List.of("b-Report.pdf", "a-report.pdf", "Same.pdf", "same.pdf", "Zeta.pdf");
    for (var i = 0; i < names.size(); i++) {
      own.add(
          id(
              FileCalls.created(
                  api, alice.token(), names.get(i), i % 2 == 0 ? "users" : "private")));
    }
    // three files made in the same millisecond: their order is their ids'
    var tied = own.subList(1, 4);
    jdbc.sql(
            "UPDATE files SET created_at = 1700000000000, updated_at = updated_at + 1 WHERE id IN (:ids)")
        .param("ids", tied)
        .update();
    var bobsPublic = id(FileCalls.created(api, bob.token(), "bob-public.pdf", "users"));
    var bobsShared = id(FileCalls.created(api, bob.token(), "bob-shared.pdf", "private"));
    var bobsPrivate = id(FileCalls.created(api, bob.token(), "bob-private.pdf", "private"));
    ShareCalls.shared(api, bob.token(), bobsShared, alice.username(), "read");
    var carolsPrivate = id(FileCalls.created(api, carol.token(), "carol.pdf", "private"));

    for (var order : Order.values()) {
      var mine = walk(alice.token(), "owner=me&ordering=" + order.parameter() + "&cursor=&limit=2");
      assertThat(ids(mine)).as(order + ", own").containsExactlyInAnyOrderElementsOf(own);
      assertInOrder(mine, order);

      var seen = walk(alice.token(), "ordering=" + order.parameter() + "&cursor=&limit=50");
      var seenIds = ids(seen);
      assertThat(seenIds).as(order + ": each once").doesNotHaveDuplicates();
      assertThat(seenIds).containsAll(own).contains(bobsPublic, bobsShared);
      assertThat(seenIds).doesNotContain(bobsPrivate, carolsPrivate);
      assertInOrder(seen, order);

      var paged = envelopes(alice.token(), "ordering=" + order.parameter() + "&limit=50");
      assertThat(paged.ids()).as(order + ": the same pages by offset").isEqualTo(seenIds);
      assertThat(paged.count()).as(order + ": the envelope's count").isEqualTo(seenIds.size());
    }

    // a page deep by offset is one walk of the table instead of a merge: the same files
    var deep = follow(alice.token(), api.base() + "/api/files/?limit=50&offset=4990").json();
    var deeper = follow(alice.token(), api.base() + "/api/files/?limit=20&offset=5000").json();
    var all = ids(walk(alice.token(), "cursor=&limit=200"));
    assertThat(ids(list(deep.get("results"))))
        .isEqualTo(all.subList(Math.min(4990, all.size()), Math.min(5040, all.size())));
    assertThat(ids(list(deeper.get("results"))))
        .isEqualTo(all.subList(Math.min(5000, all.size()), Math.min(5020, all.size())));

    // the plain array's Link goes on with a cursor, and so does every page after it
    var first =
        api.get("/api/files/?owner=me&ordering=name&cursor=&limit=2").token(alice.token()).send();
    var link = next(first);
    assertThat(link)
        .contains("cursor=")
        .contains("limit=2")
        .contains("owner=me")
        .contains("ordering=name");
  }

  @Test
  void filesAddedOrRemovedBetweenPagesNeitherRepeatNorSkipAnother() {
    var alice = TestUsers.verified(api, jdbc);
    var before = new ArrayList<Long>();
    for (var i = 0; i < 6; i++) {
      before.add(id(FileCalls.created(api, alice.token(), "walk-" + i + ".pdf", "private")));
    }
    var firstPage = api.get("/api/files/?owner=me&cursor=&limit=2").token(alice.token()).send();
    assertThat(firstPage.status()).isEqualTo(200);
    var listed = new ArrayList<>(ids(list(firstPage.json())));
    assertThat(listed).containsExactly(before.get(5), before.get(4));

    var added = id(FileCalls.created(api, alice.token(), "walk-new.pdf", "private"));
    var removed = before.get(1);
    TrashCalls.trash(api, alice.token(), removed);

    var rest = walkFrom(alice.token(), next(firstPage));
    listed.addAll(ids(rest));
    assertThat(listed)
        .containsExactly(before.get(5), before.get(4), before.get(3), before.get(2), before.get(0));
    assertThat(listed).doesNotContain(added, removed);
  }

  @Test
  void drfPagesFollowedByNextGoOnFromTheLastFileLikeACursor() {
    var alice = TestUsers.verified(api, jdbc);
    var made = new ArrayList<Long>();
    for (var i = 0; i < 7; i++) {
      made.add(id(FileCalls.created(api, alice.token(), "drf-" + i + ".pdf", "private")));
    }
    var first = follow(alice.token(), api.base() + "/api/files/?owner=me&limit=2").json();
    assertThat(ids(list(first.get("results")))).containsExactly(made.get(6), made.get(5));
    var next = first.get("next").asString();
    // still DRF's address of the next page (limit, offset), and the last file as a cursor
    assertThat(next).contains("limit=2").contains("offset=2").contains("cursor=");

    // a file added before the cursor and one removed after it while the client reads page one
    var added = id(FileCalls.created(api, alice.token(), "drf-new.pdf", "private"));
    TrashCalls.trash(api, alice.token(), made.get(4));
    var listed = new ArrayList<>(ids(list(first.get("results"))));
    var url = next;
    while (url != null) {
      var page = follow(alice.token(), url).json();
      assertThat(page.get("count").asLong()).as("the count as it is now").isEqualTo(7);
      assertThat(page.get("previous").asString()).doesNotContain("cursor=");
      listed.addAll(ids(list(page.get("results"))));
      url = page.get("next").isNull() ? null : page.get("next").asString();
    }
    // by offset alone, page two would start at the file that page one ended with
    assertThat(listed)
        .containsExactly(
            made.get(6), made.get(5), made.get(3), made.get(2), made.get(1), made.get(0));
    assertThat(listed).doesNotContain(added);

    // a search's pages sort its few matches, and go on by offset
    var searched =
        follow(alice.token(), api.base() + "/api/files/?owner=me&limit=2&search=drf-").json();
    assertThat(searched.get("count").asLong()).isEqualTo(7);
    assertThat(searched.get("next").asString()).contains("offset=2").doesNotContain("cursor=");
  }

  @Test
  void theCountMatchesThePagesAfterEveryKindOfChange() {
    var alice = TestUsers.verified(api, jdbc);
    var bob = TestUsers.verified(api, jdbc);
    var check =
        (Runnable)
            () -> {
              for (var filter : List.of("owner=me&", "")) {
                var walked = ids(walk(alice.token(), filter + "cursor=&limit=200"));
                var count = count(alice.token(), filter);
                assertThat(count).as(filter + " count").isEqualTo(walked.size());
              }
              assertCountersMatchTheTable();
            };
    check.run();
    var a1 = id(FileCalls.created(api, alice.token(), "count-1.pdf", "users"));
    var a2 = id(FileCalls.created(api, alice.token(), "count-2.pdf", "private"));
    check.run();
    patch(alice.token(), a2, Map.of("visibility", "users"));
    check.run();
    patch(alice.token(), a1, Map.of("visibility", "private"));
    check.run();
    TrashCalls.trash(api, alice.token(), a1);
    check.run();
    assertThat(TrashCalls.restore(api, alice.token(), a1).status()).isEqualTo(200);
    check.run();
    var replaced = FileCalls.replace(api, alice.token(), a1, "count-1b.pdf", TestPdfs.pdf("again"));
    assertThat(replaced.status()).isEqualTo(200);
    check.run();
    TrashCalls.trash(api, alice.token(), a2);
    assertThat(TrashCalls.purge(api, alice.token(), a2).status()).isEqualTo(204);
    check.run();

    // a file shared by name is counted once, whether it is visible to users or not
    var b1 = id(FileCalls.created(api, bob.token(), "count-bob.pdf", "private"));
    ShareCalls.shared(api, bob.token(), b1, alice.username(), "read");
    check.run();
    patch(bob.token(), b1, Map.of("visibility", "users"));
    check.run();
    TrashCalls.trash(api, bob.token(), b1);
    check.run();
  }

  @Test
  void aPartOfANameFindsTheFileThroughItsTrigrams() {
    var alice = TestUsers.verified(api, jdbc);
    // contents without the names' words: a search matches content too
    var thesis = named(alice.token(), "Thesis-Budget_2024 (final).pdf");
    var plan = named(alice.token(), "budget%plan.pdf");
    var quoted = named(alice.token(), "quoted.pdf");
    // named through JSON: a multipart filename cannot carry a quote as it is
    patch(alice.token(), quoted, Map.of("name", "say \"hi\" to Zoë.pdf"));
    var shortName = named(alice.token(), "qx.pdf");

    assertThat(search(alice.token(), "BUDGET")).containsExactlyInAnyOrder(thesis, plan);
    assertThat(search(alice.token(), "_2024")).containsExactly(thesis);
    assertThat(search(alice.token(), "t_202")).containsExactly(thesis);
    assertThat(search(alice.token(), "%plan")).containsExactly(plan);
    assertThat(search(alice.token(), "t%p")).containsExactly(plan);
    assertThat(search(alice.token(), "\"hi\"")).containsExactly(quoted);
    assertThat(search(alice.token(), "zoë")).containsExactly(quoted);
    assertThat(search(alice.token(), "qx")).containsExactly(shortName);
    assertThat(search(alice.token(), "x")).contains(shortName);
    assertThat(search(alice.token(), "budget plan")).isEmpty();
    // the envelope's count comes from the page's own statement, and from a count past the last
    for (var offset : List.of(0, 1, 2, 7)) {
      var found = searched(alice.token(), "budget", offset);
      assertThat(found.get("count").asLong()).as("offset " + offset).isEqualTo(2);
      assertThat(found.get("results")).hasSize(offset < 2 ? 1 : 0);
      assertThat(searched(alice.token(), "nowhere-at-all", offset).get("count").asLong()).isZero();
    }

    patch(alice.token(), plan, Map.of("name", "Quarterly.pdf"));
    assertThat(search(alice.token(), "budget")).containsExactly(thesis);
    assertThat(search(alice.token(), "rterl")).containsExactly(plan);
    TrashCalls.trash(api, alice.token(), thesis);
    assertThat(TrashCalls.purge(api, alice.token(), thesis).status()).isEqualTo(204);
    assertThat(search(alice.token(), "thesis")).isEmpty();
  }

  @Test
  void aCursorThatIsNotOneIsA400() {
    var alice = TestUsers.verified(api, jdbc);
    for (var query : List.of("cursor=garbage", "cursor=%FF%FE", "cursor=garbage&offset=5")) {
      var answer = api.get("/api/files/?" + query).token(alice.token()).send();
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }

  private void assertCountersMatchTheTable() {
    var visible =
        jdbc.sql("SELECT COALESCE(SUM(files), 0) FROM visible_file_counts")
            .query(Long.class)
            .single();
    var counted =
        jdbc.sql("SELECT COUNT(*) FROM files WHERE visibility = 'users' AND deleted_at IS NULL")
            .query(Long.class)
            .single();
    assertThat(visible).as("files visible to users").isEqualTo(counted);
    var mismatched =
        jdbc.sql(
                "SELECT COUNT(*) FROM (SELECT owner_id, COUNT(*) AS files,"
                    + " SUM(CASE WHEN visibility = 'users' THEN 1 ELSE 0 END) AS users_files"
                    + " FROM files WHERE deleted_at IS NULL GROUP BY owner_id) AS t"
                    + " LEFT JOIN file_counts c ON c.owner_id = t.owner_id"
                    + " WHERE c.files IS NULL OR c.files <> t.files OR c.users_files <> t.users_files")
            .query(Long.class)
            .single();
    assertThat(mismatched).as("owners whose counts differ from their files").isZero();
  }

  private long named(String token, String name) {
    var answer =
        FileCalls.upload(api, token, name, TestPdfs.pdf("lorem ipsum " + name.length()), "private");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return id(answer.json());
  }

  private long count(String token, String filter) {
    var answer = api.get("/api/files/?" + filter + "limit=1").token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("count").asLong();
  }

  private JsonNode searched(String token, String text, int offset) {
    var answer =
        api.get("/api/files/?owner=me&limit=1&offset=" + offset + "&search=" + text)
            .token(token)
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private List<Long> search(String token, String text) {
    var query =
        "owner=me&cursor=&search="
            + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    return ids(walk(token, query));
  }

  private void patch(String token, long id, Map<String, String> fields) {
    var answer = api.call("PATCH", "/api/files/" + id + "/").token(token).json(fields).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  /** Every page from the first, following the Link headers. */
  private List<JsonNode> walk(String token, String query) {
    return walkFrom(token, api.base() + "/api/files/?" + query);
  }

  private List<JsonNode> walkFrom(String token, String url) {
    var files = new ArrayList<JsonNode>();
    var pages = 0;
    while (url != null) {
      var answer = follow(token, url);
      files.addAll(list(answer.json()));
      url = next(answer);
      assertThat(++pages).as("pages").isLessThan(10_000);
    }
    return files;
  }

  /** The page at an absolute address the server gave, which must answer 200. */
  private dev.fileshare.support.Api.Answer follow(String token, String url) {
    var address = URI.create(url);
    var answer = api.get(address.getRawPath() + "?" + address.getRawQuery()).token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer;
  }

  private record Envelopes(long count, List<Long> ids) {}

  /** Every DRF page from the first, following their "next". */
  private Envelopes envelopes(String token, String query) {
    var ids = new ArrayList<Long>();
    var url = api.base() + "/api/files/?" + query;
    long count = -1;
    while (url != null) {
      var answer = follow(token, url);
      var json = answer.json();
      count = count < 0 ? json.get("count").asLong() : count;
      ids.addAll(ids(list(json.get("results"))));
      url = json.get("next").isNull() ? null : json.get("next").asString();
    }
    return new Envelopes(count, ids);
  }

  private static String next(dev.fileshare.support.Api.Answer answer) {
    var link = answer.header("Link");
    if (link == null) {
      return null;
    }
    var matcher = NEXT.matcher(link);
    assertThat(matcher.find()).as(link).isTrue();
    return matcher.group(1);
  }

  private static List<JsonNode> list(JsonNode array) {
    return array.values().stream().toList();
  }

  private static List<Long> ids(List<JsonNode> files) {
    return files.stream().map(FilePagingIntegrationTests::id).toList();
  }

  private static long id(JsonNode file) {
    return file.get("id").asLong();
  }

  private static void assertInOrder(List<JsonNode> files, Order order) {
    Comparator<JsonNode> byKey =
        switch (order) {
          case NAME, NAME_DESC ->
              Comparator.comparing(f -> f.get("name").asString().toLowerCase(Locale.ROOT));
          case OLDEST, NEWEST ->
              Comparator.comparing(f -> Instant.parse(f.get("created").asString()));
          case SMALLEST, LARGEST -> Comparator.comparingLong(f -> f.get("size").asLong());
        };
    var comparator = byKey.thenComparingLong(FilePagingIntegrationTests::id);
    if (order.descending()) {
      comparator = comparator.reversed();
    }
    var sorted = new ArrayList<>(files);
    sorted.sort(comparator);
    assertThat(ids(files)).as("in the order " + order.parameter()).isEqualTo(ids(sorted));
    assertThat(new HashSet<>(ids(files))).hasSameSizeAs(files);
  }
}
