package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The registration page of a server that registers by invitation only: it says so to someone
 * without an invitation, and the link of an invitation mail opens it with the address filled in.
 * The same settings as InvitationIntegrationTests, so the two share one application context.
 */
@TestPropertySource(
    properties = {
      "fileshare.registration.policy=invite",
      "fileshare.registration.users-may-invite=true",
      "fileshare.registration.approval=true"
    })
class BrowserInvitationIntegrationTests extends BrowserTest {

  @Autowired AccountAdministration administration;

  @Test
  void anInvitationLinkOpensTheRegistrationWithTheAddressFixed() {
    browser.open("/#/signup");
    browser.heading("Create your account");
    browser.seeText("This server registers people by invitation only");
    assertThat(browser.driver.findElement(By.cssSelector("main form")).isDisplayed()).isFalse();

    var root = SignUp.newName("browserroot");
    administration.createAdmin(root, SignUp.email(root), SignUp.PASSWORD);
    var admin = SignUp.login(api, root, SignUp.PASSWORD);
    var name = SignUp.newName("invitee");
    var email = SignUp.email(name);
    var sent = api.post("/api/admin/invitations/").token(admin).json(Map.of("email", email)).send();
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    var token = Mailbox.token(Mailbox.await(email, 1), "/#/signup?invitation=");

    browser.open(
        "/#/signup?invitation="
            + token
            + "&email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8));
    browser.heading("Create your account");
    browser.seeText("You were invited.");
    var address = browser.field("Email address");
    assertThat(address.getDomProperty("value")).isEqualTo(email);
    assertThat(address.getDomAttribute("readonly")).isNotNull();
    browser.type("Username", name);
    browser.type("Password", SignUp.PASSWORD);
    browser.press("Create account");
    browser.heading("Sign in");
    browser.seeText("Your account is ready");
    browser.signIn(name, SignUp.PASSWORD);
  }
}
