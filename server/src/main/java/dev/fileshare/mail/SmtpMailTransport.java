package dev.fileshare.mail;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends through the mail server configured with {@code spring.mail.*}. */
class SmtpMailTransport implements MailTransport {

  private final JavaMailSender sender;
  private final String from;
  private final Clock clock;

  SmtpMailTransport(JavaMailSender sender, String from, Clock clock) {
    this.sender = sender;
    this.from = from;
    this.clock = clock;
  }

  @Override
  public void send(MailMessage mail) {
    sender.send(
        message -> {
          var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
          helper.setFrom(from);
          helper.setTo(new InternetAddress(mail.recipient(), true));
          helper.setSubject(mail.subject());
          helper.setText(mail.body(), false);
          helper.setSentDate(Date.from(clock.instant()));
          // Tells vacation responders and the like not to answer.
          message.setHeader("Auto-Submitted", "auto-generated");
        });
  }
}
