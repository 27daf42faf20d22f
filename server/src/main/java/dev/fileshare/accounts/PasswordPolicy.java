package dev.fileshare.accounts;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.fileshare.shared.ApiException;
import java.util.ArrayList;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, not too long (never cut), and hard to guess, also for
 * someone who knows the username and email address (zxcvbn with those as user inputs).
 */
@Component
class PasswordPolicy {

  private final AccountsSettings settings;

  PasswordPolicy(AccountsSettings settings) {
    this.settings = settings;
  }

  void check(String password, String username, @Nullable String email) {
    var length = password.codePointCount(0, password.length());
    if (length < settings.passwordMinLength()) {
      throw refuse(
          "Password must be at least " + settings.passwordMinLength() + " characters long");
    }
    if (length > settings.passwordMaxLength()) {
      throw refuse("Password must be at most " + settings.passwordMaxLength() + " characters long");
    }
    var lower = password.toLowerCase(Locale.ROOT);
    var inputs = new ArrayList<String>();
    inputs.add(username);
    if (email != null) {
      inputs.add(email);
      inputs.add(email.substring(0, Math.max(0, email.indexOf('@'))));
    }
    for (var input : inputs) {
      var part = input.toLowerCase(Locale.ROOT);
      if (part.length() >= 3 && (lower.contains(part) || part.contains(lower))) {
        throw refuse("Password is too similar to the username or email address");
      }
    }
    // zxcvbn's cost grows with length; what lies past its first 100 characters only adds strength.
    var measured = password.length() > 100 ? password.substring(0, 100) : password;
    var strength = Strength.ZXCVBN.measure(measured, inputs);
    if (strength.getScore() < settings.passwordMinScore()) {
      var warning = strength.getFeedback().getWarning();
      var reason = warning == null || warning.isBlank() ? "" : " (" + stripDot(warning) + ")";
      throw refuse(
          "Password is too easy to guess"
              + reason
              + ": use a longer passphrase of several uncommon words");
    }
  }

  private static String stripDot(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static ApiException refuse(String message) {
    return ApiException.error(HttpStatus.BAD_REQUEST, message);
  }

  /**
   * zxcvbn, made when the first password is checked: loading its dictionaries took a tenth of a
   * second of every start-up.
   */
  private static final class Strength {
    static final Zxcvbn ZXCVBN = new Zxcvbn();
  }
}
