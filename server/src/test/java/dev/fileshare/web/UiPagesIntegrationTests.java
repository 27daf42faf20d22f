package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The UI's page and files are served without a token, under a strict policy; the API's aren't. */
@IntegrationTest
class UiPagesIntegrationTests {

  @LocalServerPort int port;

  @Test
  void thePageAndItsFilesComeWithAStrictPolicy() {
    var api = new Api(port);
    for (var path :
        new String[] {"/", "/app/main.js", "/app/app.css", "/download-worker.js", "/favicon.svg"}) {
      var answer = api.get(path).send();
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.response().headers().allValues("Content-Security-Policy"))
          .as(path)
          .containsExactly(ContentSecurityPolicyFilter.POLICY);
      assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
    var page = api.get("/").send();
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<script type=\"module\" src=\"/app/main.js\">");
  }

  @Test
  void theViewerAndPdfJsComeWithTheSameStrictPolicy() {
    var api = new Api(port);
    for (var path :
        new String[] {
          "/viewer.html",
          "/viewer.js",
          "/webjars/pdfjs-dist/build/pdf.min.mjs",
          "/webjars/pdfjs-dist/build/pdf.worker.min.mjs"
        }) {
      var answer = api.get(path).send();
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.response().headers().allValues("Content-Security-Policy"))
          .as(path)
          .containsExactly(ContentSecurityPolicyFilter.POLICY);
      if (path.endsWith("js")) {
        // module scripts and workers load only with a JavaScript type
        assertThat(answer.contentType()).as(path).startsWith("text/javascript");
      }
    }
    // scripts and workers from this server only; nothing inline, nothing evaluated
    assertThat(ContentSecurityPolicyFilter.POLICY)
        .contains("script-src 'self';", "worker-src 'self';", "style-src 'self';")
        .doesNotContain("unsafe", "blob:", "*", "http");
    var page = api.get("/viewer.html").send();
    assertThat(page.text()).contains("<script type=\"module\" src=\"/viewer.js\">");
  }

  @Test
  void theApiAndTheMailLinkPagesKeepTheirOwnHeaders() {
    var api = new Api(port);
    var me = api.get("/api/user/me/").send();
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.header("Content-Security-Policy")).isNull();

    var link = api.get("/verify-email/0123456789abcdef").send();
    assertThat(link.status()).isEqualTo(200);
    assertThat(link.response().headers().allValues("Content-Security-Policy"))
        .singleElement()
        .asString()
        .startsWith("default-src 'none'");
  }

  @Test
  void theUploadLimitsAreThereBeforeSigningIn() {
    var settings = new Api(port).get("/app/settings.json").send();
    assertThat(settings.status()).isEqualTo(200);
    assertThat(settings.json().get("max_upload_size").asLong()).isEqualTo(1L << 30);
    assertThat(settings.json().get("accepted_types").get(0).asString())
        .isEqualTo("application/pdf");
    assertThat(settings.json().get("default_visibility").asString()).isEqualTo("users");
  }
}
