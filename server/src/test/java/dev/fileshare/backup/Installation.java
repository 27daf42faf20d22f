package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * An installation in use, made through the API, and what it must still serve after it is moved,
 * restored or upgraded: alice's files (one replaced, so with a version; one shared with bob; one
 * behind a link with a password; one whose text is searched), one in the trash and one removed for
 * good, under the tokens they had; and, in installations made since schema 29, alice's API key,
 * carol's two-factor sign-in, and an upload half sent, which goes on where it stopped.
 *
 * @param files each file alice has (not in the trash) and the SHA-256 of its content
 * @param later what fixtures older than schema 29 do not have
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
    long purged,
    @Nullable Later later) {

  static final String LINK_PASSWORD = "open sesame, please";

  /**
   * @param apiKey alice's API key (scopes {@code account} and {@code files:read}, no expiry)
   * @param carol a user with two-factor sign-in, confirmed at {@code step} (30 s steps)
   * @param secret carol's TOTP secret
   * @param recoveryCode one of carol's recovery codes, unused
   * @param upload the path of alice's resumable upload, of which {@code sent} bytes arrived
   * @param rest the bytes of the upload not sent yet, in Base64
   * @param uploadSha256 the SHA-256 of the whole upload
   */
  record Later(
      String apiKey,
      String carol,
      String secret,
      long step,
      String recoveryCode,
      String upload,
      long sent,
      String rest,
      String uploadSha256) {}

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
    var later = later(api, aliceToken);
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
        purged,
        later);
  }

  private static Later later(Api api, String aliceToken) throws Exception {
    var key =
        api.post("/api/keys/")
            .token(aliceToken)
            .json(Map.of("name", "backup script", "scopes", List.of("account", "files:read")))
            .send();
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    var carol = SignUp.newName("carol");
    var carolToken = SignUp.verifiedUser(api, carol);
    var setup = api.post("/api/user/2fa/setup/").token(carolToken).send();
    assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
    var secret = setup.json().get("secret").asString();
    var step = Clock.systemUTC().millis() / 1000 / 30;
    var confirm =
        api.post("/api/user/2fa/confirm/")
            .token(carolToken)
            .json(Map.of("code", OneTimeCodes.at(secret, step)))
            .send();
    assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
    var content = TestPdfs.pdf("sent in two pieces, the second after the move");
    var name = Base64.getEncoder().encodeToString("resumed.pdf".getBytes(StandardCharsets.UTF_8));
    var created =
        api.post("/api/uploads/")
            .token(aliceToken)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Integer.toString(content.length))
            .header("Upload-Metadata", "filename " + name)
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var location = created.header("Location");
    var path = location.substring(location.indexOf("/api/"));
    var half = content.length / 2;
    var first =
        api.call("PATCH", path)
            .token(aliceToken)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", "0")
            .body("application/offset+octet-stream", Arrays.copyOfRange(content, 0, half))
            .send();
    assertThat(first.status()).as(first.toString()).isEqualTo(204);
    return new Later(
        key.json().get("key").asString(),
        carol,
        secret,
        step,
        confirm.json().get("recovery_codes").get(0).asString(),
        path,
        half,
        Base64.getEncoder().encodeToString(Arrays.copyOfRange(content, half, content.length)),
        sha256(content));
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
    var next = upload(api, aliceToken, "later.pdf", TestPdfs.pdf("later"));
    assertThat(next).as("numbered after every file given out").isGreaterThan(purged);
    if (later != null) {
      assertLaterServedBy(api);
    }
  }

  private void assertLaterServedBy(Api api) throws Exception {
    var later = this.later;
    var byKey = api.get("/api/user/me/").token(later.apiKey()).send();
    assertThat(byKey.status()).as("the API key: " + byKey).isEqualTo(200);
    assertThat(byKey.json().get("username").asString()).isEqualTo(alice);

    var step = Clock.systemUTC().millis() / 1000 / 30;
    if (step > later.step()) { // a code of the confirming step is taken
      var code = signInWithCode(api, later.carol(), OneTimeCodes.at(later.secret(), step));
      assertThat(code.status()).as("carol's authenticator: " + code).isEqualTo(200);
    }
    var recovery = signInWithCode(api, later.carol(), later.recoveryCode());
    assertThat(recovery.status()).as("carol's recovery code: " + recovery).isEqualTo(200);

    var offset =
        api.call("HEAD", later.upload()).token(aliceToken).header("Tus-Resumable", "1.0.0").send();
    assertThat(offset.status()).as(offset.toString()).isEqualTo(200);
    assertThat(offset.header("Upload-Offset")).isEqualTo(Long.toString(later.sent()));
    var last =
        api.call("PATCH", later.upload())
            .token(aliceToken)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(later.sent()))
            .body("application/offset+octet-stream", Base64.getDecoder().decode(later.rest()))
            .send();
    assertThat(last.status()).as(last.toString()).isEqualTo(204);
    var resumed = last.header("Fileshare-File-Id");
    var bytes = api.get("/api/download/" + resumed + "/").token(aliceToken).send();
    assertThat(sha256(bytes.bytes())).as("the resumed upload").isEqualTo(later.uploadSha256());
  }

  /** Signs in with the password, then answers the two-factor challenge with the code. */
  private static Api.Answer signInWithCode(Api api, String name, String code) {
    var first =
        api.post("/api/user/login/")
            .json(Map.of("username", name, "password", SignUp.PASSWORD))
            .send();
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("two_factor_required").asBoolean())
        .as("two-factor sign-in still on")
        .isTrue();
    return api.post("/api/user/login/2fa/")
        .json(Map.of("challenge", first.json().get("challenge").asString(), "code", code))
        .send();
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
    if (later != null) {
      properties.setProperty("later.api-key", later.apiKey());
      properties.setProperty("later.carol", later.carol());
      properties.setProperty("later.secret", later.secret());
      properties.setProperty("later.step", Long.toString(later.step()));
      properties.setProperty("later.recovery-code", later.recoveryCode());
      properties.setProperty("later.upload", later.upload());
      properties.setProperty("later.sent", Long.toString(later.sent()));
      properties.setProperty("later.rest", later.rest());
      properties.setProperty("later.upload-sha256", later.uploadSha256());
    }
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
        Long.parseLong(properties.getProperty("purged")),
        properties.getProperty("later.api-key") == null
            ? null
            : new Later(
                properties.getProperty("later.api-key"),
                properties.getProperty("later.carol"),
                properties.getProperty("later.secret"),
                Long.parseLong(properties.getProperty("later.step")),
                properties.getProperty("later.recovery-code"),
                properties.getProperty("later.upload"),
                Long.parseLong(properties.getProperty("later.sent")),
                properties.getProperty("later.rest"),
                properties.getProperty("later.upload-sha256")));
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
