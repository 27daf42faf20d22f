package dev.fileshare.sharing.web;

import dev.fileshare.shared.ApiException;
import dev.fileshare.sharing.LinkVerification;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms of a link that only named people may open: the address (a code is mailed if it may open
 * the link; the page answers alike if not), then the code, which puts the access in the same cookie
 * a password does.
 */
@Controller
class RecipientPageController {

  private final LinkVerification verification;
  private final Clock clock;

  RecipientPageController(LinkVerification verification, Clock clock) {
    this.verification = verification;
    this.clock = clock;
  }

  @PostMapping(path = "/s/{token}/code", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> ask(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String address,
      HttpServletRequest request) {
    try {
      verification.ask(token, address, Visitors.fromPage(request));
      var notice = LinkPageHtml.asked(verification.codeValidFor());
      return CodePageHtml.code(token, address, notice, null, HttpStatusCode.valueOf(200));
    } catch (ApiException e) {
      var status = e.status().value();
      if (status == 400 || status == 429) {
        return Visitors.retryAfter(CodePageHtml.address(token, e.getMessage(), e.status()), e);
      }
      return LinkPageHtml.notWorking(e.status(), e.getMessage());
    }
  }

  @PostMapping(path = "/s/{token}/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> verify(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String address,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request) {
    var visitor = Visitors.fromPage(request);
    try {
      var unlock = verification.verify(token, address, code, visitor);
      return Visitors.backToPage(token, unlock, request, clock);
    } catch (ApiException e) {
      var status = e.status().value();
      if (status == 400 && e.members().containsKey("address")) {
        return CodePageHtml.address(token, e.getMessage(), e.status());
      }
      if (status == 400 || status == 429) {
        return Visitors.retryAfter(
            CodePageHtml.code(token, address, null, e.getMessage(), e.status()), e);
      }
      return LinkPageHtml.notWorking(e.status(), e.getMessage());
    }
  }
}
