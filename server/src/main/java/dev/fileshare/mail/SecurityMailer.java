package dev.fileshare.mail;

import static dev.fileshare.mail.AccountMailer.WHEN;
import static dev.fileshare.mail.AccountMailer.name;

import dev.fileshare.accounts.Account;
import dev.fileshare.auth.ApiKey;
import dev.fileshare.auth.Scope;
import dev.fileshare.auth.SignInService;
import dev.fileshare.platform.FileShareSettings;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The notices an account's owner gets when something changed that a thief with their sign-in would
 * change: the password, two-factor sign-in, a new API key; and a sign-in from a browser and network
 * they had not signed in from. Each says when, and what to do if it was not them.
 */
@Component
class SecurityMailer {

  static final String PASSWORD_SUBJECT = "Your fileshare password was changed";
  static final String TWO_FACTOR_ON_SUBJECT = "Two-factor sign-in is on for your fileshare account";
  static final String TWO_FACTOR_OFF_SUBJECT = AccountMailer.TWO_FACTOR_OFF_SUBJECT;
  static final String API_KEY_SUBJECT = "A new API key for your fileshare account";
  static final String NEW_PLACE_SUBJECT = "A sign-in to your fileshare account from a new place";

  private final FileShareSettings settings;
  private final Clock clock;

  SecurityMailer(FileShareSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  MailMessage passwordChanged(Account account, boolean reset) {
    var how =
        reset
            ? "through a reset link mailed to this address"
            : "by someone signed in to it with the old password";
    var body =
        """
        Hello %s,

        The password of your fileshare account was changed on %s, %s. Every other
        sign-in of the account has ended.

        If this was not you, reset your password now and tell your administrator:

        %s

        fileshare
        """
            .formatted(name(account.username()), now(), how, settings.link("/#/forgot"));
    return new MailMessage(account.email(), PASSWORD_SUBJECT, body);
  }

  MailMessage twoFactorOn(Account account) {
    var body =
        """
        Hello %s,

        Two-factor sign-in was turned on for your fileshare account on %s: signing in
        asks for a code from an authenticator app after the password.

        If this was not you, someone else's app now holds your second factor: reset your
        password and tell your administrator, who can turn it off for you.

        %s

        fileshare
        """
            .formatted(name(account.username()), now(), settings.link("/#/forgot"));
    return new MailMessage(account.email(), TWO_FACTOR_ON_SUBJECT, body);
  }

  MailMessage twoFactorOff(Account account) {
    var body =
        """
        Hello %s,

        Two-factor sign-in was turned off for your fileshare account on %s.
        It was turned off with the password and a code. You sign in with your password alone
        now; set it up again on your account screen:

        %s

        If this was not you, change your password and tell your administrator.

        fileshare
        """
            .formatted(name(account.username()), now(), settings.link("/#/account"));
    return new MailMessage(account.email(), TWO_FACTOR_OFF_SUBJECT, body);
  }

  MailMessage apiKeyMade(Account account, ApiKey key) {
    var scopes = key.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(", "));
    var until =
        key.expires().map(WHEN::format).map(text -> "until " + text).orElse("until revoked");
    var body =
        """
        Hello %s,

        An API key was made for your fileshare account on %s:

          name:   %s
          may:    %s
          works:  %s

        A script with the key acts as you within those scopes. If you did not make it, revoke it
        on your account screen at once, and change your password:

        %s

        fileshare
        """
            .formatted(
                name(account.username()),
                now(),
                name(key.name()),
                scopes,
                until,
                settings.link("/#/account"));
    return new MailMessage(account.email(), API_KEY_SUBJECT, body);
  }

  MailMessage newPlace(Account account, SignInService.FromNewPlace signIn) {
    var body =
        """
        Hello %s,

        Your fileshare account was signed in to on %s from a browser and network it had not
        been signed in from before:

          client:   %s
          address:  %s

        If this was you (a new browser, another computer, a trip), there is nothing to do.

        If it was not you, someone has your password: change it now, which ends every other
        sign-in, and tell your administrator. Your account screen lists where you are signed in:

        %s

        fileshare
        """
            .formatted(
                name(account.username()),
                WHEN.format(signIn.at()),
                name(signIn.browser()),
                signIn.address() == null ? "unknown" : signIn.address(),
                settings.link("/#/account"));
    return new MailMessage(account.email(), NEW_PLACE_SUBJECT, body);
  }

  private String now() {
    return WHEN.format(clock.instant());
  }
}
