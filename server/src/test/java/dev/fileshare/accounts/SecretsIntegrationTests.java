package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Secrets never rest anywhere readable: not in the database, not in the log. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  String dump() {
    var tables =
        jdbc.sql(
                "postgres".equals(dev.fileshare.support.TestPeers.database())
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table'")
            .query(String.class)
            .list();
    var all = new StringBuilder();
    for (var table : tables) {
      jdbc.sql("SELECT * FROM " + table).query().listOfRows().forEach(row -> all.append(row));
    }
    return all.toString();
  }

  @Test
  void noRawTokenOrPasswordIsStoredOrLogged(CapturedOutput output) {
    var name = SignUp.newName("victor");
    SignUp.register(api, name);
    var verification = Mailbox.token(Mailbox.await(SignUp.email(name), 1), "/verify-email/");
    SignUp.verify(api, name);
    var token = SignUp.login(api, name, SignUp.PASSWORD);
    api.post("/api/user/password-reset/").json(Map.of("email", SignUp.email(name))).send();
    var reset = Mailbox.token(Mailbox.await(SignUp.email(name), 2), "/reset-password/");
    api.get("/api/user/me/").token(token).send();
    api.get("/api/user/me/").token("f".repeat(40)).send();

    // A delivered mail's body is wiped right after the SMTP server took it: give it a moment.
    var dump = dump();
    for (int i = 0; i < 100 && dump.contains(reset); i++) {
      sleep();
      dump = dump();
    }
    assertThat(dump).contains(name);
    assertThat(dump)
        .doesNotContain(token)
        .doesNotContain(verification)
        .doesNotContain(reset)
        .doesNotContain(SignUp.PASSWORD);
    assertThat(dump).contains(dev.fileshare.shared.Secrets.hash(token));
    assertThat(output.getAll())
        .doesNotContain(token)
        .doesNotContain(SignUp.PASSWORD)
        .doesNotContain(verification)
        .doesNotContain(reset)
        .doesNotContain("Authorization");
  }

  static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void passwordsAreHashedWithArgon2id() {
    var name = SignUp.newName("wendy");
    SignUp.register(api, name);
    var hash =
        jdbc.sql("SELECT password_hash FROM users WHERE username = ?")
            .param(name)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
  }
}
