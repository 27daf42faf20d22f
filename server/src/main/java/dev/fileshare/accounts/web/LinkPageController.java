package dev.fileshare.accounts.web;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.accounts.PasswordService;
import dev.fileshare.shared.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages that links in mails open. Opening a link changes nothing: mail scanners follow links,
 * so the page asks the person to confirm with a button, which POSTs.
 */
@Controller
class LinkPageController {

  private final AccountService accounts;
  private final PasswordService passwords;

  LinkPageController(AccountService accounts, PasswordService passwords) {
    this.accounts = accounts;
    this.passwords = passwords;
  }

  @GetMapping("/verify-email/{token}")
  ResponseEntity<String> confirmEmailPage(@PathVariable String token) {
    return page(
        "Confirm your email address",
        """
        <p>Press the button to confirm your email address and finish signing up.</p>
        <form method="post" action="">
          <button type="submit">Confirm my email address</button>
        </form>""");
  }

  @PostMapping("/verify-email/{token}")
  ResponseEntity<String> confirmEmail(@PathVariable String token) {
    try {
      accounts.verifyEmail(token);
      return page(
          "Email address confirmed",
          "<p>Thank you. Your email address is confirmed and you can now <a href=\"/\">sign"
              + " in</a>.</p>");
    } catch (ApiException e) {
      return page(
          "This link does not work",
          "<p>This confirmation link is invalid, was already used or has expired.</p>"
              + "<p><a href=\"/#/resend\">Send me a new link</a> or"
              + " <a href=\"/\">sign in</a> if your address is already confirmed.</p>");
    }
  }

  @GetMapping("/reset-password/{token}")
  ResponseEntity<String> resetPage(@PathVariable String token) {
    return page("Choose a new password", resetForm(""));
  }

  @PostMapping(
      path = "/reset-password/{token}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> reset(
      @PathVariable String token, @RequestParam(defaultValue = "") String password) {
    try {
      passwords.reset(token, password);
      return page(
          "Password changed",
          "<p>Your password has been changed and every earlier sign-in has ended. You can now"
              + " <a href=\"/\">sign in</a> with the new password.</p>");
    } catch (ApiException e) {
      var error =
          "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(e.getMessage()) + "</p>";
      return page("Choose a new password", error + resetForm(""));
    }
  }

  private static String resetForm(String prefix) {
    return prefix
        + """
        <p>At least 12 characters. A passphrase of several uncommon words works well.</p>
        <form method="post" action="">
          <label for="password">New password</label>
          <input id="password" name="password" type="password" autocomplete="new-password"
                 minlength="12" required>
          <button type="submit">Set new password</button>
        </form>""";
  }

  private static ResponseEntity<String> page(String title, String body) {
    var html =
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="referrer" content="no-referrer">
          <title>%s · fileshare</title>
          <link rel="stylesheet" href="/pages.css">
        </head>
        <body>
          <main>
            <h1>%s</h1>
            %s
          </main>
        </body>
        </html>
        """
            .formatted(title, title, body);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none';"
                + " base-uri 'none'")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .body(html);
  }
}
