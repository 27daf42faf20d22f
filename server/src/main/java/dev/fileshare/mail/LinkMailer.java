package dev.fileshare.mail;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.sharing.ShareLink;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Writes the mails of share links. A link's password is never in a mail: the mail says that one is
 * needed, and the owner gives it some other way.
 */
@Component
class LinkMailer {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final FileShareSettings settings;

  LinkMailer(FileShareSettings settings) {
    this.settings = settings;
  }

  MailMessage link(ShareLink.Mailed event, String recipient) {
    var sender = MailText.oneLine(event.sender());
    var message = event.message().isEmpty() ? "" : quote(event.message()) + "\n\n";
    var expiry =
        event.expires() == null
            ? ""
            : "The link works until " + WHEN.format(event.expires()) + ".\n";
    var password =
        event.hasPassword()
            ? "The link asks for a password; " + sender + " will give it to you.\n"
            : "";
    var body =
        """
        Hello,

        %s shared a file with you on fileshare: %s (%s).

        %sOpen this link to download it:

        %s

        %s%s
        fileshare
        """
            .formatted(
                sender,
                MailText.oneLine(event.fileName()),
                MailText.size(event.size()),
                message,
                settings.link("/s/" + event.token()),
                expiry,
                password);
    return new MailMessage(
        recipient, sender + " shared " + MailText.oneLine(event.fileName()), body);
  }

  MailMessage firstDownload(ShareLink.FirstDownload event) {
    var label = event.label().isEmpty() ? "" : " (" + MailText.oneLine(event.label()) + ")";
    var body =
        """
        Hello %s,

        Your link%s to %s was downloaded for the first time, on %s.

        The access log of the link tells you more: %s

        fileshare
        """
            .formatted(
                MailText.oneLine(event.ownerName()),
                label,
                MailText.oneLine(event.fileName()),
                WHEN.format(event.at()),
                settings.link("/#/files"));
    return new MailMessage(
        event.ownerEmail(),
        "Your link to " + MailText.oneLine(event.fileName()) + " was downloaded",
        body);
  }

  /** The owner's message, each line marked as theirs. */
  private static String quote(String message) {
    return message.lines().map(line -> "> " + line).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
