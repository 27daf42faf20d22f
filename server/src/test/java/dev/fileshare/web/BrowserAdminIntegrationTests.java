package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoFactorUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrators' screen in a real (headless) Chromium: only an administrator has the link;
 * they see the totals, find a user, disable and enable them, set a quota, turn two-factor sign-in
 * off for one who lost it, and read it all back in the audit log.
 */
class BrowserAdminIntegrationTests extends BrowserTest {

  @Autowired JdbcClient jdbc;

  @Test
  void anAdministratorFindsAUserDisablesThemAndSeesItInTheAuditLog() {
    var client = new Api(port);
    var ada = SignUp.newName("ada");
    SignUp.verifiedUser(client, ada);
    jdbc.sql("UPDATE users SET is_admin = ? WHERE username = ?").params(true, ada).update();
    var ben = SignUp.newName("ben");
    var benToken = SignUp.verifiedUser(client, ben);

    browser.open("/");
    browser.signIn(ada, SignUp.PASSWORD);
    browser.press("Admin");
    browser.heading("Administration");
    browser.seeText("Users");
    browser.type("Find users", ben);
    browser.await(
        driver ->
            driver.findElements(By.cssSelector(".admin-user")).size() == 1
                && driver.findElements(By.cssSelector("[data-user='" + ben + "']")).size() == 1);
    browser.press("Disable " + ben);
    browser.seeText(ben + " is disabled.");
    assertThat(client.get("/api/user/me/").token(benToken).send().status()).isEqualTo(401);
    browser.press("Enable " + ben);
    browser.seeText(ben + " is enabled.");

    var quota =
        browser.driver.findElement(
            By.cssSelector("[aria-label='Quota of " + ben + " in GB (empty: no limit)']"));
    quota.clear();
    quota.sendKeys("2");
    browser.press("Set the quota of " + ben);
    browser.seeText("The quota of " + ben + " is");
    browser.screenshot("admin");

    browser.driver.navigate().refresh(); // the audit log as it is now
    browser.heading("Administration");
    browser.seeText("account disabled by " + ada);
    browser.seeText("quota set by " + ada);
  }

  @Test
  void anAdministratorTurnsTwoFactorSignInOffForSomeoneWhoLostIt() {
    var cora = SignUp.newName("cora");
    SignUp.verifiedUser(api, cora);
    jdbc.sql("UPDATE users SET is_admin = ? WHERE username = ?").params(true, cora).update();
    var lost = TwoFactorUsers.enrolled(api, clock, "lost");

    browser.open("/");
    browser.signIn(cora, SignUp.PASSWORD);
    browser.press("Admin");
    browser.heading("Administration");
    browser.type("Find users", lost.name());
    browser.await(
        driver ->
            driver.findElements(By.cssSelector("[data-user='" + lost.name() + "']")).size() == 1);
    browser.seeText("active · two-factor sign-in");
    browser.press("Turn two-factor sign-in off for " + lost.name());
    browser.press("Turn it off");
    browser.seeText("Two-factor sign-in is off for " + lost.name() + ".");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("[data-user='" + lost.name() + "'] .admin-user-state"))
                .getText())
        .doesNotContain("two-factor");
    var login = SignUp.login(api, lost.name(), SignUp.PASSWORD);
    assertThat(login).as("signed in with the password alone").isNotBlank();
  }

  @Test
  void anAdministratorDeletesAUserAndGivesTheirFilesToAnother() {
    var client = new Api(port);
    var ada = SignUp.newName("ada");
    SignUp.verifiedUser(client, ada);
    jdbc.sql("UPDATE users SET is_admin = ? WHERE username = ?").params(true, ada).update();
    var leaver = SignUp.newName("leaver");
    var leaverToken = SignUp.verifiedUser(client, leaver);
    var heir = SignUp.newName("heir");
    var heirToken = SignUp.verifiedUser(client, heir);
    var form =
        new dev.fileshare.files.Multipart()
            .pdf("handover.pdf", dev.fileshare.files.TestPdfs.pdf(leaver));
    var upload =
        client.post("/api/files/").token(leaverToken).body(form.contentType(), form.bytes()).send();
    assertThat(upload.status()).isEqualTo(201);

    browser.open("/");
    browser.signIn(ada, SignUp.PASSWORD);
    browser.press("Admin");
    browser.heading("Administration");
    browser.type("Find users", leaver);
    browser.await(
        driver ->
            driver.findElements(By.cssSelector(".admin-user")).size() == 1
                && driver.findElements(By.cssSelector("[data-user='" + leaver + "']")).size() == 1);
    browser.press("Delete " + leaver);
    browser.seeText("Delete " + leaver + "?");
    browser.choose("Give the files, their shares and links to another user");
    browser.type("Username to give them to", heir);
    browser.screenshot("admin-delete");
    browser.press("Delete account");
    browser.seeText(leaver + " is deleted; 1 file went to " + heir + ".");
    assertThat(browser.all(By.cssSelector("[data-user='" + leaver + "']"))).isEmpty();

    assertThat(client.get("/api/user/me/").token(leaverToken).send().status()).isEqualTo(401);
    var files = client.get("/api/files/?owner=me").token(heirToken).send();
    assertThat(files.text()).contains("handover.pdf");
  }

  @Test
  void someoneWhoIsNotAnAdministratorHasNoLink() {
    var cleo = SignUp.newName("cleo");
    SignUp.verifiedUser(new Api(port), cleo);
    browser.open("/");
    browser.signIn(cleo, SignUp.PASSWORD);
    assertThat(browser.all(By.xpath("//a[normalize-space()='Admin']"))).isEmpty();
  }
}
