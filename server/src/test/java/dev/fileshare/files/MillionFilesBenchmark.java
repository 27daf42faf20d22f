package dev.fileshare.files;

import dev.fileshare.files.FileQuery.Order;
import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list benchmark at a million files ({@code bench/files.sh}), not a test: inserts {@code
 * bench.files} file rows over {@code bench.users} users straight into the database (the triggers
 * that keep counts and name trigrams run as they would for uploads; no blob is read by a list),
 * then times list requests over HTTP as one of the users, {@code bench.connections} at a time,
 * beside the server's own floor measured the same way in the same run ({@code
 * /actuator/health/liveness}, which reads nothing). Writes a Markdown table and the query plans of
 * the first page to {@code bench.out}.
 */
class MillionFilesBenchmark extends ApiTest {

  private static final List<String> WORDS =
      List.of(
          "report",
          "invoice",
          "thesis",
          "budget",
          "contract",
          "minutes",
          "draft",
          "scan",
          "notes",
          "plan",
          "review",
          "summary",
          "letter",
          "memo",
          "slides",
          "paper",
          "offer",
          "receipt");

  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @Autowired DatabaseKind database;
  @Autowired TransactionTemplate transactions;

  @Test
  void benchmark() throws Exception {
    var total = Integer.getInteger("bench.files", 1_000_000);
    var userCount = Integer.getInteger("bench.users", 10_000);
    var connections = Integer.getInteger("bench.connections", 16);
    var requests = Integer.getInteger("bench.requests", 800);
    var warmup = Integer.getInteger("bench.warmup", 30);
    var out = Path.of(System.getProperty("bench.out", "target/bench-files.md"));

    var me = TestUsers.verified(api, jdbc);
    var myId =
        jdbc.sql("SELECT id FROM users WHERE username_key = ?")
            .param(me.username().toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single();
    var started = System.nanoTime();
    var owners = insertUsers(userCount - 1);
    owners.add(0, myId);
    insertFiles(total, owners);
    shareWith(myId, 50);
    var inserted = (System.nanoTime() - started) / 1e9;
    // as autovacuum would by now on PostgreSQL; SQLite plans without statistics, as the server
    // never gathers them there
    if (database == DatabaseKind.POSTGRESQL) {
      jdbc.sql("ANALYZE").update();
    }

    var middle =
        jdbc.sql("SELECT id, created_at FROM files ORDER BY id LIMIT 1 OFFSET ?")
            .param(total / 2)
            .query((rs, n) -> new FileCursor(Order.NEWEST, rs.getString(2), rs.getLong(1)))
            .single();
    // what a client that follows DRF's "next" asks for 5,000 pages down: the offset, and the last
    // file of the page before as a cursor (one walk of the table here to be given it)
    var followed =
        URI.create(
            api.get("/api/files/?limit=50&offset=249950")
                .token(me.token())
                .send()
                .json()
                .get("next")
                .asString());
    var queries =
        List.of(
            new Query("floor: /actuator/health/liveness", "/actuator/health/liveness"),
            new Query("first page, plain (cursor)", "/api/files/?cursor=&limit=50"),
            new Query("first page, envelope (count)", "/api/files/?limit=50"),
            new Query(
                "half-way down the list (cursor)",
                "/api/files/?limit=50&cursor=" + middle.encode()),
            new Query("?owner=me", "/api/files/?owner=me&limit=50"),
            new Query("?search=thesis-budget", "/api/files/?search=thesis-budget&limit=50"),
            new Query("?ordering=-size", "/api/files/?ordering=-size&limit=50"),
            new Query("?ordering=name (cursor)", "/api/files/?ordering=name&cursor=&limit=50"),
            new Query("?shared=with-me", "/api/files/?shared=with-me&limit=50"),
            new Query(
                "?offset=250000 (envelope) from the page before's next (cursor)",
                followed.getRawPath() + "?" + followed.getRawQuery()),
            new Query("?offset=400000 (envelope)", "/api/files/?limit=50&offset=400000"));

    var client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    var table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%n%s: %,d files over %,d users inserted in %.0f s; %d connections, %d requests"
                + " each (after %d s of all of them and %d of each to warm up)%n%n",
            database,
            total,
            userCount,
            inserted,
            connections,
            requests,
            warmup,
            requests / 4));
    table.append("| request | p50 ms | p99 ms | req/s | p50 ÷ floor | answers not 200 |\n");
    table.append("|---|---:|---:|---:|---:|---|\n");
    // the JIT compiles the paths of a list after about 25 s of full load: every request in turn
    // until then, the deep offset aside
    var warmUntil = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
    while (System.nanoTime() < warmUntil) {
      for (var query : queries) {
        if (!query.deep()) {
          run(client, me.token(), query.path(), connections * 4, connections);
        }
      }
    }
    double floor = 0;
    for (var query : queries) {
      var deep = query.deep();
      var count = deep ? Math.max(requests / 20, 16) : requests;
      run(client, me.token(), query.path(), Math.max(count / 4, connections), connections);
      var result = run(client, me.token(), query.path(), count, connections);
      if (floor == 0) {
        floor = result.p50();
      }
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %,.0f | %.1f | %s |%n",
              query.label() + (deep ? " (" + count + " requests)" : ""),
              result.p50(),
              result.p99(),
              result.perSecond(),
              result.p50() / floor,
              result.refused().isEmpty() ? "0" : result.refused()));
    }
    table.append("\n").append(plans(myId)).append("\n");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }

  private record Query(String label, String path) {

    /** A page by offset alone: a walk of the table, run fewer times. */
    boolean deep() {
      return path.contains("offset=") && !path.contains("cursor=");
    }
  }

  /** {@code refused}: the answers other than 200, by status, e.g. {@code {503=12}}. */
  private record Result(double p50, double p99, double perSecond, Map<Integer, Integer> refused) {}

  private Result run(HttpClient client, String token, String path, int count, int connections)
      throws Exception {
    var latencies = new long[count];
    var next = new AtomicInteger();
    // a refused request is counted in its row, not the end of the run: a deep page that waits
    // past the connection wait is part of what the row measures
    var refused = new java.util.concurrent.ConcurrentSkipListMap<Integer, Integer>();
    var pool = Executors.newFixedThreadPool(connections);
    var began = System.nanoTime();
    try {
      var workers = new ArrayList<Future<?>>();
      for (var c = 0; c < connections; c++) {
        workers.add(
            pool.submit(
                () -> {
                  for (var i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    var request =
                        HttpRequest.newBuilder(URI.create(api.base() + path))
                            .header("Authorization", "Token " + token)
                            .build();
                    var start = System.nanoTime();
                    var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[i] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                      refused.merge(response.statusCode(), 1, Integer::sum);
                    }
                  }
                  return null;
                }));
      }
      for (var worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    var seconds = (System.nanoTime() - began) / 1e9;
    Arrays.sort(latencies);
    return new Result(
        latencies[(int) (count * 0.50)] / 1e6,
        latencies[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
        count / seconds,
        Map.copyOf(refused));
  }

  private List<Long> insertUsers(int count) {
    var ids = new ArrayList<Long>();
    var now = System.currentTimeMillis();
    for (var from = 0; from < count; from += 10_000) {
      var batch = new ArrayList<Object[]>();
      for (var i = from; i < Math.min(count, from + 10_000); i++) {
        var name = "bench" + i + "x" + now;
        batch.add(new Object[] {name, name, name + "@bench.test", name + "@bench.test", "!", now});
      }
      transactions.executeWithoutResult(
          status ->
              template.batchUpdate(
                  "INSERT INTO users (username, username_key, email, email_key, password_hash,"
                      + " email_verified, joined_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)",
                  batch));
    }
    ids.addAll(
        jdbc.sql("SELECT id FROM users WHERE email_key LIKE ? ORDER BY id")
            .param("%@bench.test")
            .query(Long.class)
            .list());
    return ids;
  }

  /**
   * Files of every owner in turn, newest last; three in ten visible to users; names of two or three
   * words and a number, so that a part of a name matches a few hundred of them.
   */
  private void insertFiles(int total, List<Long> owners) {
    var random = new Random(42);
    var start = System.currentTimeMillis() - total * 1000L;
    for (var from = 0; from < total; from += 10_000) {
      var batch = new ArrayList<Object[]>();
      for (var i = from; i < Math.min(total, from + 10_000); i++) {
        var name =
            WORDS.get(random.nextInt(WORDS.size()))
                + "-"
                + WORDS.get(random.nextInt(WORDS.size()))
                + (random.nextBoolean() ? " " + WORDS.get(random.nextInt(WORDS.size())) : "")
                + " "
                + random.nextInt(100_000)
                + ".pdf";
        batch.add(
            new Object[] {
              owners.get(i % owners.size()),
              name,
              name.toLowerCase(Locale.ROOT),
              "bench/" + i,
              1 + random.nextInt(50_000_000),
              random.nextInt(10) < 3 ? "users" : "private",
              start + i * 1000L,
              start + i * 1000L
            });
      }
      transactions.executeWithoutResult(
          status ->
              template.batchUpdate(
                  "INSERT INTO files (owner_id, name, name_key, store, blob_key, size, sha256,"
                      + " content_type, visibility, created_at, updated_at)"
                      + " VALUES (?, ?, ?, 'local', ?, ?, 'x', 'application/pdf', ?, ?, ?)",
                  batch));
    }
  }

  /** Private files of other owners shared with the caller by name. */
  private void shareWith(long me, int count) {
    var ids =
        jdbc.sql(
                "SELECT id, owner_id FROM files WHERE visibility = 'private' AND owner_id <> ?"
                    + " ORDER BY id LIMIT ?")
            .params(me, count)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    for (var file : ids) {
      jdbc.sql(
              "INSERT INTO file_shares (file_id, recipient_id, permission, shared_by, created_at,"
                  + " updated_at) VALUES (?, ?, 'read', ?, 1, 1)")
          .params(file[0], me, file[1])
          .update();
    }
  }

  /** The plans of the first page's three branches, as the database chose them. */
  private String plans(long me) {
    var explain = database == DatabaseKind.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
    var sql =
        "SELECT id FROM files WHERE deleted_at IS NULL AND visibility = 'users'"
            + " ORDER BY created_at DESC, id DESC LIMIT 50";
    var lines = new StringBuilder("Plan of the branch of files visible to users:\n\n```\n");
    jdbc.sql(explain + sql)
        .query(
            rs -> {
              lines.append(rs.getString(database == DatabaseKind.SQLITE ? 4 : 1)).append('\n');
            });
    var search =
        "SELECT id FROM files WHERE deleted_at IS NULL AND ("
            + (database == DatabaseKind.SQLITE ? "+" : "")
            + "visibility = 'users' OR "
            + (database == DatabaseKind.SQLITE ? "+" : "")
            + "owner_id = "
            + me
            + ") AND "
            + (database == DatabaseKind.SQLITE
                ? "id IN (SELECT rowid FROM file_names WHERE file_names MATCH '\"thesis-budget\"'"
                    + " UNION SELECT rowid >> 20 FROM document_pages"
                    + " WHERE document_pages MATCH '\"thesis\" \"budget\"')"
                : "id IN (SELECT id FROM files WHERE name_key LIKE '%thesis-budget%'"
                    + " UNION SELECT file_id FROM document_pages"
                    + " WHERE terms @@ websearch_to_tsquery('english', 'thesis-budget'))")
            + " ORDER BY created_at DESC, id DESC LIMIT 50";
    lines.append("```\n\nPlan of a search by name:\n\n```\n");
    jdbc.sql(explain + search)
        .query(
            rs -> {
              lines.append(rs.getString(database == DatabaseKind.SQLITE ? 4 : 1)).append('\n');
            });
    return lines.append("```\n").toString();
  }
}
