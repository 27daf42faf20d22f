package dev.fileshare.sharing.web;

import static dev.fileshare.sharing.web.LinkPageHtml.escape;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * The pages of a link that only named people may open: the address form, and the form for the code
 * that was mailed. Both are written without any script, like the rest of the link's pages.
 */
final class CodePageHtml {

  private CodePageHtml() {}

  static ResponseEntity<String> address(
      String token, @Nullable String error, HttpStatusCode status) {
    var body =
        "<p>Only the people this file was shared with may open this link. Enter your email"
            + " address: if it is one of them, we mail you a code.</p>"
            + alert(error)
            + "<form method=\"post\" action=\"/s/"
            + token
            + "/code\"><label for=\"address\">Email address</label>"
            + "<input id=\"address\" name=\"address\" type=\"email\" autocomplete=\"email\""
            + " maxlength=\"254\" required autofocus>"
            + "<button type=\"submit\">Send me a code</button></form>";
    return LinkPageHtml.page(status, "Who are you?", body);
  }

  /** The code form, after a code was asked for {@code address}, or after a code was refused. */
  static ResponseEntity<String> code(
      String token,
      String address,
      @Nullable String notice,
      @Nullable String error,
      HttpStatusCode status) {
    var hidden =
        "<input type=\"hidden\" name=\"address\" value=\"" + escape(address.strip()) + "\">";
    var body =
        (notice == null ? "" : "<p role=\"status\">" + escape(notice) + "</p>")
            + "<p>The code was sent to <strong>"
            + escape(address.strip())
            + "</strong>.</p>"
            + alert(error)
            + "<form method=\"post\" action=\"/s/"
            + token
            + "/verify\">"
            + hidden
            + "<label for=\"code\">Code</label>"
            + "<input id=\"code\" name=\"code\" inputmode=\"numeric\" pattern=\"[0-9 ]{6,7}\""
            + " maxlength=\"7\" autocomplete=\"one-time-code\" required autofocus>"
            + "<button type=\"submit\">Open</button></form>"
            + "<form method=\"post\" action=\"/s/"
            + token
            + "/code\" class=\"secondary\">"
            + hidden
            + "<button type=\"submit\">Send a new code</button></form>"
            + "<p><a href=\"/s/"
            + token
            + "\">Use another address</a></p>";
    return LinkPageHtml.page(status, "Enter the code", body);
  }

  private static String alert(@Nullable String error) {
    return error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>";
  }
}
