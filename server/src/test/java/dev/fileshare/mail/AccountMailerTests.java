package dev.fileshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.accounts.Account;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.shared.UserId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccountMailerTests {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final String TOKEN = "tok_8Jq3xLw0PzR5vY2nK7dF1sA4hG6bC9mE";

  final AccountMailer mails =
      new AccountMailer(
          new FileShareSettings(Path.of("."), URI.create("https://files.example.org/")),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void verificationMailLinksToThePublicUrlAndSaysWhenTheLinkExpires() {
    var mail =
        mails.verification(
            new Account.VerificationRequested(
                new UserId(1), "alice", "alice@example.org", TOKEN, NOW.plus(Duration.ofDays(1))));

    assertThat(mail.recipient()).isEqualTo("alice@example.org");
    assertThat(mail.subject()).isEqualTo("Confirm your email address for fileshare");
    assertThat(mail.body())
        .startsWith("Hello alice,")
        .contains("\nhttps://files.example.org/verify-email/" + TOKEN + "\n")
        .contains("24 hours, until 2 June 2025 at 12:00 UTC");
    assertThat(occurrences(mail.body(), TOKEN)).isEqualTo(1);
  }

  @Test
  void resetMailSaysHowManyMinutesTheLinkWorksAndThatItCanBeIgnored() {
    var mail =
        mails.passwordReset(
            new Account.PasswordResetRequested(
                new UserId(1), "bob", "bob@example.org", TOKEN, NOW.plus(Duration.ofMinutes(30))));

    assertThat(mail.subject()).isEqualTo("Reset your fileshare password");
    assertThat(mail.body())
        .contains("\nhttps://files.example.org/reset-password/" + TOKEN + "\n")
        .contains("expires in 30 minutes")
        .contains("If you did not ask for this, you can ignore this mail");
    assertThat(occurrences(mail.body(), TOKEN)).isEqualTo(1);
  }

  @Test
  void aUsernameCannotAddLinesToTheMail() {
    var mail =
        mails.passwordReset(
            new Account.PasswordResetRequested(
                new UserId(1), "eve\r\n\r\nClick", "eve@example.org", TOKEN, NOW.plusSeconds(60)));

    assertThat(mail.body()).startsWith("Hello eveClick,\n\n");
  }

  @Test
  void durationsReadWell() {
    assertThat(AccountMailer.inWords(Duration.ofSeconds(20))).isEqualTo("1 minute");
    assertThat(AccountMailer.inWords(Duration.ofMinutes(45).minusMillis(30)))
        .isEqualTo("45 minutes");
    assertThat(AccountMailer.inWords(Duration.ofHours(3))).isEqualTo("3 hours");
    assertThat(AccountMailer.inWords(Duration.ofDays(1))).isEqualTo("24 hours");
    assertThat(AccountMailer.inWords(Duration.ofDays(7))).isEqualTo("7 days");
  }

  static int occurrences(String text, String part) {
    var count = 0;
    for (var i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
