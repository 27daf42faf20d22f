package dev.fileshare.mail;

import dev.fileshare.sharing.RecipientCheck;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Writes the mail with a one-time code. The code is in the body only, never in the subject: the
 * outbox keeps a subject after sending, and wipes the body.
 */
@Component
class CodeMailer {

  MailMessage code(RecipientCheck.CodeRequested event) {
    var body =
        """
        Hello,

        Someone, hopefully you, asked for a code to %s.

        Your code: %s

        Enter it on the page where you asked for it: %s
        It is valid for %s and works once.

        If you did not ask for it, ignore this mail: without the code nobody gets in.

        fileshare
        """
            .formatted(
                MailText.oneLine(event.purpose()),
                event.code(),
                event.page(),
                words(event.validFor()));
    return new MailMessage(event.address(), "Your fileshare code", body);
  }

  private static String words(Duration duration) {
    var minutes = Math.max(1, duration.toMinutes());
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
