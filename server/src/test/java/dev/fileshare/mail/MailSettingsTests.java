package dev.fileshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTests {

  final MailSettings settings =
      new MailSettings(
          "fileshare <no-reply@localhost>",
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofMinutes(10),
          50,
          Duration.ofMinutes(2));

  @Test
  void theWaitDoublesAfterEveryFailureUpToTheMaximum() {
    assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.retryDelay(5)).isEqualTo(Duration.ofSeconds(80));
    assertThat(settings.retryDelay(8)).isEqualTo(Duration.ofSeconds(600));
    assertThat(settings.retryDelay(49)).isEqualTo(Duration.ofMinutes(10));
  }
}
