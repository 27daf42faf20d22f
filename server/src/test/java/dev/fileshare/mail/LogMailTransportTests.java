package dev.fileshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@ExtendWith(OutputCaptureExtension.class)
class LogMailTransportTests {

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(MailConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC)
          .withBean(
              MailSettings.class,
              () ->
                  new MailSettings(
                      "fileshare <no-reply@localhost>",
                      Duration.ofSeconds(2),
                      Duration.ofSeconds(5),
                      Duration.ofMinutes(10),
                      50,
                      Duration.ofMinutes(2)));

  @Test
  void withoutAMailServerEachMailIsWrittenToTheLog(CapturedOutput output) {
    context.run(
        app -> {
          var transport = app.getBean(MailTransport.class);
          assertThat(transport).isInstanceOf(LogMailTransport.class);

          transport.send(
              new MailMessage(
                  "carol@example.org",
                  "Confirm your email address for fileshare",
                  "Hello carol,\n\nhttps://files.example.org/verify-email/abc123\n"));

          assertThat(output.getOut())
              .contains("No mail server is configured")
              .contains("To: carol@example.org")
              .contains("Subject: Confirm your email address for fileshare")
              .contains("https://files.example.org/verify-email/abc123");
        });
  }

  @Test
  void withAMailServerMailIsSentThroughIt() {
    context
        .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
        .run(
            app ->
                assertThat(app.getBean(MailTransport.class)).isInstanceOf(SmtpMailTransport.class));
  }
}
