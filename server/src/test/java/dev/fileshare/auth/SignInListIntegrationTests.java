package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user sees where they are signed in (which browser, from which address, when) and ends a sign-in
 * they do not know; a sign-in from a browser and network they had not signed in from is mailed to
 * them.
 */
class SignInListIntegrationTests extends ApiTest {

  static final String FIREFOX =
      "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
  static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
          + " Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
  static final String WINDOWS_EDGE =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
  static final String NEW_PLACE = "A sign-in to your fileshare account from a new place";

  @Test
  void theSignInsAreListedNewestFirstWithWhereTheyCameFrom() {
    var name = SignUp.newName("places");
    SignUp.verifiedUser(api, name);
    var laptop = login(api, name, FIREFOX);
    var phone = login(api, name, IPHONE);

    var listed = list(laptop, "");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    var rows = rows(listed.json());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("browser").asString()).isEqualTo("Safari on iOS");
    assertThat(rows.get(0).get("user_agent").asString()).isEqualTo(IPHONE);
    assertThat(rows.get(0).get("current").asBoolean()).isFalse();
    assertThat(rows.get(1).get("browser").asString()).isEqualTo("Firefox on Linux");
    assertThat(rows.get(1).get("current").asBoolean()).isTrue();
    assertThat(rows.get(1).get("address").asString()).isEqualTo("127.0.0.1");
    assertThat(rows.get(2).get("browser").asString()).isEqualTo("Java-http-client");
    assertThat(rows.get(0).get("id").asLong()).isGreaterThan(rows.get(1).get("id").asLong());
    for (var member : List.of("signed_in", "last_used", "expires")) {
      assertThat(rows.get(0).get(member).asString()).as(member).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
    assertThat(rows(list(phone, "").json()).get(0).get("current").asBoolean()).isTrue();
  }

  @Test
  void aSignInEndedFromAnotherStopsWorking() {
    var name = SignUp.newName("places");
    SignUp.verifiedUser(api, name);
    var laptop = login(api, name, FIREFOX);
    var phone = login(api, name, IPHONE);
    var phoneId = rows(list(phone, "").json()).get(0).get("id").asLong();

    var ended = api.call("DELETE", "/api/user/sign-ins/" + phoneId + "/").token(laptop).send();
    assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
    assertThat(api.get("/api/files/").token(phone).send().status()).isEqualTo(401);
    assertThat(api.get("/api/files/").token(laptop).send().status()).isEqualTo(200);
    assertThat(rows(list(laptop, "").json()))
        .extracting(row -> row.get("id").asLong())
        .doesNotContain(phoneId)
        .hasSize(2);

    var again = api.call("DELETE", "/api/user/sign-ins/" + phoneId + "/").token(laptop).send();
    assertThat(again.status()).isEqualTo(404);
    var someoneElse = SignUp.verifiedUser(api, SignUp.newName("places"));
    var otherId = rows(list(someoneElse, "").json()).get(0).get("id").asLong();
    var notTheirs = api.call("DELETE", "/api/user/sign-ins/" + otherId + "/").token(laptop).send();
    assertThat(notTheirs.status()).as("another user's sign-in is not found").isEqualTo(404);
    assertThat(api.get("/api/files/").token(someoneElse).send().status()).isEqualTo(200);
    var nonsense = api.call("DELETE", "/api/user/sign-ins/abc/").token(laptop).send();
    assertThat(nonsense.status()).isEqualTo(404);
  }

  @Test
  void signInsComeAPageAtATimeAndEndedOnesAreNotListed() {
    var name = SignUp.newName("places");
    SignUp.verifiedUser(api, name);
    login(api, name, FIREFOX);
    clock.advance(Duration.ofDays(31));
    var tokens = new ArrayList<String>();
    for (var i = 0; i < 3; i++) {
      tokens.add(login(api, name, IPHONE));
    }
    var first = list(tokens.get(0), "?limit=2");
    assertThat(rows(first.json())).hasSize(2);
    var next = first.header("Link");
    assertThat(next).startsWith("<" + TestEnvironment.PUBLIC_URL + "/api/user/sign-ins/?before=");
    var query = next.substring(next.indexOf("?"), next.indexOf(">"));
    var second = rows(list(tokens.get(0), query).json());
    assertThat(second)
        .as("the two sign-ins idle for 31 days are gone; the third is on this page")
        .hasSize(1);
    assertThat(second.get(0).get("current").asBoolean()).isTrue();
    assertThat(list(tokens.get(0), "?limit=0").status()).isEqualTo(400);
  }

  @Test
  void anApiKeyCannotSeeOrEndSignIns() {
    var token = SignUp.verifiedUser(api, SignUp.newName("places"));
    var key =
        api.post("/api/keys/")
            .token(token)
            .json(Map.of("name", "script", "scopes", List.of("account")))
            .send()
            .json()
            .get("key")
            .asString();
    assertThat(list(key, "").status()).isEqualTo(403);
    var id = rows(list(token, "").json()).get(0).get("id").asLong();
    assertThat(api.call("DELETE", "/api/user/sign-ins/" + id + "/").token(key).send().status())
        .isEqualTo(403);
    assertThat(api.get("/api/files/").token(token).send().status()).isEqualTo(200);
  }

  @Test
  void aSignInFromANewPlaceIsMailedButNotTheFirstNorAKnownOne() {
    var name = SignUp.newName("places");
    SignUp.register(api, name);
    SignUp.verify(api, name);
    login(api, name, FIREFOX);
    login(api, name, FIREFOX);
    login(api, name, WINDOWS_EDGE);
    var text = Mailbox.text(Mailbox.await(SignUp.email(name), NEW_PLACE, 1));
    assertThat(text)
        .contains("Hello " + name + ",")
        .contains("client:   Edge on Windows")
        .contains("address:  127.0.0.1")
        .contains(TestEnvironment.PUBLIC_URL + "/#/account");

    // a place is remembered after its sign-ins end
    var edge = login(api, name, WINDOWS_EDGE);
    api.post("/api/user/logout-all/").token(edge).send();
    login(api, name, FIREFOX);
    login(api, name, IPHONE);
    assertThat(Mailbox.text(Mailbox.await(SignUp.email(name), NEW_PLACE, 2)))
        .contains("client:   Safari on iOS");
    assertThat(Mailbox.about(SignUp.email(name), NEW_PLACE))
        .as("the first sign-in of all and those from known places are not mailed")
        .hasSize(2);
  }

  static String login(Api api, String name, String userAgent) {
    var answer =
        api.post("/api/user/login/")
            .header("User-Agent", userAgent)
            .json(Map.of("username", name, "password", SignUp.PASSWORD))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("token").asString();
  }

  private Api.Answer list(String token, String query) {
    return api.get("/api/user/sign-ins/" + query).token(token).send();
  }

  private static List<JsonNode> rows(JsonNode array) {
    var rows = new ArrayList<JsonNode>();
    array.forEach(rows::add);
    return rows;
  }
}
