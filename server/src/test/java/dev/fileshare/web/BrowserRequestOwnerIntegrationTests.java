package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import org.junit.jupiter.api.Test;

/**
 * The owner's side of file requests in a real (headless) Chromium: a request made in the Requests
 * screen, limited to named people, is listed with its limits and answers the API as it was set.
 */
class BrowserRequestOwnerIntegrationTests extends BrowserTest {

  @Test
  void theOwnerMakesARequestForNamedPeopleOnly() {
    var owner = SignUp.newName("owner");
    var client = new Api(port);
    var token = SignUp.verifiedUser(client, owner);

    browser.open("/");
    browser.signIn(owner, SignUp.PASSWORD);
    browser.press("Requests");
    browser.heading("Requests");
    browser.press("New request…");
    browser.type("Title", "Signed contracts");
    browser.type("Most files (empty: no limit)", "3");
    browser.type(
        "Only these people (addresses or *@domain; empty: anyone with the link)",
        "ann@example.org, *@Partner.example");
    browser.press("Create");
    browser.seeText("Signed contracts");
    browser.seeText("only ann@example.org, *@partner.example");
    browser.screenshot("requests");

    var requests = client.get("/api/requests/").token(token).send();
    assertThat(requests.status()).as(requests.toString()).isEqualTo(200);
    var made = requests.json().get(0);
    assertThat(made.get("title").asString()).isEqualTo("Signed contracts");
    assertThat(made.get("max_files").asInt()).isEqualTo(3);
    assertThat(made.get("recipients").toString())
        .isEqualTo("[\"ann@example.org\",\"*@partner.example\"]");
  }
}
