package dev.fileshare.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The admin API through the real server: only administrators get in (403 for other users, 401 for
 * nobody), the list walks every user once through its cursors, searches by the start of a name or
 * address, the quota is set through the quotas module, and the totals follow uploads.
 */
class AdminApiIntegrationTests extends ApiTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
  private static final List<String> READS =
      List.of("/api/admin/users/", "/api/admin/totals/", "/api/admin/users/1/");

  @Autowired JdbcClient jdbc;
  AdminCalls.User admin;
  AdminCalls.User bob;

  @BeforeEach
  void users() {
    var stamp = Long.toString(System.nanoTime(), 36);
    admin = AdminCalls.admin(api, jdbc, "admin" + stamp);
    bob = AdminCalls.user(api, jdbc, "bob" + stamp);
  }

  @Test
  void onlyAdministratorsGetIn() {
    var paths = new ArrayList<>(READS);
    paths.add("/api/admin/users/" + bob.id() + "/");
    for (var path : paths) {
      var asAdmin = AdminCalls.get(api, admin.token(), path);
      assertThat(asAdmin.status()).as(path + " " + asAdmin).isIn(200, 404);
      var asUser = AdminCalls.get(api, bob.token(), path);
      assertThat(asUser.status()).as(path).isEqualTo(403);
      assertThat(asUser.contentType()).startsWith("application/problem+json");
      assertThat(asUser.json().get("detail").asString()).isNotBlank();
      var asNobody = api.get(path).send();
      assertThat(asNobody.status()).as(path).isEqualTo(401);
      assertThat(asNobody.contentType()).startsWith("application/problem+json");
    }
    var writes =
        List.of(
            "/api/admin/users/" + admin.id() + "/disable/",
            "/api/admin/users/" + admin.id() + "/enable/");
    for (var path : writes) {
      assertThat(AdminCalls.post(api, bob.token(), path).status()).as(path).isEqualTo(403);
      assertThat(api.post(path).send().status()).as(path).isEqualTo(401);
    }
    var quota = "/api/admin/users/" + bob.id() + "/quota/";
    var asUser = api.call("PUT", quota).token(bob.token()).json("{\"quota\": 0").send();
    assertThat(asUser.status()).as("refused before the body is read").isEqualTo(403);
    assertThat(api.call("PUT", quota).json(Map.of("quota", 0)).send().status()).isEqualTo(401);
    assertThat(quotaOf(bob.token())).isNull();
  }

  @Test
  void showsAUserWithWhatTheyStore() {
    var pdf = TestPdfs.pdf("shown");
    AdminCalls.upload(api, bob.token(), pdf);
    var answer = AdminCalls.get(api, admin.token(), "/api/admin/users/" + bob.id() + "/");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    var json = answer.json();
    assertThat(json.get("id").asLong()).isEqualTo(bob.id());
    assertThat(json.get("username").asString()).isEqualTo(bob.username());
    assertThat(json.get("email").asString()).isEqualTo(bob.username() + "@example.test");
    assertThat(json.get("verified").asBoolean()).isTrue();
    assertThat(json.get("admin").asBoolean()).isFalse();
    assertThat(json.get("disabled").asBoolean()).isFalse();
    assertThat(json.get("disabled_at").isNull()).isTrue();
    assertThat(json.get("date_joined").asString()).endsWith("Z");
    assertThat(json.get("last_login").asString()).endsWith("Z");
    assertThat(json.get("usage").get("bytes").asLong()).isEqualTo(pdf.length);
    assertThat(json.get("usage").get("files").asLong()).isEqualTo(1);
    assertThat(json.get("usage").get("quota_bytes").isNull()).isTrue();
    var me = AdminCalls.get(api, admin.token(), "/api/admin/users/" + admin.id() + "/");
    assertThat(me.json().get("admin").asBoolean()).isTrue();

    for (var id : List.of("999999999", "0", "x", "12345678901234567890")) {
      var missing = AdminCalls.get(api, admin.token(), "/api/admin/users/" + id + "/");
      assertThat(missing.status()).as(id).isEqualTo(404);
      assertThat(missing.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void pagingWalksEveryUserOnce() {
    var everyone = walk(api.base() + "/api/admin/users/?limit=3");
    var names = everyone.stream().map(u -> u.get("username").asString()).toList();
    assertThat(names).doesNotHaveDuplicates().contains(admin.username(), bob.username());
    var totals = AdminCalls.get(api, admin.token(), "/api/admin/totals/").json();
    assertThat(totals.get("users").asLong()).isEqualTo(names.size());

    var prefix = "pg" + Long.toString(System.nanoTime(), 36);
    var made = new ArrayList<String>();
    for (var i = 0; i < 7; i++) {
      made.add(AdminCalls.user(api, jdbc, prefix + "n" + i).username());
    }
    var found = walk(api.base() + "/api/admin/users/?limit=2&search=" + prefix.toUpperCase());
    assertThat(found.stream().map(u -> u.get("username").asString()).toList())
        .containsExactlyElementsOf(made);
    var byAddress = walk(api.base() + "/api/admin/users/?limit=1&search=" + prefix + "n3%40EXA");
    assertThat(byAddress).hasSize(1);
    assertThat(byAddress.get(0).get("email").asString()).isEqualTo(prefix + "n3@example.test");
    assertThat(walk(api.base() + "/api/admin/users/?search=" + prefix + "zzz")).isEmpty();
  }

  @Test
  void aCursorOrLimitThatIsNotOneIsRefused() {
    var first = AdminCalls.get(api, admin.token(), "/api/admin/users/?limit=1");
    var link = next(first);
    assertThat(link).isNotNull();
    var cursor = link.replaceAll(".*cursor=([^&]*).*", "$1");
    var bad =
        List.of(
            "/api/admin/users/?cursor=nonsense",
            "/api/admin/users/?cursor=AAAA",
            "/api/admin/users/?cursor=" + cursor + "&search=someone%40",
            "/api/admin/users/?limit=0",
            "/api/admin/users/?limit=201",
            "/api/admin/users/?limit=x",
            "/api/admin/users/?search=" + "a".repeat(255));
    for (var path : bad) {
      var answer = AdminCalls.get(api, admin.token(), path);
      assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
      assertThat(answer.json().get("detail").asString()).isNotBlank();
    }
    var same = AdminCalls.get(api, admin.token(), "/api/admin/users/?limit=1&cursor=" + cursor);
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
  }

  @Test
  void setsAQuotaThroughTheQuotasModule() {
    var quota = "/api/admin/users/" + bob.id() + "/quota/";
    var set = api.call("PUT", quota).token(admin.token()).json(Map.of("quota", 1024)).send();
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().get("usage").get("quota_bytes").asLong()).isEqualTo(1024);
    assertThat(quotaOf(bob.token())).isEqualTo(1024L);
    var over = TestPdfs.pdf("over the quota", 2);
    var form = new dev.fileshare.files.Multipart().pdf("over.pdf", over);
    var refused =
        api.post("/api/files/").token(bob.token()).body(form.contentType(), form.bytes()).send();
    assertThat(refused.status()).isEqualTo(507);

    var none = api.call("PUT", quota).token(admin.token()).json("{\"quota\": null}").send();
    assertThat(none.status()).as(none.toString()).isEqualTo(200);
    assertThat(quotaOf(bob.token())).isNull();
    var back = api.call("PUT", quota).token(admin.token()).json(Map.of("quota", "default")).send();
    assertThat(back.status()).as(back.toString()).isEqualTo(200);

    var wrong =
        List.of("{}", "{\"quota\": -1}", "{\"quota\": 1.5}", "{\"quota\": \"lots\"}", "[]", "{");
    for (var body : wrong) {
      var answer = api.call("PUT", quota).token(admin.token()).json(body).send();
      assertThat(answer.status()).as(body + " " + answer).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    var missing = api.call("PUT", "/api/admin/users/999999999/quota/").token(admin.token());
    assertThat(missing.json(Map.of("quota", 1)).send().status()).isEqualTo(404);
  }

  @Test
  void totalsFollowUploadsAndAccounts() {
    var before = totals();
    var pdf = TestPdfs.pdf("counted " + System.nanoTime());
    AdminCalls.upload(api, bob.token(), pdf);
    var after = totals();
    assertThat(after.get("files") - before.get("files")).isEqualTo(1);
    assertThat(after.get("bytes") - before.get("bytes")).isEqualTo(pdf.length);
    assertThat(after.get("users")).isEqualTo(before.get("users"));
    AdminCalls.user(api, jdbc, "counted" + Long.toString(System.nanoTime(), 36));
    assertThat(totals().get("users") - before.get("users")).isEqualTo(1);
  }

  @Test
  void totalsStayExactUnderConcurrentUploads() throws Exception {
    var stamp = Long.toString(System.nanoTime(), 36);
    var uploaders = new ArrayList<AdminCalls.User>();
    for (var i = 0; i < 4; i++) {
      uploaders.add(AdminCalls.user(api, jdbc, "up" + stamp + "n" + i));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var uploads = new ArrayList<java.util.concurrent.Future<?>>();
      for (var i = 0; i < 16; i++) {
        var user = uploaders.get(i % uploaders.size());
        var pdf = TestPdfs.pdf("concurrent " + stamp + " " + i);
        uploads.add(pool.submit(() -> AdminCalls.upload(api, user.token(), pdf)));
      }
      for (var upload : uploads) {
        upload.get();
      }
    } finally {
      pool.shutdownNow();
    }
    var counted =
        jdbc.sql(
                "SELECT (SELECT COUNT(*) FROM users), (SELECT COALESCE(SUM(files), 0) FROM"
                    + " storage_usage), (SELECT COALESCE(SUM(bytes), 0) FROM storage_usage)")
            .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
            .single();
    var totals = totals();
    assertThat(List.of(totals.get("users"), totals.get("files"), totals.get("bytes")))
        .isEqualTo(counted);
    var stored =
        jdbc.sql(
                "SELECT store, COUNT(*), SUM(size) FROM (SELECT store, size FROM files UNION ALL"
                    + " SELECT store, size FROM file_versions) AS stored GROUP BY store")
            .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
            .list();
    assertThat(stores()).containsExactlyInAnyOrderElementsOf(stored);
  }

  @Test
  void eachStoreSaysWhatItHoldsOfFilesAndVersions() {
    var store = System.getProperty("fileshare.test.storage", "local");
    var before = stores();
    var pdf = TestPdfs.pdf("stored " + System.nanoTime());
    var id = AdminCalls.upload(api, bob.token(), pdf).get("id").asLong();
    var second = TestPdfs.pdf("stored again " + System.nanoTime());
    var form = new dev.fileshare.files.Multipart().pdf("again.pdf", second);
    var replaced =
        api.call("PUT", "/api/files/" + id + "/")
            .token(bob.token())
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    var after = stores();
    var was = figures(before, store);
    var now = figures(after, store);
    assertThat(now[0] - was[0]).as("blobs: the file and its version").isEqualTo(2);
    assertThat(now[1] - was[1]).isEqualTo(pdf.length + second.length);
    assertThat(api.call("DELETE", "/api/files/" + id + "/").token(bob.token()).send().status())
        .isEqualTo(204);
    assertThat(api.call("DELETE", "/api/trash/" + id + "/").token(bob.token()).send().status())
        .isEqualTo(204);
    assertThat(figures(stores(), store)).containsExactly(was);
  }

  /** "store blobs bytes" for each store in the totals. */
  private List<String> stores() {
    var json = AdminCalls.get(api, admin.token(), "/api/admin/totals/").json().get("stores");
    var stores = new ArrayList<String>();
    json.values()
        .forEach(
            s ->
                stores.add(
                    s.get("store").asString()
                        + " "
                        + s.get("blobs").asLong()
                        + " "
                        + s.get("bytes").asLong()));
    return stores;
  }

  private static long[] figures(List<String> stores, String store) {
    return stores.stream()
        .map(line -> line.split(" "))
        .filter(parts -> parts[0].equals(store))
        .map(parts -> new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])})
        .findFirst()
        .orElse(new long[] {0, 0});
  }

  @Test
  void everyEndpointIsInTheOpenApiDocument() {
    var document = api.get("/api/schema").send().json();
    var paths = document.get("paths");
    assertThat(paths.has("/api/admin/users")).isTrue();
    assertThat(paths.get("/api/admin/users").get("get").get("parameters").toString())
        .contains("search", "cursor", "limit");
    assertThat(paths.get("/api/admin/users/{id}").has("get")).isTrue();
    assertThat(paths.get("/api/admin/users/{id}/disable").has("post")).isTrue();
    assertThat(paths.get("/api/admin/users/{id}/enable").has("post")).isTrue();
    assertThat(paths.get("/api/admin/users/{id}/quota").get("put").toString())
        .contains("QuotaChange");
    assertThat(paths.get("/api/admin/totals").has("get")).isTrue();
    var quota = document.get("components").get("schemas").get("QuotaChange").toString();
    assertThat(quota).contains("quota", "default");
  }

  private Map<String, Long> totals() {
    var json = AdminCalls.get(api, admin.token(), "/api/admin/totals/").json();
    var totals = new HashMap<String, Long>();
    for (var name : List.of("users", "files", "bytes")) {
      totals.put(name, json.get(name).asLong());
    }
    return totals;
  }

  /** Every page from {@code url}, following the Link headers. */
  private List<JsonNode> walk(String url) {
    var users = new ArrayList<JsonNode>();
    var pages = 0;
    var next = url;
    while (next != null) {
      var address = URI.create(next);
      var path = address.getRawPath() + "?" + address.getRawQuery();
      var answer = AdminCalls.get(api, admin.token(), path);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      answer.json().values().forEach(users::add);
      next = next(answer);
      assertThat(++pages).as("pages").isLessThan(10_000);
    }
    return users;
  }

  private static @Nullable String next(Api.Answer answer) {
    var link = answer.header("Link");
    if (link == null) {
      return null;
    }
    var matcher = NEXT.matcher(link);
    assertThat(matcher.find()).as(link).isTrue();
    return matcher.group(1);
  }

  /** The user's quota of bytes, as their profile shows it. */
  private @Nullable Long quotaOf(String token) {
    var usage = api.get("/api/user/me/").token(token).send().json().get("usage");
    return usage.get("quota_bytes").isNull() ? null : usage.get("quota_bytes").asLong();
  }
}
