package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;

/**
 * An installation in use, made through the API, and what it must still serve after it is moved,
 * restored or upgraded: alice's files (one replaced, so with a version; one shared with bob; one
 * behind a link with a password; one whose text is searched), one in the trash and one removed for
 * good, under the tokens they had.
 *
 * @param files each file alice has (not in the trash) and the SHA-256 of its content
 */
record Installation(
    String alice,
    String aliceToken,
    String bob,
    Map<Long, String> files,
    long replaced,
    String firstContent,
    long shared,
    String link,
    long searched,
    String word,
    long trashed,
    long purged) {

  static final String LINK_PASSWORD = "open sesame, please";

  /** Makes one through the API of a running server, and waits until its documents are read. */
  static Installation populate(Api api) throws Exception {
    var alice = SignUp.newName("alice");
    var bob = SignUp.newName("bob");
    var word = "quartzite" + System.nanoTime() % 1000;
    var aliceToken = SignUp.verifiedUser(api, alice);
    SignUp.verifiedUser(api, bob);
    var files = new LinkedHashMap<Long, String>();
    for (var i = 0; i < 3; i++) {
      var pdf = TestPdfs.pdf("kept " + i);
      files.put(upload(api, aliceToken, "kept-" + i + ".pdf", pdf), sha256(pdf));
    }
    var ids = new ArrayList<>(files.keySet());
    var replaced = ids.get(0);
    var firstContent = files.get(replaced);
    var second = TestPdfs.pdf("kept 0, second edition");
    assertThat(
            api.call("PUT", "/api/files/" + replaced + "/?name=kept-0.pdf")
                .token(aliceToken)
                .body("application/pdf", second)
                .send()
                .status())
        .isEqualTo(200);
    files.put(replaced, sha256(second));
    var shared = ids.get(1);
    assertThat(
            api.post("/api/files/" + shared + "/shares/")
                .token(aliceToken)
                .json(Map.of("user", bob, "permission", "read"))
                .send()
                .status())
        .isEqualTo(201);
    var made =
        api.post("/api/files/" + ids.get(2) + "/links/")
            .token(aliceToken)
            .json(Map.of("password", LINK_PASSWORD))
            .send();
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    var url = made.json().get("url").asString();
    var text = TestPdfs.pdf("the " + word + " report");
    var searched = upload(api, aliceToken, "searched.pdf", text);
    files.put(searched, sha256(text));
    var trashed = upload(api, aliceToken, "trashed.pdf", TestPdfs.pdf("trashed"));
    assertThat(delete(api, aliceToken, "/api/files/" + trashed + "/")).isEqualTo(204);
    var purged = upload(api, aliceToken, "purged.pdf", TestPdfs.pdf("purged"));
    assertThat(delete(api, aliceToken, "/api/files/" + purged + "/")).isEqualTo(204);
    assertThat(delete(api, aliceToken, "/api/trash/" + purged + "/")).isEqualTo(204);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> found(api, aliceToken, word).contains(searched));
    return new Installation(
        alice,
        aliceToken,
        bob,
        files,
        replaced,
        firstContent,
        shared,
        url.substring(url.lastIndexOf('/') + 1),
        searched,
        word,
        trashed,
        purged);
  }

  /** Checks that a server serves all of it: files, version, share, link, trash, search, ids. */
  void assertServedBy(Api api) throws Exception {
    assertThat(api.get("/api/user/me/").token(aliceToken).send().status())
        .as("a token from before")
        .isEqualTo(200);
    var listed = api.get("/api/files/?owner=me&limit=50").token(aliceToken).send();
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.json().get("count").asLong()).isEqualTo(files.size());
    var ids = new ArrayList<Long>();
    listed.json().get("results").forEach(file -> ids.add(file.get("id").asLong()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(files.keySet());
    for (var file : files.entrySet()) {
      var bytes = api.get("/api/download/" + file.getKey() + "/").token(aliceToken).send();
      assertThat(bytes.status()).isEqualTo(200);
      assertThat(sha256(bytes.bytes())).isEqualTo(file.getValue());
    }
    var version =
        api.get("/api/files/" + replaced + "/versions/1/download/").token(aliceToken).send();
    assertThat(sha256(version.bytes())).as("the replaced content").isEqualTo(firstContent);
    var bobToken = SignUp.login(api, bob, SignUp.PASSWORD);
    assertThat(api.get("/api/download/" + shared + "/").token(bobToken).send().status())
        .as("shared with bob")
        .isEqualTo(200);
    var access =
        api.post("/api/s/" + link + "/unlock/").json(Map.of("password", LINK_PASSWORD)).send();
    assertThat(access.status()).as(access.toString()).isEqualTo(200);
    var byLink =
        api.get("/api/s/" + link + "/download/")
            .header("Link-Access", access.json().get("access").asString())
            .send();
    assertThat(byLink.status()).isEqualTo(200);
    assertThat(api.get("/api/trash/").token(aliceToken).send().text())
        .contains("\"id\":" + trashed);
    assertThat(found(api, aliceToken, word)).as("the text of the document").contains(searched);
    var later = upload(api, aliceToken, "later.pdf", TestPdfs.pdf("later"));
    assertThat(later).as("numbered after every file given out").isGreaterThan(purged);
  }

  Properties properties() {
    var properties = new Properties();
    properties.setProperty("alice", alice);
    properties.setProperty("alice.token", aliceToken);
    properties.setProperty("bob", bob);
    files.forEach((id, sha) -> properties.setProperty("file." + id, sha));
    properties.setProperty("replaced", Long.toString(replaced));
    properties.setProperty("replaced.first", firstContent);
    properties.setProperty("shared", Long.toString(shared));
    properties.setProperty("link", link);
    properties.setProperty("searched", Long.toString(searched));
    properties.setProperty("word", word);
    properties.setProperty("trashed", Long.toString(trashed));
    properties.setProperty("purged", Long.toString(purged));
    return properties;
  }

  static Installation of(Properties properties) {
    var files = new LinkedHashMap<Long, String>();
    properties.stringPropertyNames().stream()
        .filter(key -> key.startsWith("file."))
        .sorted()
        .forEach(
            key ->
                files.put(
                    Long.parseLong(key.substring("file.".length())), properties.getProperty(key)));
    return new Installation(
        properties.getProperty("alice"),
        properties.getProperty("alice.token"),
        properties.getProperty("bob"),
        files,
        Long.parseLong(properties.getProperty("replaced")),
        properties.getProperty("replaced.first"),
        Long.parseLong(properties.getProperty("shared")),
        properties.getProperty("link"),
        Long.parseLong(properties.getProperty("searched")),
        properties.getProperty("word"),
        Long.parseLong(properties.getProperty("trashed")),
        Long.parseLong(properties.getProperty("purged")));
  }

  private static long upload(Api api, String token, String name, byte[] pdf) {
    var answer =
        api.post("/api/files/?name=" + name).token(token).body("application/pdf", pdf).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private static int delete(Api api, String token, String path) {
    return api.call("DELETE", path).token(token).send().status();
  }

  private static List<Long> found(Api api, String token, String word) {
    var ids = new ArrayList<Long>();
    api.get("/api/files/?search=" + word)
        .token(token)
        .send()
        .json()
        .forEach(file -> ids.add(file.get("id").asLong()));
    return ids;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
