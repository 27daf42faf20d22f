package dev.fileshare.sharing;

import static dev.fileshare.sharing.CodeCalls.ask;
import static dev.fileshare.sharing.CodeCalls.mailedCode;
import static dev.fileshare.sharing.CodeCalls.newAddress;
import static dev.fileshare.sharing.CodeCalls.other;
import static dev.fileshare.sharing.CodeCalls.proved;
import static dev.fileshare.sharing.CodeCalls.verify;
import static dev.fileshare.sharing.LinkCalls.create;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Links that only named people may open: the owner names addresses and domains, a visitor proves
 * theirs with a mailed code, and the download is logged with the address. The limits per client
 * address are raised here (every test calls from 127.0.0.1); they have a test of their own.
 */
@TestPropertySource(
    properties = {
      "fileshare.sharing.codes.per-client=100000/1h",
      "fileshare.sharing.codes.per-scope=100000/1h",
      "fileshare.sharing.codes.failures-per-client=100000/15m"
    })
class LinkRecipientIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  TestUsers.User owner;
  long file;

  @BeforeEach
  void ownerWithAFile() {
    owner = TestUsers.verified(api, jdbc);
    file = upload(api, owner.token(), "contract.pdf", "private");
  }

  @Test
  void theOwnerNamesAddressesAndDomainsWhichAreCheckedAndNormalised() {
    var json =
        link(
            api,
            owner.token(),
            file,
            Map.of(
                "recipients",
                List.of("Alice@Example.ORG", " *@Partner.Example ", "alice@example.org")));
    assertThat(json.get("recipients").values())
        .extracting(JsonNode::asString)
        .containsExactly("alice@example.org", "*@partner.example");
    var id = json.get("id").asLong();

    var malformed =
        create(api, owner.token(), file, Map.of("recipients", List.of("bob@", "x@y.org")));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("recipients").get(0).asString())
        .contains("Not an email address or a domain", "bob@");
    assertThat(create(api, owner.token(), file, Map.of("recipients", "x@y.org")).status())
        .isEqualTo(400);
    assertThat(create(api, owner.token(), file, Map.of("recipients", List.of("*@nodot"))).status())
        .isEqualTo(400);

    var changed = patch(id, Map.of("recipients", List.of("bob@example.org")));
    assertThat(changed.json().get("recipients").get(0).asString()).isEqualTo("bob@example.org");
    assertThat(api.get("/api/s/" + tokenOf(json) + "/").send().json().get("restricted").asBoolean())
        .isTrue();
    var body = new HashMap<String, Object>();
    body.put("recipients", null);
    assertThat(patch(id, body).json().get("recipients").values()).isEmpty();
    assertThat(api.get("/api/s/" + tokenOf(json) + "/").send().json().get("restricted").asBoolean())
        .isFalse();
  }

  @Test
  void aNamedRecipientProvesTheAddressDownloadsAndIsInTheAccessLog() {
    var json = link(api, owner.token(), file, Map.of("recipients", List.of("*@partner.example")));
    var token = tokenOf(json);
    var address = newAddress("partner.example");

    var closed = api.get("/api/s/" + token + "/").send().json();
    assertThat(closed.get("restricted").asBoolean()).isTrue();
    assertThat(closed.get("unlocked").asBoolean()).isFalse();
    assertThat(closed.get("name").isNull()).isTrue();
    var refused = api.get("/api/s/" + token + "/download/").send();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asString()).isEqualTo("recipient_required");

    // typed in capitals: the same address
    var asked = ask(api, token, address.toUpperCase(Locale.ROOT));
    assertThat(asked.status()).isEqualTo(202);
    var mail = Mailbox.await(address, 1);
    assertThat(Mailbox.text(mail)).contains("/s/" + token, "10 minutes");
    var answer = verify(api, token, address, mailedCode(address, 1));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("recipient").asString()).isEqualTo(address);
    var access = answer.json().get("access").asString();

    var open = api.get("/api/s/" + token + "/").header("Link-Access", access).send().json();
    assertThat(open.get("unlocked").asBoolean()).isTrue();
    assertThat(open.get("name").asString()).isEqualTo("contract.pdf");
    assertThat(open.get("recipient").asString()).isEqualTo(address);
    var download = api.get("/api/s/" + token + "/download/").header("Link-Access", access).send();
    assertThat(download.status()).isEqualTo(200);

    var log =
        api.get("/api/links/" + json.get("id").asLong() + "/log/")
            .token(owner.token())
            .send()
            .json()
            .get("results");
    var kinds = new ArrayList<String>();
    log.values().forEach(e -> kinds.add(e.get("kind").asString() + " " + e.get("recipient")));
    assertThat(kinds)
        .contains(
            "download_completed \"" + address + "\"",
            "download_started \"" + address + "\"",
            "recipient_verified \"" + address + "\"");
  }

  @Test
  void allowedAndNotAllowedAddressesGetTheSameAnswersAndOnlyOneGetsMail() {
    var token =
        tokenOf(link(api, owner.token(), file, Map.of("recipients", List.of("*@allowed.example"))));
    var stranger = newAddress("elsewhere.example");
    var allowed = newAddress("allowed.example");

    var toStranger = ask(api, token, stranger);
    var toAllowed = ask(api, token, allowed);
    assertThat(toStranger.status()).isEqualTo(toAllowed.status()).isEqualTo(202);
    assertThat(toStranger.text()).isEqualTo(toAllowed.text());
    assertThat(toStranger.header("Content-Type")).isEqualTo(toAllowed.header("Content-Type"));
    var code = mailedCode(allowed, 1);
    assertThat(Mailbox.all(stranger)).isEmpty();

    // a wrong code answers alike too, and so does the page
    var wrongForStranger = verify(api, token, stranger, other(code));
    var wrongForAllowed = verify(api, token, allowed, other(code));
    assertThat(wrongForStranger.status()).isEqualTo(wrongForAllowed.status()).isEqualTo(400);
    assertThat(wrongForStranger.text()).isEqualTo(wrongForAllowed.text());
    assertThat(wrongForStranger.json().get("tries_left").asInt()).isEqualTo(4);
    var pageForStranger =
        api.post("/s/" + token + "/code").form(Map.of("address", "x" + stranger)).send();
    var pageForAllowed =
        api.post("/s/" + token + "/code").form(Map.of("address", "x" + allowed)).send();
    assertThat(pageForStranger.status()).isEqualTo(pageForAllowed.status()).isEqualTo(200);
    assertThat(pageForStranger.text().replace("x" + stranger, "ADDRESS"))
        .isEqualTo(pageForAllowed.text().replace("x" + allowed, "ADDRESS"));

    // and they take comparable time: the same work is done, only the mail differs
    var strangerTimes = new ArrayList<Long>();
    var allowedTimes = new ArrayList<Long>();
    for (var i = 0; i < 7; i++) {
      strangerTimes.add(timed(token, newAddress("elsewhere.example")));
      allowedTimes.add(timed(token, newAddress("allowed.example")));
    }
    var strangerMedian = median(strangerTimes);
    var allowedMedian = median(allowedTimes);
    assertThat(Math.abs(strangerMedian - allowedMedian))
        .as("medians %d ms and %d ms", strangerMedian / 1_000_000, allowedMedian / 1_000_000)
        .isLessThan(Math.max(strangerMedian, allowedMedian) / 2);
  }

  @Test
  void wrongExpiredUsedAndExhaustedCodesEachSaySo() {
    var token =
        tokenOf(link(api, owner.token(), file, Map.of("recipients", List.of("*@firm.example"))));
    var address = newAddress("firm.example");
    ask(api, token, address);
    var code = mailedCode(address, 1);

    var wrong = verify(api, token, address, other(code));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("error").asString()).isEqualTo("code_wrong");
    assertThat(wrong.json().get("tries_left").asInt()).isEqualTo(4);
    assertThat(wrong.json().get("code").get(0).asString()).contains("4 tries left");
    assertThat(verify(api, token, address, code).status()).isEqualTo(200);
    var again = verify(api, token, address, code);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("error").asString()).isEqualTo("code_used");

    var tired = newAddress("firm.example");
    ask(api, token, tired);
    var tiredCode = mailedCode(tired, 1);
    for (var left = 4; left >= 0; left--) {
      var answer = verify(api, token, tired, other(tiredCode));
      assertThat(answer.json().get("tries_left").asInt()).isEqualTo(left);
    }
    var exhausted = verify(api, token, tired, tiredCode);
    assertThat(exhausted.status()).isEqualTo(400);
    assertThat(exhausted.json().get("error").asString()).isEqualTo("code_no_tries_left");

    var late = newAddress("firm.example");
    ask(api, token, late);
    var lateCode = mailedCode(late, 1);
    clock.advance(Duration.ofMinutes(11));
    var expired = verify(api, token, late, lateCode);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().get("error").asString()).isEqualTo("code_expired");
    assertThat(expired.text()).contains("ask for a new code");
  }

  @Test
  void aCodeForAnotherLinkAndMalformedInputAreRefusedClearly() {
    var recipients = Map.of("recipients", List.of("*@firm.example"));
    var first = tokenOf(link(api, owner.token(), file, recipients));
    var second = tokenOf(link(api, owner.token(), file, recipients));
    var address = newAddress("firm.example");
    ask(api, first, address);
    var code = mailedCode(address, 1);

    var elsewhere = verify(api, second, address, code);
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(elsewhere.json().get("error").asString()).isEqualTo("code_for_another_link");
    var notAsked = verify(api, second, address, other(code));
    assertThat(notAsked.json().get("error").asString()).isEqualTo("code_not_requested");

    var badAddress = ask(api, first, "not an address");
    assertThat(badAddress.status()).isEqualTo(400);
    assertThat(badAddress.json().get("address").get(0).asString()).contains("email address");
    var badCode = verify(api, first, address, "12ab56");
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.json().get("error").asString()).isEqualTo("code_malformed");
    assertThat(api.post("/api/s/" + first + "/code/").json("[1]").send().status()).isEqualTo(400);
    // the code still works: malformed input took no try
    assertThat(verify(api, first, address, code).status()).isEqualTo(200);

    var open = tokenOf(link(api, owner.token(), file, Map.of()));
    var needless = ask(api, open, address);
    assertThat(needless.status()).isEqualTo(400);
    assertThat(needless.json().get("address").get(0).asString()).contains("no code is needed");
  }

  @Test
  void aRestrictedLinkWithAPasswordAndALimitNeedsBothAndCountsOnce() {
    var json =
        link(
            api,
            owner.token(),
            file,
            Map.of(
                "recipients",
                List.of("*@firm.example"),
                "password",
                "open sesame",
                "max_downloads",
                1));
    var token = tokenOf(json);
    var access = proved(api, token, newAddress("firm.example"));

    var halfway = api.get("/api/s/" + token + "/").header("Link-Access", access).send().json();
    assertThat(halfway.get("unlocked").asBoolean()).isFalse();
    assertThat(halfway.get("recipient").isNull()).isFalse();
    var noPassword = api.get("/api/s/" + token + "/download/").header("Link-Access", access).send();
    assertThat(noPassword.json().get("error").asString()).isEqualTo("password_required");

    // the password alone is not enough
    var passwordOnly = LinkCalls.access(api, token, "open sesame");
    var refused =
        api.get("/api/s/" + token + "/download/").header("Link-Access", passwordOnly).send();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asString()).isEqualTo("recipient_required");

    var unlocked =
        api.post("/api/s/" + token + "/unlock/")
            .header("Link-Access", access)
            .json(Map.of("password", "open sesame"))
            .send();
    assertThat(unlocked.json().get("access").asString()).isEqualTo(access);
    var download = api.get("/api/s/" + token + "/download/").header("Link-Access", access).send();
    assertThat(download.status()).isEqualTo(200);

    // the limit is reached: another recipient is told so before any code is mailed
    var usedUp = ask(api, token, newAddress("firm.example"));
    assertThat(usedUp.status()).isEqualTo(410);
    assertThat(usedUp.json().get("reason").asString()).isEqualTo("download_limit_reached");
  }

  @Test
  void thePageAsksTheAddressThenTheCodeAndRemovingTheRecipientEndsTheAccess() {
    var json = link(api, owner.token(), file, Map.of("recipients", List.of("*@firm.example")));
    var token = tokenOf(json);
    var address = newAddress("firm.example");

    var page = api.get("/s/" + token).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Who are you?").doesNotContain("contract.pdf");
    var asked = api.post("/s/" + token + "/code").form(Map.of("address", address)).send();
    assertThat(asked.text()).contains("Enter the code", "a code is on its way");
    var code = mailedCode(address, 1);
    var wrong =
        api.post("/s/" + token + "/verify")
            .form(Map.of("address", address, "code", other(code)))
            .send();
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.text()).contains("4 tries left");
    var right =
        api.post("/s/" + token + "/verify").form(Map.of("address", address, "code", code)).send();
    assertThat(right.status()).isEqualTo(303);
    var cookie = right.header("Set-Cookie");
    assertThat(cookie).startsWith("link_access=").contains("HttpOnly", "Path=/s/" + token);
    var cookieValue = cookie.substring(0, cookie.indexOf(';'));
    var open = api.get("/s/" + token).header("Cookie", cookieValue).send();
    assertThat(open.text()).contains("contract.pdf", "Download");
    assertThat(api.get("/s/" + token + "/download").header("Cookie", cookieValue).send().status())
        .isEqualTo(200);

    patch(json.get("id").asLong(), Map.of("recipients", List.of("someone@else.example")));
    assertThat(api.get("/s/" + token).header("Cookie", cookieValue).send().text())
        .contains("Who are you?");
  }

  private Api.Answer patch(long id, Map<String, ?> body) {
    var answer = api.call("PATCH", "/api/links/" + id + "/").token(owner.token()).json(body).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer;
  }

  private long timed(String token, String address) {
    var start = System.nanoTime();
    assertThat(ask(api, token, address).status()).isEqualTo(202);
    return System.nanoTime() - start;
  }

  private static long median(List<Long> times) {
    var sorted = times.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
