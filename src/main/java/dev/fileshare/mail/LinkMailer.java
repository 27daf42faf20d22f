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
    var sender = oneLine(event.sender());
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
                oneLine(event.fileName()),
                size(event.size()),
                message,
                settings.link("/s/" + event.token()),
                expiry,
                password);
    return new MailMessage(recipient, sender + " shared " + oneLine(event.fileName()), body);
  }

  MailMessage firstDownload(ShareLink.FirstDownload event) {
    var label = event.label().isEmpty() ? "" : " (" + oneLine(event.label()) + ")";
    var body =
        """
        Hello %s,

        Your link%s to %s was downloaded for the first time, on %s.

        The access log of the link tells you more: %s

        fileshare
        """
            .formatted(
                oneLine(event.ownerName()),
                label,
                oneLine(event.fileName()),
                WHEN.format(event.at()),
                settings.link("/#/files"));
    return new MailMessage(
        event.ownerEmail(), "Your link to " + oneLine(event.fileName()) + " was downloaded", body);
  }

  /** The owner's message, each line marked as theirs. */
  private static String quote(String message) {
    return message.lines().map(line -> "> " + line).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  /** Without line breaks or other control characters (they would end a header or fake a line). */
  private static String oneLine(String text) {
    return text.replaceAll("\\p{Cntrl}", " ");
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 512) / 1024 + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
