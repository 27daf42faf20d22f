package dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoNodes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server nodes on their own ports share one PostgreSQL database and one S3 bucket, as behind a
 * load balancer: whatever one node did, the other sees at once. Runs on PostgreSQL only (SQLite is
 * one node's database).
 */
class MultiNodeIntegrationTests {

  static Node one;
  static Node two;

  @RegisterExtension
  static final TwoNodes nodes =
      new TwoNodes(
          Map.of(
              "fileshare.rate-limit.resend-per-ip", "100000/1m",
              "fileshare.rate-limit.reset-per-ip", "4/1h",
              "fileshare.rate-limit.login-failures-per-account", "3/10m"),
          (first, second) -> {
            one = first;
            two = second;
          });

  @Test
  void whatOneNodeDidTheOtherSees() throws Exception {
    var name = SignUp.newName("nodes");
    SignUp.register(one.api(), name);
    SignUp.verify(one.api(), name);
    var token = SignUp.login(one.api(), name, SignUp.PASSWORD);

    var content = TestPdfs.pdf("stored through node one " + name, 3);
    var form = new Multipart().pdf("report.pdf", content).field("visibility", "private");
    var uploaded =
        one.api().post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    var id = uploaded.json().get("id").asLong();

    var listed = two.api().get("/api/files/?owner=me").token(token).send();
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.json().values())
        .anySatisfy(file -> assertThat(file.get("id").asLong()).isEqualTo(id));
    var downloaded = two.api().get("/api/download/" + id + "/").token(token).send();
    assertThat(downloaded.status()).isEqualTo(200);
    assertThat(sha256(downloaded.bytes())).isEqualTo(sha256(content));
    assertThat(downloaded.header("ETag")).isEqualTo("\"" + sha256(content) + "\"");

    // a token from node two works on node one; signing out on one ends it there at once, and on
    // the other node within the token cache's bound (fileshare.auth.token-cache-ttl, 5s)
    var second = SignUp.login(two.api(), name, SignUp.PASSWORD);
    assertThat(me(one.api(), second)).isEqualTo(200);
    assertThat(me(two.api(), second)).isEqualTo(200);
    assertThat(one.api().post("/api/user/logout/").token(second).send().status()).isEqualTo(200);
    assertThat(me(one.api(), second)).isEqualTo(401);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(7))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(() -> me(two.api(), second) == 401);
    assertThat(me(two.api(), token)).isEqualTo(200);
  }

  @Test
  void eachMailIsSentExactlyOnceWhileBothNodesDeliver() throws Exception {
    var names = new ArrayList<String>();
    for (var i = 0; i < 24; i++) {
      names.add(SignUp.newName("once"));
    }
    var pool = Executors.newFixedThreadPool(6);
    try {
      var registered = new ArrayList<Future<?>>();
      for (var i = 0; i < names.size(); i++) {
        var api = (i % 2 == 0 ? one : two).api();
        var name = names.get(i);
        registered.add(pool.submit(() -> SignUp.register(api, name)));
      }
      for (var future : registered) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (var name : names) {
      Mailbox.await(SignUp.email(name), 1);
    }
    Thread.sleep(1_000); // ten more rounds of both workers: a mail sent twice would show now
    for (var name : names) {
      assertThat(Mailbox.all(SignUp.email(name))).as(name).hasSize(1);
    }
  }

  @Test
  void rateLimitsCountRequestsAtEitherNode() {
    List<Integer> statuses = new ArrayList<>();
    for (var i = 0; i < 6; i++) {
      var api = (i % 2 == 0 ? one : two).api();
      statuses.add(
          api.post("/api/user/password-reset/")
              .json(Map.of("email", SignUp.newName("limit") + "@example.org"))
              .send()
              .status());
    }
    assertThat(statuses).containsExactly(202, 202, 202, 202, 429, 429);
  }

  @Test
  void guessingAPasswordAtBothNodesIsStoppedAfterTheLimitOfOne() {
    var name = SignUp.newName("guessed");
    SignUp.verifiedUser(one.api(), name);
    assertThat(login(one.api(), name, "wrong guess one xyz")).isEqualTo(400);
    assertThat(login(two.api(), name, "wrong guess two xyz")).isEqualTo(400);
    assertThat(login(one.api(), name, "wrong guess three xyz")).isEqualTo(400);
    assertThat(login(two.api(), name, SignUp.PASSWORD)).isEqualTo(429);
    assertThat(login(one.api(), name, SignUp.PASSWORD)).isEqualTo(429);
  }

  @Test
  void aResumableUploadStartedOnOneNodeFinishesOnTheOther() throws Exception {
    var name = SignUp.newName("resume");
    SignUp.register(one.api(), name);
    SignUp.verify(one.api(), name);
    var token = SignUp.login(one.api(), name, SignUp.PASSWORD);
    var content = TestPdfs.pdf("sent in two halves " + name, 5);
    var half = content.length / 2;
    var filename = java.util.Base64.getEncoder().encodeToString("halves.pdf".getBytes());

    var created =
        one.api()
            .post("/api/uploads/")
            .token(token)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Integer.toString(content.length))
            .header("Upload-Metadata", "filename " + filename)
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var location = java.net.URI.create(created.header("Location")).getRawPath();

    var first =
        one.api()
            .call("PATCH", location)
            .token(token)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", "0")
            .body("application/offset+octet-stream", java.util.Arrays.copyOf(content, half))
            .send();
    assertThat(first.status()).as(first.toString()).isEqualTo(204);

    var offset =
        two.api().call("HEAD", location).token(token).header("Tus-Resumable", "1.0.0").send();
    assertThat(offset.header("Upload-Offset")).isEqualTo(Integer.toString(half));
    var rest =
        two.api()
            .call("PATCH", location)
            .token(token)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Integer.toString(half))
            .body(
                "application/offset+octet-stream",
                java.util.Arrays.copyOfRange(content, half, content.length))
            .send();
    assertThat(rest.status()).as(rest.toString()).isIn(200, 204);
    var id = rest.header("Fileshare-File-Id");
    assertThat(id).isNotNull();

    var downloaded = one.api().get("/api/download/" + id + "/").token(token).send();
    assertThat(downloaded.status()).isEqualTo(200);
    assertThat(sha256(downloaded.bytes())).isEqualTo(sha256(content));
  }

  static int me(Api api, String token) {
    return api.get("/api/user/me/").token(token).send().status();
  }

  static int login(Api api, String username, String password) {
    return api.post("/api/user/login/")
        .json(Map.of("username", username, "password", password))
        .send()
        .status();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
