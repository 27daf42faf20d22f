package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.ask;
import static dev.fileshare.requests.RequestCalls.create;
import static dev.fileshare.requests.RequestCalls.from;
import static dev.fileshare.requests.RequestCalls.mailedCode;
import static dev.fileshare.requests.RequestCalls.patch;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.verify;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * File requests that only named people may send files to: the uploader proves their address with a
 * mailed code in their visit, and the address is recorded with each file they send.
 */
class RequestRecipientIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;

  TestUsers.User owner;

  @BeforeEach
  void owner() {
    owner = TestUsers.verified(api, jdbc);
  }

  static String newAddress(String domain) {
    return SignUp.newName("uploader") + "@" + domain;
  }

  /** A code that is not the right one. */
  static String other(String code) {
    return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
  }

  JsonNode restricted(List<String> recipients) {
    return request(api, owner.token(), Map.of("title", "Contracts", "recipients", recipients));
  }

  @Test
  void recipientsAreCheckedAndNormalisedAsForLinks() {
    var json = restricted(List.of("Alice@Example.ORG", " *@Partner.Example ", "alice@example.org"));
    assertThat(json.get("recipients").values())
        .extracting(JsonNode::asString)
        .containsExactly("alice@example.org", "*@partner.example");

    var malformed = create(api, owner.token(), Map.of("title", "x", "recipients", List.of("bob@")));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("recipients").get(0).asString())
        .contains("Not an email address or a domain", "bob@");
    var notAList = create(api, owner.token(), Map.of("title", "x", "recipients", "x@y.org"));
    assertThat(notAList.status()).isEqualTo(400);
    assertThat(notAList.json().has("recipients")).isTrue();

    var id = json.get("id").asLong();
    var changed = patch(api, owner.token(), id, Map.of("recipients", List.of("bob@example.org")));
    assertThat(changed.json().get("recipients").get(0).asString()).isEqualTo("bob@example.org");
    var token = tokenOf(json);
    assertThat(api.get("/api/r/" + token + "/").send().json().get("restricted").asBoolean())
        .isTrue();
    var anyone = new HashMap<String, Object>();
    anyone.put("recipients", null);
    assertThat(patch(api, owner.token(), id, anyone).json().get("recipients").values()).isEmpty();
    assertThat(api.get("/api/r/" + token + "/").send().json().get("restricted").asBoolean())
        .isFalse();
    var unneeded = ask(api, token, visit(api, token), newAddress("example.org"));
    assertThat(unneeded.status()).isEqualTo(400);
    assertThat(unneeded.json().has("address")).isTrue();
  }

  @Test
  void aRestrictedRequestTakesFilesOnlyInAVisitThatProvedAnAllowedAddress() {
    var json = restricted(List.of("*@partner.example"));
    var token = tokenOf(json);
    var address = newAddress("partner.example");

    var closed = api.get("/api/r/" + token + "/").send().json();
    assertThat(closed.get("restricted").asBoolean()).isTrue();
    assertThat(closed.get("title").asString()).isEmpty();
    var visit = visit(api, token);
    var refused = send(api, token, visit, "a.pdf", TestPdfs.pdf("a"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asString()).isEqualTo("recipient_required");

    var asked = ask(api, token, visit, address.toUpperCase(Locale.ROOT));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
    assertThat(asked.json().get("code_valid_seconds").asLong()).isEqualTo(600);
    assertThat(Mailbox.text(Mailbox.await(address, 1))).contains("/r/" + token, "10 minutes");
    var proved = verify(api, token, visit, address, mailedCode(address, 1));
    assertThat(proved.status()).as(proved.toString()).isEqualTo(200);
    assertThat(proved.json().get("recipient").asString()).isEqualTo(address);
    assertThat(proved.json().get("unlocked").asBoolean()).isTrue();
    assertThat(proved.json().get("title").asString()).isEqualTo("Contracts");

    var sent =
        send(api, token, visit, "a.pdf", TestPdfs.pdf("a"), from("Ann", "other@example.org"));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    var uploads = api.get("/api/requests/" + json.get("id").asLong() + "/uploads/");
    var receipt = uploads.token(owner.token()).send().json().get(0);
    assertThat(receipt.get("uploader_email").asString()).isEqualTo(address);
    assertThat(receipt.get("uploader_name").asString()).isEqualTo("Ann");

    var otherVisit = visit(api, token);
    assertThat(send(api, token, otherVisit, "b.pdf", TestPdfs.pdf("b")).status()).isEqualTo(403);

    patch(api, owner.token(), json.get("id").asLong(), Map.of("recipients", List.of("x@y.org")));
    var noLonger = send(api, token, visit, "c.pdf", TestPdfs.pdf("c"));
    assertThat(noLonger.status()).isEqualTo(403);
    assertThat(noLonger.json().get("error").asString()).isEqualTo("recipient_required");
  }

  @Test
  void allowedAndNotAllowedAddressesGetTheSameAnswersAndOnlyTheAllowedOneGetsMail() {
    var token = tokenOf(restricted(List.of("*@partner.example")));
    var allowed = newAddress("partner.example");
    var stranger = newAddress("elsewhere.example");
    var visit = visit(api, token);

    // the stranger asks first: once the allowed address has its mail, the stranger would have
    // theirs
    var askedStranger = ask(api, token, visit, stranger);
    var askedAllowed = ask(api, token, visit, allowed);
    assertThat(askedStranger.status()).isEqualTo(askedAllowed.status()).isEqualTo(202);
    assertThat(askedStranger.text()).isEqualTo(askedAllowed.text());
    var code = mailedCode(allowed, 1);
    assertThat(Mailbox.all(stranger)).isEmpty();

    var wrongStranger = verify(api, token, visit, stranger, other(code));
    var wrongAllowed = verify(api, token, visit, allowed, other(code));
    assertThat(wrongStranger.status()).isEqualTo(wrongAllowed.status()).isEqualTo(400);
    assertThat(wrongStranger.text()).isEqualTo(wrongAllowed.text());
    assertThat(wrongStranger.json().get("error").asString()).isEqualTo("code_wrong");
    assertThat(send(api, token, visit, "a.pdf", TestPdfs.pdf("a")).status()).isEqualTo(403);
  }

  @Test
  void codesThatCannotBeAcceptedSayWhy() {
    var token = tokenOf(restricted(List.of("*@partner.example")));
    var address = newAddress("partner.example");
    var visit = visit(api, token);

    var notAsked = verify(api, token, visit, address, "123456");
    assertThat(notAsked.json().get("error").asString()).isEqualTo("code_not_requested");
    var malformed = verify(api, token, visit, address, "12ab");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("error").asString()).isEqualTo("code_malformed");
    assertThat(ask(api, token, visit, "not an address").json().has("address")).isTrue();

    ask(api, token, visit, address);
    var code = mailedCode(address, 1);
    var wrong = verify(api, token, visit, address, other(code));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("error").asString()).isEqualTo("code_wrong");
    assertThat(wrong.json().get("tries_left").asInt()).isEqualTo(4);

    var elsewhere = tokenOf(restricted(List.of("*@partner.example")));
    var elsewhereVisit = visit(api, elsewhere);
    var forOther = verify(api, elsewhere, elsewhereVisit, address, code);
    assertThat(forOther.json().get("error").asString()).isEqualTo("code_for_another_link");

    assertThat(verify(api, token, visit, address, code).status()).isEqualTo(200);
    var again = verify(api, token, visit, address, code);
    assertThat(again.json().get("error").asString()).isEqualTo("code_used");

    ask(api, token, visit, address);
    var late = mailedCode(address, 2);
    clock.advance(Duration.ofMinutes(11));
    var expired = verify(api, token, visit(api, token), address, late);
    assertThat(expired.json().get("error").asString()).isEqualTo("code_expired");

    var noVisit = api.post("/api/r/" + token + "/code/").json(Map.of("address", address)).send();
    assertThat(noVisit.status()).isEqualTo(403);
    assertThat(noVisit.json().get("error").asString()).isEqualTo("visit_required");
  }
}
