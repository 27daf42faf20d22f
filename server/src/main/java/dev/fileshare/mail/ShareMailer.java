package dev.fileshare.mail;

import dev.fileshare.files.FileShare;
import org.springframework.stereotype.Component;

/**
 * Writes the mail that tells someone a file was shared with them: which file, who shared it, what
 * they may do, and a link into the web page (for an invitation, to signing up with this address).
 */
@Component
class ShareMailer {

  MailMessage shared(FileShare.Created event) {
    var who = clean(event.sharedBy());
    var file = clean(event.fileName());
    var may =
        switch (event.permission()) {
          case READ -> "see and download it";
          case EDIT -> "see, download, rename and replace it";
        };
    var body =
        event.invitation()
            ? """
            Hello,

            %s shared the file "%s" with you on fileshare. You may %s.

            To open it, sign up with this email address (%s) and confirm it:

            %s

            The file is waiting for you in "Shared with me" once your address is confirmed.

            If you do not know %s, you can ignore this mail.

            fileshare
            """
                .formatted(who, file, may, event.email(), event.link(), who)
            : """
            Hello %s,

            %s shared the file "%s" with you on fileshare. You may %s.

            You find it under "Shared with me":

            %s

            fileshare
            """
                .formatted(clean(event.username()), who, file, may, event.link());
    return new MailMessage(event.email(), subject(who, file), body);
  }

  static String subject(String who, String file) {
    return who + " shared \"" + file + "\" with you";
  }

  /** Text from users without line breaks or other control characters. */
  private static String clean(String text) {
    return text.replaceAll("\\p{Cntrl}", "");
  }
}
