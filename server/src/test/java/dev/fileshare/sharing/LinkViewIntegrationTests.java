package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.download;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A view-only link gives out pictures of its pages rendered by the server, never the document: the
 * download is refused, the pages come as PNG within a bound per minute, and the password still
 * guards them. The owner switches a link between the two modes.
 */
@TestPropertySource(properties = "fileshare.sharing.view-pages-per-minute=4")
class LinkViewIntegrationTests extends ApiTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Autowired JdbcClient jdbc;
  @Autowired dev.fileshare.storage.BlobStoreRegistry stores;

  @Test
  void viewOnlyLinkServesPagesAndNeverTheDocument() throws IOException {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "read-only.pdf", "private", TestPdfs.pdf("secret", 3));
    var token = tokenOf(link(api, owner.token(), file, Map.of("mode", "view")));

    var shown = api.get("/api/s/" + token + "/").send().json();
    assertThat(shown.get("mode").asString()).isEqualTo("view");
    assertThat(shown.get("pages").asString()).endsWith("/api/s/" + token + "/pages/");

    var refused = download(api, token);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asString()).isEqualTo("view_only");
    assertThat(refused.json().get("detail").asString()).contains("reading only");
    assertThat(refused.text()).doesNotContain("%PDF");
    assertThat(api.get("/s/" + token).send().text())
        .contains("for reading only")
        .doesNotContain("/download");

    var pages = api.get("/api/s/" + token + "/pages/").send();
    assertThat(pages.status()).isEqualTo(200);
    assertThat(pages.json().get("pages").asInt()).isEqualTo(3);

    var second = api.get("/api/s/" + token + "/pages/2/?width=600").send();
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.contentType()).isEqualTo("image/png");
    assertThat(second.header("Cache-Control")).isEqualTo("private, max-age=300");
    assertPng(second.bytes(), 600);
    assertPng(api.get("/api/s/" + token + "/pages/1/").send().bytes(), 1024);

    assertThat(api.get("/api/s/" + token + "/pages/4/").send().status()).isEqualTo(404);
    assertThat(api.get("/api/s/" + token + "/pages/x/").send().status()).isEqualTo(400);
    assertThat(api.get("/api/s/" + token + "/pages/1/?width=4096").send().status()).isEqualTo(400);
  }

  @Test
  void aDrawnPageIsKeptForTheNextVisitor() throws IOException {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "kept.pdf", "private", TestPdfs.pdf("kept", 2));
    var token = tokenOf(link(api, owner.token(), file, Map.of("mode", "view")));
    var first = api.get("/api/s/" + token + "/pages/1/?width=300").send();
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(api.get("/api/s/" + token + "/pages/").send().status()).isEqualTo(200);

    // the stored document is gone: what was drawn is still shown, nothing else can be
    var row =
        jdbc.sql("SELECT store, blob_key FROM files WHERE id = ?")
            .param(file)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    stores.get(row[0]).delete(row[1]);

    var again = api.get("/api/s/" + token + "/pages/1/?width=300").send();
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.bytes()).isEqualTo(first.bytes());
    assertThat(api.get("/api/s/" + token + "/pages/").send().status()).isEqualTo(200);
    var undrawn = api.get("/api/s/" + token + "/pages/2/?width=300").send();
    assertThat(undrawn.status()).isEqualTo(422);
    assertThat(undrawn.contentType()).startsWith("application/problem+json");
    // purge the file so that storage matches the rows again for other tests
    assertThat(api.call("DELETE", "/api/files/" + file + "/").token(owner.token()).send().status())
        .isEqualTo(204);
    assertThat(api.call("DELETE", "/api/trash/" + file + "/").token(owner.token()).send().status())
        .isEqualTo(204);
  }

  @Test
  void renderedPagesAreBoundedPerMinutePerLink() {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "bound.pdf", "private", TestPdfs.pdf("bound", 2));
    var token = tokenOf(link(api, owner.token(), file, Map.of("mode", "view")));
    var other = tokenOf(link(api, owner.token(), file, Map.of("mode", "view")));

    for (var i = 0; i < 4; i++) {
      assertThat(page(token).status()).isEqualTo(200);
    }
    var over = page(token);
    assertThat(over.status()).isEqualTo(429);
    assertThat(Long.parseLong(over.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(page(other).status()).as("another link has its own bound").isEqualTo(200);

    clock.advance(Duration.ofSeconds(61));
    assertThat(page(token).status()).isEqualTo(200);
  }

  @Test
  void pagesNeedThePassword() {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "guarded.pdf", "private", TestPdfs.pdf("guard", 1));
    var token =
        tokenOf(link(api, owner.token(), file, Map.of("mode", "view", "password", "open sesame")));

    var locked = page(token);
    assertThat(locked.status()).isEqualTo(403);
    assertThat(locked.json().get("error").asString()).isEqualTo("password_required");
    assertThat(api.get("/api/s/" + token + "/pages/").send().status()).isEqualTo(403);

    var access = LinkCalls.access(api, token, "open sesame");
    var open = api.get("/api/s/" + token + "/pages/1/?width=200").header("Link-Access", access);
    var answer = open.send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bytes()).startsWith(PNG);
    assertThat(
            api.get("/api/s/" + token + "/download/").header("Link-Access", access).send().status())
        .isEqualTo(403);
  }

  @Test
  void ownerSwitchesALinkBetweenModes() {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "switch.pdf", "private", TestPdfs.pdf("switch", 1));
    var created = link(api, owner.token(), file, Map.of());
    var id = created.get("id").asLong();
    var token = tokenOf(created);
    assertThat(created.get("mode").asString()).isEqualTo("download");
    assertThat(created.get("watermark").asBoolean()).isFalse();
    assertThat(download(api, token).status()).isEqualTo(200);
    assertThat(api.get("/api/s/" + token + "/pages/").send().status()).isEqualTo(409);

    var viewing = patch(owner.token(), id, Map.of("mode", "view"));
    assertThat(viewing.status()).isEqualTo(200);
    assertThat(viewing.json().get("mode").asString()).isEqualTo("view");
    assertThat(download(api, token).status()).isEqualTo(403);
    assertThat(page(token).status()).isEqualTo(200);

    var back = patch(owner.token(), id, Map.of("mode", "download"));
    assertThat(back.json().get("mode").asString()).isEqualTo("download");
    assertThat(download(api, token).status()).isEqualTo(200);

    var wrong = patch(owner.token(), id, Map.of("mode", "print"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("mode").get(0).asString()).contains("download");
  }

  private Api.Answer page(String token) {
    return api.get("/api/s/" + token + "/pages/1/?width=100").send();
  }

  private Api.Answer patch(String ownerToken, long id, Map<String, ?> body) {
    return api.call("PATCH", "/api/links/" + id + "/").token(ownerToken).json(body).send();
  }

  private static void assertPng(byte[] bytes, int width) throws IOException {
    assertThat(bytes).startsWith(PNG);
    var image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image.getWidth()).isEqualTo(width);
    // a Letter page: 792 by 612 points
    assertThat(image.getHeight()).isBetween(width * 792 / 612 - 1, width * 792 / 612 + 1);
  }
}
