package dev.fileshare.mail;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.Invitation;
import dev.fileshare.admin.TwoFactorTurnedOff;
import dev.fileshare.platform.FileShareSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Writes the account mails. Links are built from the configured public URL, never from a request;
 * the raw token appears exactly once in a mail, inside its link.
 */
@Component
class AccountMailer {

  static final String VERIFICATION_SUBJECT = "Confirm your email address for fileshare";
  static final String RESET_SUBJECT = "Reset your fileshare password";
  static final String INVITATION_SUBJECT = "You are invited to fileshare";
  static final String APPROVED_SUBJECT = "Your fileshare account is approved";
  static final String TWO_FACTOR_OFF_SUBJECT =
      "Two-factor sign-in is off for your fileshare account";

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final FileShareSettings settings;
  private final Clock clock;

  AccountMailer(FileShareSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  MailMessage verification(Account.VerificationRequested event) {
    var body =
        """
        Hello %s,

        Please confirm that this is your email address for fileshare by opening this link:

        %s

        The link works for %s, until %s. If it has expired, you can ask for a new one.

        If you did not sign up for fileshare, you can ignore this mail.

        fileshare
        """
            .formatted(
                name(event.username()),
                settings.link("/verify-email/" + event.token()),
                inWords(untilNow(event.expires())),
                WHEN.format(event.expires()));
    return new MailMessage(event.email(), VERIFICATION_SUBJECT, body);
  }

  MailMessage passwordReset(Account.PasswordResetRequested event) {
    var body =
        """
        Hello %s,

        Someone asked to reset the password of your fileshare account. To choose a new password, \
        open this link:

        %s

        The link expires in %s and works only once.

        If you did not ask for this, you can ignore this mail: your password stays as it is.

        fileshare
        """
            .formatted(
                name(event.username()),
                settings.link("/reset-password/" + event.token()),
                plural(minutes(untilNow(event.expires())), "minute"));
    return new MailMessage(event.email(), RESET_SUBJECT, body);
  }

  /**
   * The invitation: a link to the registration page with the token and the invited address (the
   * page fills it in and the server checks it against the invitation).
   */
  MailMessage invitation(Invitation.Sent event) {
    var body =
        """
        Hello,

        %s invites you to fileshare. To create your account, open this link:

        %s

        Register with this address, %s. The link works once, until %s.

        If you do not know who this is, you can ignore this mail.

        fileshare
        """
            .formatted(
                name(event.inviter()),
                settings.link(
                    "/#/signup?invitation="
                        + event.token()
                        + "&email="
                        + URLEncoder.encode(event.email(), StandardCharsets.UTF_8)),
                name(event.email()),
                WHEN.format(event.expires()));
    return new MailMessage(event.email(), INVITATION_SUBJECT, body);
  }

  MailMessage twoFactorTurnedOff(TwoFactorTurnedOff event) {
    var body =
        """
        Hello %s,

        The administrator %s turned two-factor sign-in off for your fileshare account on %s.
        You sign in with your password alone now. To ask for a code again, set two-factor sign-in
        up on your account screen:

        %s

        If you did not ask for this, tell your administrator and change your password.

        fileshare
        """
            .formatted(
                name(event.username()),
                event.administrator(),
                WHEN.format(clock.instant()),
                settings.link("/#/account"));
    return new MailMessage(event.email(), TWO_FACTOR_OFF_SUBJECT, body);
  }

  MailMessage approved(Account.Approved event) {
    var body =
        """
        Hello %s,

        An administrator approved your fileshare account. You can sign in now:

        %s

        fileshare
        """
            .formatted(name(event.username()), settings.link("/#/signin"));
    return new MailMessage(event.email(), APPROVED_SUBJECT, body);
  }

  private Duration untilNow(Instant expires) {
    var left = Duration.between(clock.instant(), expires);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The user's name without line breaks or other control characters. */
  static String name(String username) {
    return username.replaceAll("\\p{Cntrl}", "");
  }

  /** Rounded to the nearest unit that reads well: minutes, hours or days. */
  static String inWords(Duration duration) {
    var minutes = minutes(duration);
    if (minutes < 120) {
      return plural(minutes, "minute");
    }
    var hours = (minutes + 30) / 60;
    if (hours < 48) {
      return plural(hours, "hour");
    }
    return plural((hours + 12) / 24, "day");
  }

  private static long minutes(Duration duration) {
    return Math.max(1, (duration.toSeconds() + 30) / 60);
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
