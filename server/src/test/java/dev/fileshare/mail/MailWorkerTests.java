package dev.fileshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

class MailWorkerTests {

  static final String BASE = "https://files.example.org";

  @Test
  void anErrorIsOneShortLineWithItsCause() {
    var error =
        MailWorker.describe(
            new MailParseException(new AddressException("Illegal address", "a@@b")), BASE);

    assertThat(error).startsWith("Could not parse mail").contains("Illegal address");
  }

  @Test
  void anErrorNeverCarriesALinkOrItsToken() {
    var e =
        new MailSendException(
            "Rejected:\n" + BASE + "/reset-password/secret-token was refused",
            new ConnectException("x".repeat(500)));

    var error = MailWorker.describe(e, BASE);

    assertThat(error).doesNotContain("secret-token").doesNotContain("\n").contains("[link]");
    assertThat(error).hasSizeLessThanOrEqualTo(200);
  }
}
