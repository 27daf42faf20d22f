package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.filesOf;
import static dev.fileshare.requests.RequestCalls.from;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Strangers send files through a request: what they see, what the owner gets, what is refused. */
class RequestUploadIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aStrangersFileBecomesTheOwnersPrivateFileMarkedWithWhoSentIt() {
    var owner = TestUsers.verified(api, jdbc);
    var json = request(api, owner.token(), Map.of("title", "Invoices"));
    var token = tokenOf(json);
    var opened = api.get("/api/r/" + token + "/").send();
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.json().get("title").asString()).isEqualTo("Invoices");
    assertThat(opened.json().get("owner").asString()).isEqualTo(owner.username());
    assertThat(opened.json().get("visiting").asBoolean()).isFalse();

    var visit = visit(api, token);
    var pdf = TestPdfs.pdf("invoice");
    var sent = send(api, token, visit, "invoice.pdf", pdf, from("Ann Example", "ann@example.org"));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    assertThat(sent.json().get("name").asString()).isEqualTo("invoice.pdf");
    assertThat(sent.json().get("size").asLong()).isEqualTo(pdf.length);

    var files = filesOf(api, owner.token(), json.get("id").asLong());
    assertThat(files).hasSize(1);
    var file = files.get(0);
    assertThat(file.get("visibility").asString()).isEqualTo("private");
    assertThat(file.get("owner").asString()).isEqualTo(owner.username());
    assertThat(file.get("request").asLong()).isEqualTo(json.get("id").asLong());
    var content = api.get("/api/download/" + file.get("id").asLong() + "/").token(owner.token());
    assertThat(content.send().bytes()).isEqualTo(pdf);

    var uploads = api.get("/api/requests/" + json.get("id").asLong() + "/uploads/");
    var receipt = uploads.token(owner.token()).send().json().get(0);
    assertThat(receipt.get("file").asLong()).isEqualTo(file.get("id").asLong());
    assertThat(receipt.get("uploader_name").asString()).isEqualTo("Ann Example");
    assertThat(receipt.get("uploader_email").asString()).isEqualTo("ann@example.org");
    assertThat(receipt.get("client_address").asString()).isEqualTo("127.0.0.1");
    assertThat(Instant.parse(receipt.get("received").asString()))
        .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
  }

  @Test
  void aNameAndAddressAreNeededOnlyWhenTheRequestAsksForThem() {
    var owner = TestUsers.verified(api, jdbc);
    var open = tokenOf(request(api, owner.token(), Map.of("title", "Anything")));
    var visit = visit(api, open);
    assertThat(send(api, open, visit, "anon.pdf", TestPdfs.pdf("anon")).status()).isEqualTo(201);

    var strict =
        tokenOf(
            request(
                api,
                owner.token(),
                Map.of("title", "Strict", "require_name", true, "require_email", true)));
    var strictVisit = visit(api, strict);
    var noName = send(api, strict, strictVisit, "a.pdf", TestPdfs.pdf("a"), from("", "b@x.org"));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().has("uploader_name")).isTrue();
    var noMail = send(api, strict, strictVisit, "a.pdf", TestPdfs.pdf("a"), from("Bo", ""));
    assertThat(noMail.status()).isEqualTo(400);
    assertThat(noMail.json().has("uploader_email")).isTrue();
    var badMail = send(api, strict, strictVisit, "a.pdf", TestPdfs.pdf("a"), from("Bo", "bo@"));
    assertThat(badMail.status()).isEqualTo(400);
    assertThat(badMail.json().get("detail").asString()).contains("not an email address");
    var both = send(api, strict, strictVisit, "a.pdf", TestPdfs.pdf("a"), from("Bo", "bo@x.org"));
    assertThat(both.status()).isEqualTo(201);
  }

  @Test
  void anUploaderSeesOnlyTheFilesOfTheirOwnVisit() {
    var owner = TestUsers.verified(api, jdbc);
    var own = TestPdfs.pdf("owners own");
    var ownFile = api.post("/api/files/?name=own.pdf").token(owner.token());
    assertThat(ownFile.body("application/pdf", own).send().status()).isEqualTo(201);
    var token = tokenOf(request(api, owner.token(), Map.of("title", "Shared drop")));
    var ann = visit(api, token);
    var bob = visit(api, token);
    send(api, token, ann, "ann.pdf", TestPdfs.pdf("ann"));
    send(api, token, bob, "bob.pdf", TestPdfs.pdf("bob"));

    var annSees = api.get("/api/r/" + token + "/files/").header("Request-Visit", ann).send();
    assertThat(annSees.json()).hasSize(1);
    assertThat(annSees.json().get(0).get("name").asString()).isEqualTo("ann.pdf");
    assertThat(annSees.text()).doesNotContain("own.pdf").doesNotContain("127.0.0.1");
    var bobsFile = api.get("/api/r/" + token + "/files/").header("Request-Visit", bob).send();
    var bobsId = bobsFile.json().get(0).get("id").asLong();
    var peek = api.get("/api/r/" + token + "/files/" + bobsId + "/").header("Request-Visit", ann);
    assertThat(peek.send().status()).isEqualTo(404);
    assertThat(api.get("/api/r/" + token + "/files/").send().status()).isEqualTo(403);
    assertThat(api.get("/api/download/" + bobsId + "/").send().status()).isEqualTo(401);
  }

  @Test
  void theRequestFilterListsOnlyThatRequestsFiles() {
    var owner = TestUsers.verified(api, jdbc);
    var first = request(api, owner.token(), Map.of("title", "One"));
    var second = request(api, owner.token(), Map.of("title", "Two"));
    send(api, tokenOf(first), visit(api, tokenOf(first)), "1.pdf", TestPdfs.pdf("1"));
    send(api, tokenOf(second), visit(api, tokenOf(second)), "2.pdf", TestPdfs.pdf("2"));
    var listed = filesOf(api, owner.token(), first.get("id").asLong());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("name").asString()).isEqualTo("1.pdf");
    var paged = api.get("/api/files/?request=" + second.get("id").asLong() + "&limit=10");
    assertThat(paged.token(owner.token()).send().json().get("count").asLong()).isEqualTo(1);
    var bad = api.get("/api/files/?request=x").token(owner.token()).send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().has("request")).isTrue();
  }

  @Test
  void limitsAreAnsweredWithWhatTheLimitIs() {
    var owner = TestUsers.verified(api, jdbc);
    var json =
        request(
            api, owner.token(), Map.of("title", "Small", "max_files", 1, "max_file_size", 4000));
    var token = tokenOf(json);
    var visit = visit(api, token);
    var big = send(api, token, visit, "big.pdf", TestPdfs.pdf("big", 40));
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.json().get("max_upload_size").asLong()).isEqualTo(4000);
    assertThat(big.json().get("detail").asString()).contains("4000 bytes");

    var text = send(api, token, visit, "notes.pdf", "plain text".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).isEqualTo(415);

    assertThat(send(api, token, visit, "ok.pdf", TestPdfs.pdf("ok")).status()).isEqualTo(201);
    var full = send(api, token, visit, "more.pdf", TestPdfs.pdf("more"));
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.json().get("max_files").asLong()).isEqualTo(1);
    assertThat(full.json().get("detail").asString()).contains("1 file");
    assertThat(filesOf(api, owner.token(), json.get("id").asLong())).hasSize(1);
  }

  @Test
  void anExpiredRequestTakesNothingMore() {
    var owner = TestUsers.verified(api, jdbc);
    var expires = Instant.now().plus(Duration.ofHours(1)).toString();
    var json = request(api, owner.token(), Map.of("title", "Until noon", "expires", expires));
    var token = tokenOf(json);
    var visit = visit(api, token);
    clock.advance(Duration.ofHours(2));
    var late = send(api, token, visit, "late.pdf", TestPdfs.pdf("late"));
    assertThat(late.status()).isEqualTo(410);
    assertThat(late.json().get("reason").asString()).isEqualTo("expired");
    assertThat(filesOf(api, owner.token(), json.get("id").asLong())).isEmpty();
  }

  @Test
  void aPasswordIsNeededBeforeAnythingIsShownOrTaken() {
    var owner = TestUsers.verified(api, jdbc);
    var json =
        request(api, owner.token(), Map.of("title", "Secret project", "password", "open sesame"));
    var token = tokenOf(json);
    var locked = api.get("/api/r/" + token + "/").send().json();
    assertThat(locked.get("has_password").asBoolean()).isTrue();
    assertThat(locked.get("title").asString()).isEmpty();

    var none = api.post("/api/r/" + token + "/visits/").json(Map.of()).send();
    assertThat(none.status()).isEqualTo(403);
    var wrong = api.post("/api/r/" + token + "/visits/").json(Map.of("password", "nope")).send();
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().has("password")).isTrue();
    var right =
        api.post("/api/r/" + token + "/visits/").json(Map.of("password", "open sesame")).send();
    assertThat(right.status()).isEqualTo(201);
    var visit = right.json().get("visit").asString();
    var shown = api.get("/api/r/" + token + "/").header("Request-Visit", visit).send().json();
    assertThat(shown.get("title").asString()).isEqualTo("Secret project");
    assertThat(send(api, token, visit, "s.pdf", TestPdfs.pdf("s")).status()).isEqualTo(201);

    RequestCalls.patch(api, owner.token(), json.get("id").asLong(), Map.of("password", "new one!"));
    assertThat(send(api, token, visit, "t.pdf", TestPdfs.pdf("t")).status()).isEqualTo(403);
  }

  @Test
  void withoutAVisitOrWithAnUnknownTokenNothingIsTaken() {
    var owner = TestUsers.verified(api, jdbc);
    var token = tokenOf(request(api, owner.token(), Map.of("title", "Visits")));
    var noVisit =
        api.post("/api/r/" + token + "/files/?name=a.pdf")
            .body("application/pdf", TestPdfs.pdf("a"));
    var answer = noVisit.send();
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("error").asString()).isEqualTo("visit_required");
    assertThat(send(api, token, "f".repeat(64), "a.pdf", TestPdfs.pdf("a")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/r/" + "0".repeat(40) + "/").send().status()).isEqualTo(404);
    assertThat(api.get("/api/r/short/").send().status()).isEqualTo(404);
  }
}
