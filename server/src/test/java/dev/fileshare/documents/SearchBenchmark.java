package dev.fileshare.documents;

import dev.fileshare.files.TestUsers;
import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.ApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search benchmark ({@code bench/search.sh}), not a test: indexes {@code bench.pages} generated
 * pages (100 per file, files of 10 users, a third of them shared with users) through {@link
 * PageRows#add}, one transaction per file as the background job does, then times searches as one of
 * the users, through {@link SearchService} (no HTTP). Writes a Markdown table and the query plan to
 * {@code bench.out}.
 */
class SearchBenchmark extends ApiTest {

  private static final int PAGES_PER_FILE = 100;
  private static final int USERS = 10;
  private static final int WARMUP = 10;
  private static final int RUNS = 100;
  private static final List<String> QUERIES =
      List.of(
          "zebraphone",
          "quarterly",
          "\"net amount due\"",
          "quarterly invoice -draft",
          "zebraphone OR invoice",
          "café",
          "請求書");

  @Autowired JdbcClient jdbc;
  @Autowired PageRows pages;
  @Autowired SearchService search;
  @Autowired DatabaseKind database;
  @Autowired TransactionTemplate transactions;

  @Test
  void benchmark() throws IOException {
    var total = Integer.getInteger("bench.pages", 100_000);
    var out = Path.of(System.getProperty("bench.out", "target/bench-search.md"));
    var users = new ArrayList<Long>();
    for (var i = 0; i < USERS; i++) {
      var user = TestUsers.verified(api, jdbc);
      users.add(
          jdbc.sql("SELECT id FROM users WHERE username_key = ?")
              .param(user.username().toLowerCase(Locale.ROOT))
              .query(Long.class)
              .single());
    }
    var random = new Random(42);
    var words = vocabulary(random);
    var started = System.nanoTime();
    for (var file = 0; file < total / PAGES_PER_FILE; file++) {
      var id = insertFile(users.get(file % USERS), file);
      var texts = new ArrayList<String>();
      for (var page = 0; page < PAGES_PER_FILE; page++) {
        texts.add(page(random, words));
      }
      transactions.executeWithoutResult(
          status -> {
            pages.clear(id);
            for (var page = 0; page < texts.size(); page++) {
              pages.add(id, page + 1, texts.get(page));
            }
          });
    }
    var seconds = (System.nanoTime() - started) / 1e9;
    // as autovacuum would by now: plans are chosen with the statistics of the data
    jdbc.sql(database == DatabaseKind.SQLITE ? "ANALYZE" : "ANALYZE files, document_pages")
        .update();
    var caller = new AuthenticatedUser(new UserId(users.get(0)), 0);
    var table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%n%s: %,d pages indexed in %.1f s: %,.0f pages/s%n%n",
            database,
            total,
            seconds,
            total / seconds));
    table.append("| query | files found | p50 ms | p99 ms |\n|---|---|---|---|\n");
    for (var query : QUERIES) {
      var times = new long[RUNS];
      var found = 0;
      for (var i = 0; i < WARMUP + RUNS; i++) {
        var t = System.nanoTime();
        found = search.search(caller, query, SearchService.DEFAULT_LIMIT).size();
        if (i >= WARMUP) {
          times[i - WARMUP] = System.nanoTime() - t;
        }
      }
      Arrays.sort(times);
      table.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %d | %.1f | %.1f |%n",
              query,
              found,
              times[RUNS / 2] / 1e6,
              times[RUNS * 99 / 100] / 1e6));
    }
    for (var query : List.of("quarterly", "zebraphone")) {
      table.append("\nPlan of `").append(query).append("`:\n\n```\n");
      table.append(plan(caller, query)).append("```\n");
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
  }

  private String plan(AuthenticatedUser caller, String query) {
    var params = new HashMap<String, Object>();
    params.put("me", caller.userId().value());
    params.put("users", "users");
    var visible =
        "deleted_at IS NULL AND (visibility = :users OR owner_id = :me"
            + " OR id IN (SELECT file_id FROM file_shares WHERE recipient_id = :me))";
    var sql = pages.searchSql(visible);
    var all = pages.searchParams(SearchQuery.parse(query), params, 20, 3);
    var explain = database == DatabaseKind.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
    var plan = new StringBuilder();
    jdbc.sql(explain + sql)
        .params(all)
        .query(
            rs -> {
              plan.append(rs.getString(database == DatabaseKind.SQLITE ? 4 : 1)).append('\n');
            });
    return plan.toString();
  }

  private long insertFile(long owner, int n) {
    return jdbc.sql(
            "INSERT INTO files (owner_id, name, name_key, store, blob_key, size, sha256,"
                + " content_type, visibility, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'local', ?, 1, 'x', 'application/pdf', ?, 1, 1) RETURNING id")
        .params(owner, "bench-" + n + ".pdf", "bench-" + n + ".pdf", "bench/" + n + "-" + owner)
        .param(n % 3 == 0 ? "users" : "private")
        .query(Long.class)
        .single();
  }

  /** About 120 words: common words drawn with a skew, and the words the queries look for. */
  private static String page(Random random, List<String> words) {
    var text = new StringBuilder();
    for (var i = 0; i < 120; i++) {
      var r = random.nextDouble();
      text.append(words.get((int) (words.size() * r * r * r))).append(' ');
      if (i % 12 == 11) {
        text.append(".\n");
      }
    }
    if (random.nextInt(10_000) == 0) {
      text.append("zebraphone ");
    }
    if (random.nextInt(10) < 3) {
      text.append("quarterly ");
    }
    if (random.nextInt(20) == 0) {
      text.append("invoice ");
    }
    if (random.nextInt(50) == 0) {
      text.append("draft ");
    }
    if (random.nextInt(100) == 0) {
      text.append("the net amount due is 42 ");
    }
    if (random.nextInt(100) == 0) {
      text.append("Café crème ");
    }
    if (random.nextInt(100) == 0) {
      text.append("東京都の請求書です。");
    }
    return text.toString();
  }

  private static List<String> vocabulary(Random random) {
    var syllables = "ka lo mi ne ru sa te vo pi da ge fu bo ri ze an el or us in".split(" ");
    var words = new ArrayList<String>();
    for (var i = 0; i < 20_000; i++) {
      var word = new StringBuilder();
      for (var s = 0; s < 2 + random.nextInt(3); s++) {
        word.append(syllables[random.nextInt(syllables.length)]);
      }
      words.add(word.toString());
    }
    return words;
  }
}
