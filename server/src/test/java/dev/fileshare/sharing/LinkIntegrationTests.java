package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.create;
import static dev.fileshare.sharing.LinkCalls.download;
import static dev.fileshare.sharing.LinkCalls.downloads;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Links through the real server: made, listed, changed and revoked by the owner; opened, unlocked
 * and downloaded by someone without an account; refused with problems that say why.
 */
@TestPropertySource(properties = "fileshare.sharing.max-expiry=30d")
class LinkIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  TestUsers.User owner;
  long file;

  @BeforeEach
  void ownerWithAFile() {
    owner = TestUsers.verified(api, jdbc);
    file = upload(api, owner.token(), "report.pdf", "private");
  }

  @Test
  void theOwnerMakesListsChangesAndRevokesLinks() {
    var expires =
        clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    var created =
        create(
            api,
            owner.token(),
            file,
            Map.of(
                "label",
                "for the auditors",
                "expires",
                expires.toString(),
                "password",
                "open sesame",
                "max_downloads",
                3));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var json = created.json();
    var id = json.get("id").asLong();
    assertThat(json.get("file").asLong()).isEqualTo(file);
    assertThat(json.get("url").asString())
        .startsWith(TestEnvironment.PUBLIC_URL + "/s/")
        .matches(".*/s/[0-9a-f]{40}");
    assertThat(json.get("label").asString()).isEqualTo("for the auditors");
    assertThat(Instant.parse(json.get("expires").asString())).isEqualTo(expires);
    assertThat(json.get("has_password").asBoolean()).isTrue();
    assertThat(json.get("max_downloads").asLong()).isEqualTo(3);
    assertThat(json.get("downloads").asLong()).isZero();
    assertThat(json.get("notify_first_download").asBoolean()).isFalse();
    assertThat(json.has("created")).isTrue();
    assertThat(json.has("updated")).isTrue();
    assertThat(created.text()).doesNotContain("open sesame").doesNotContain("\"password\"");
    assertThat(created.header("Location")).endsWith("/api/links/" + id + "/");

    var second = link(api, owner.token(), file, Map.of());
    assertThat(second.get("expires").isNull()).isFalse(); // the maximum applies by default
    assertThat(second.get("max_downloads").isNull()).isTrue();
    assertThat(tokenOf(second)).isNotEqualTo(tokenOf(json));

    var ofFile = api.get("/api/files/" + file + "/links/").token(owner.token()).send();
    assertThat(ofFile.json().values())
        .extracting(link -> link.get("id").asLong())
        .containsExactly(second.get("id").asLong(), id);
    var mine = api.get("/api/links/").token(owner.token()).send();
    assertThat(mine.json().values()).extracting(link -> link.get("id").asLong()).contains(id);

    var later =
        clock
            .instant()
            .plus(Duration.ofDays(20))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    var changes = new HashMap<String, Object>();
    changes.put("expires", later.toString());
    changes.put("password", null);
    changes.put("max_downloads", 10);
    var patched =
        api.call("PATCH", "/api/links/" + id + "/").token(owner.token()).json(changes).send();
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(Instant.parse(patched.json().get("expires").asString())).isEqualTo(later);
    assertThat(patched.json().get("has_password").asBoolean()).isFalse();
    assertThat(patched.json().get("max_downloads").asLong()).isEqualTo(10);
    assertThat(patched.json().get("label").asString()).isEqualTo("for the auditors");
    assertThat(download(api, tokenOf(json)).status()).isEqualTo(200);

    var unknown = api.get("/api/s/" + "0".repeat(40) + "/").send();
    assertThat(api.call("DELETE", "/api/links/" + id + "/").token(owner.token()).send().status())
        .isEqualTo(204);
    var revoked = api.get("/api/s/" + tokenOf(json) + "/").send();
    assertThat(revoked.status()).isEqualTo(404);
    assertThat(revoked.text()).isEqualTo(unknown.text().replace("0".repeat(40), tokenOf(json)));
    assertThat(download(api, tokenOf(json)).status()).isEqualTo(404);
    assertThat(api.get("/s/" + tokenOf(json)).send().status()).isEqualTo(404);
    assertThat(api.get("/api/links/" + id + "/").token(owner.token()).send().status())
        .isEqualTo(404);
  }

  @Test
  void anExpiryPastTheYear9999IsRefusedNotOverflowed() {
    var answer = create(api, owner.token(), file, Map.of("expires", "+100000-01-01T00:00:00Z"));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().path("expires").get(0).asString()).contains("year 10000");
  }

  @Test
  void anExpiredLinkSaysSoUntilItsOwnerExtendsIt() {
    var json =
        link(
            api,
            owner.token(),
            file,
            Map.of("expires", clock.instant().plus(Duration.ofHours(1)).toString()));
    var token = tokenOf(json);
    assertThat(api.get("/api/s/" + token + "/").send().status()).isEqualTo(200);

    clock.advance(Duration.ofHours(2));
    var info = api.get("/api/s/" + token + "/").send();
    assertThat(info.status()).isEqualTo(410);
    assertThat(info.json().get("detail").asString()).contains("expired");
    assertThat(info.json().get("reason").asString()).isEqualTo("expired");
    assertThat(download(api, token).status()).isEqualTo(410);
    var page = api.get("/s/" + token).send();
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.text()).contains("This link has expired");

    var extended =
        api.call("PATCH", "/api/links/" + json.get("id").asLong() + "/")
            .token(owner.token())
            .json(Map.of("expires", clock.instant().plus(Duration.ofDays(1)).toString()))
            .send();
    assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
    assertThat(download(api, token).status()).isEqualTo(200);
  }

  @Test
  void aPasswordIsAskedBeforeAnythingOfTheFileIsShown() {
    var json = link(api, owner.token(), file, Map.of("password", "open sesame"));
    var token = tokenOf(json);

    var locked = api.get("/api/s/" + token + "/").send();
    assertThat(locked.status()).isEqualTo(200);
    assertThat(locked.json().get("has_password").asBoolean()).isTrue();
    assertThat(locked.json().get("unlocked").asBoolean()).isFalse();
    assertThat(locked.json().get("name").isNull()).isTrue();
    assertThat(locked.text()).doesNotContain("report.pdf");
    assertThat(download(api, token).status()).isEqualTo(403);

    var wrong =
        api.post("/api/s/" + token + "/unlock/").json(Map.of("password", "open says me")).send();
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("password").get(0).asString()).contains("not right");

    var right =
        api.post("/api/s/" + token + "/unlock/").json(Map.of("password", "open sesame")).send();
    assertThat(right.status()).as(right.toString()).isEqualTo(200);
    var access = right.json().get("access").asString();
    var unlocked = api.get("/api/s/" + token + "/").header("Link-Access", access).send();
    assertThat(unlocked.json().get("name").asString()).isEqualTo("report.pdf");
    assertThat(unlocked.json().get("owner").asString()).isEqualTo(owner.username());
    var bytes = api.get("/api/download/" + file + "/").token(owner.token()).send().bytes();
    var downloaded = api.get("/api/s/" + token + "/download/").header("Link-Access", access).send();
    assertThat(downloaded.status()).isEqualTo(200);
    assertThat(downloaded.bytes()).isEqualTo(bytes);

    // a new password ends what the old one opened
    api.call("PATCH", "/api/links/" + json.get("id").asLong() + "/")
        .token(owner.token())
        .json(Map.of("password", "a new secret"))
        .send();
    assertThat(
            api.get("/api/s/" + token + "/download/").header("Link-Access", access).send().status())
        .isEqualTo(403);
  }

  @Test
  void thePageAndItsPasswordFormWorkWithoutScriptAndNeverDownload() {
    var json =
        link(api, owner.token(), file, Map.of("password", "open sesame", "max_downloads", 1));
    var token = tokenOf(json);
    var page = api.get("/s/" + token).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'none'")
        .doesNotContain("unsafe");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.text()).contains("name=\"password\"").doesNotContain("report.pdf");

    var wrong = api.post("/s/" + token).form(Map.of("password", "nope nope")).send();
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.text()).contains("The password is not right.");
    var right = api.post("/s/" + token).form(Map.of("password", "open sesame")).send();
    assertThat(right.status()).isEqualTo(303);
    var cookie = right.header("Set-Cookie");
    assertThat(cookie).contains("HttpOnly").contains("Path=/s/" + token);
    var access = cookie.substring(0, cookie.indexOf(';'));

    var unlocked = api.get("/s/" + token).header("Cookie", access).send();
    assertThat(unlocked.text())
        .contains("report.pdf")
        .contains("Download")
        .contains(owner.username());
    assertThat(downloads(api, owner.token(), json.get("id").asLong())).isZero();
    var bytes = api.get("/s/" + token + "/download").header("Cookie", access).send();
    assertThat(bytes.status()).isEqualTo(200);
    assertThat(bytes.header("Content-Disposition")).contains("report.pdf");
    assertThat(downloads(api, owner.token(), json.get("id").asLong())).isEqualTo(1);
    var usedUp = api.get("/s/" + token).header("Cookie", access).send();
    assertThat(usedUp.status()).isEqualTo(410);
    assertThat(usedUp.text()).contains("download limit");
  }

  @Test
  void onlyWholeDownloadsCountAndTheLimitSaysItWasReached() {
    var json = link(api, owner.token(), file, Map.of("max_downloads", 2));
    var token = tokenOf(json);
    var id = json.get("id").asLong();
    assertThat(api.get("/s/" + token).send().status()).isEqualTo(200);
    assertThat(api.get("/api/s/" + token + "/").send().status()).isEqualTo(200);
    assertThat(api.call("HEAD", "/api/s/" + token + "/download/").send().status()).isEqualTo(200);
    assertThat(downloads(api, owner.token(), id)).isZero();

    assertThat(download(api, token).status()).isEqualTo(200);
    assertThat(download(api, token).status()).isEqualTo(200);
    assertThat(downloads(api, owner.token(), id)).isEqualTo(2);
    var third = download(api, token);
    assertThat(third.status()).as(third.toString() + third.response().headers()).isEqualTo(410);
    assertThat(third.json().has("detail"))
        .as(third.toString() + third.response().headers())
        .isTrue();
    assertThat(third.json().get("detail").asString()).contains("download limit of 2 downloads");
    assertThat(third.json().get("reason").asString()).isEqualTo("download_limit_reached");
    assertThat(api.get("/api/s/" + token + "/").send().json().get("reason").asString())
        .isEqualTo("download_limit_reached");

    var raised =
        api.call("PATCH", "/api/links/" + id + "/")
            .token(owner.token())
            .json(Map.of("max_downloads", 3))
            .send();
    assertThat(raised.status()).isEqualTo(200);
    assertThat(download(api, token).status()).isEqualTo(200);
  }

  @Test
  void rangesAndConditionalRequestsWorkAsForSignedInDownloads() {
    var signedIn = api.get("/api/download/" + file + "/").token(owner.token()).send();
    var limited = tokenOf(link(api, owner.token(), file, Map.of("max_downloads", 1)));
    var limitedId =
        api.get("/api/links/").token(owner.token()).send().json().get(0).get("id").asLong();

    var first = api.get("/api/s/" + limited + "/download/").header("Range", "bytes=0-99").send();
    assertThat(first.status()).isEqualTo(206);
    assertThat(first.header("Content-Range")).isEqualTo("bytes 0-99/" + signedIn.bytes().length);
    assertThat(downloads(api, owner.token(), limitedId)).isEqualTo(1);
    // the same visitor resumes: not counted again, and allowed although the limit is reached
    var rest = api.get("/api/s/" + limited + "/download/").header("Range", "bytes=100-").send();
    assertThat(rest.status()).isEqualTo(206);
    var whole = new byte[signedIn.bytes().length];
    System.arraycopy(first.bytes(), 0, whole, 0, 100);
    System.arraycopy(rest.bytes(), 0, whole, 100, rest.bytes().length);
    assertThat(whole).isEqualTo(signedIn.bytes());
    assertThat(downloads(api, owner.token(), limitedId)).isEqualTo(1);
    // someone else (another browser) is refused
    var other =
        api.get("/api/s/" + limited + "/download/")
            .header("Range", "bytes=100-")
            .header("User-Agent", "another browser")
            .send();
    assertThat(other.status()).isEqualTo(410);
    assertThat(download(api, limited).status()).isEqualTo(410);

    var open = link(api, owner.token(), file, Map.of());
    var token = tokenOf(open);
    var answer = download(api, token);
    for (var header :
        new String[] {
          "ETag",
          "Last-Modified",
          "Content-Type",
          "Content-Disposition",
          "Accept-Ranges",
          "Content-Security-Policy",
          "X-Content-Type-Options",
          "Cache-Control"
        }) {
      assertThat(answer.header(header)).as(header).isEqualTo(signedIn.header(header));
    }
    var notModified =
        api.get("/api/s/" + token + "/download/")
            .header("If-None-Match", signedIn.header("ETag"))
            .send();
    assertThat(notModified.status()).isEqualTo(304);
    var unsatisfiable =
        api.get("/api/s/" + token + "/download/").header("Range", "bytes=999999-").send();
    assertThat(unsatisfiable.status()).isEqualTo(416);
    assertThat(downloads(api, owner.token(), open.get("id").asLong())).isEqualTo(1);
  }

  @Test
  void theApiDocumentNamesTheLinkEndpoints() {
    var schema = api.get("/api/schema").send();
    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.text())
        .contains("/api/files/{id}/links")
        .contains("/api/links/{id}")
        .contains("/api/links/{id}/log")
        .contains("/api/files/{id}/links/log")
        .contains("/api/links/{id}/mail")
        .contains("/api/s/{token}")
        .contains("/api/s/{token}/unlock")
        .contains("/api/s/{token}/download");
  }
}
