package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A link that watermarks stamps every page of each copy it gives out with the recipient's proved
 * address, or else its label, and the time; the stored file is unchanged, and the access log says
 * which copy went to whom.
 */
class LinkWatermarkIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void downloadIsStampedWithTheLabelAndTheOriginalIsNot() throws IOException {
    var owner = TestUsers.verified(api, jdbc);
    var original = TestPdfs.pdf("quarterly figures", 2);
    var file = uploaded(api, owner.token(), "figures.pdf", "private", original);
    var made = link(api, owner.token(), file, Map.of("label", "For Acme Legal", "watermark", true));
    assertThat(made.get("watermark").asBoolean()).isTrue();
    var token = tokenOf(made);

    var copy = api.get("/api/s/" + token + "/download/").header("Range", "bytes=0-99").send();
    assertThat(copy.status()).as("a stamped copy has no ranges").isEqualTo(200);
    assertThat(copy.header("ETag")).isNull();
    assertThat(copy.header("Accept-Ranges")).isEqualTo("none");
    assertThat(copy.header("Cache-Control")).contains("no-store");
    assertThat(copy.header("Content-Disposition")).contains("figures.pdf");
    var pages = pagesText(copy.bytes());
    assertThat(pages).hasSize(2);
    assertThat(pages)
        .allSatisfy(
            text ->
                assertThat(text)
                    .contains("For Acme Legal")
                    .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
                    .contains("quarterly figures"));

    var own = api.get("/api/download/" + file + "/").token(owner.token()).send();
    assertThat(own.bytes()).isEqualTo(original);
    assertThat(String.join("", pagesText(own.bytes()))).doesNotContain("For Acme Legal");

    var log = events(owner.token(), made.get("id").asLong());
    assertThat(log)
        .anySatisfy(
            event -> {
              assertThat(event.get("kind").asString()).isEqualTo("download_completed");
              assertThat(event.get("stamp").asString()).startsWith("For Acme Legal");
            });
  }

  @Test
  void restrictedLinkStampsTheProvedAddress() throws IOException {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "named.pdf", "private", TestPdfs.pdf("named copy", 1));
    var made =
        link(
            api,
            owner.token(),
            file,
            Map.of("label", "board", "watermark", true, "recipients", List.of("*@example.org")));
    var token = tokenOf(made);
    var address = CodeCalls.newAddress("example.org");
    var access = CodeCalls.proved(api, token, address);

    var copy = api.get("/api/s/" + token + "/download/").header("Link-Access", access).send();
    assertThat(copy.status()).isEqualTo(200);
    var text = String.join("", pagesText(copy.bytes()));
    assertThat(text).contains(address).doesNotContain("board");

    assertThat(events(owner.token(), made.get("id").asLong()))
        .anySatisfy(
            event -> {
              assertThat(event.get("kind").asString()).isEqualTo("download_started");
              assertThat(event.get("recipient").asString()).isEqualTo(address);
              assertThat(event.get("stamp").asString()).startsWith(address);
            });
  }

  @Test
  void viewOnlyPagesAreStampedAndLogged() {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "seen.pdf", "private", TestPdfs.pdf("seen", 1));
    var made =
        link(api, owner.token(), file, Map.of("label", "press", "mode", "view", "watermark", true));
    var token = tokenOf(made);
    var plain = tokenOf(link(api, owner.token(), file, Map.of("label", "press", "mode", "view")));

    var stamped = api.get("/api/s/" + token + "/pages/1/?width=400").send();
    var clean = api.get("/api/s/" + plain + "/pages/1/?width=400").send();
    assertThat(stamped.status()).isEqualTo(200);
    assertThat(clean.status()).isEqualTo(200);
    assertThat(stamped.bytes()).as("the stamp is drawn on the page").isNotEqualTo(clean.bytes());

    assertThat(events(owner.token(), made.get("id").asLong()))
        .anySatisfy(
            event -> {
              assertThat(event.get("kind").asString()).isEqualTo("page_viewed");
              assertThat(event.get("stamp").asString()).startsWith("press");
            });
  }

  @Test
  void anEncryptedDocumentIsNotGivenOutUnstampedNorCounted() throws IOException {
    var owner = TestUsers.verified(api, jdbc);
    var file = uploaded(api, owner.token(), "locked.pdf", "private", encrypted("locked"));
    var made = link(api, owner.token(), file, Map.of("label", "auditor", "watermark", true));
    var token = tokenOf(made);

    var refused = LinkCalls.download(api, token);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("encrypted");
    assertThat(refused.text()).doesNotContain("%PDF");
    assertThat(LinkCalls.downloads(api, owner.token(), made.get("id").asLong())).isZero();
  }

  /** A document anyone may open, encrypted so that only its owner's password may change it. */
  private static byte[] encrypted(String text) throws IOException {
    try (var document = Loader.loadPDF(TestPdfs.pdf(text));
        var out = new ByteArrayOutputStream()) {
      var policy = new StandardProtectionPolicy("owner secret", "", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    }
  }

  private List<JsonNode> events(String ownerToken, long linkId) {
    var answer = api.get("/api/links/" + linkId + "/log/").token(ownerToken).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return List.copyOf(answer.json().get("results").values());
  }

  private static List<String> pagesText(byte[] pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf)) {
      var stripper = new PDFTextStripper();
      var texts = new ArrayList<String>();
      for (var page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        texts.add(stripper.getText(document));
      }
      return texts;
    }
  }
}
