package dev.fileshare.accounts.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountService;
import dev.fileshare.accounts.AddressRequestQueue;
import dev.fileshare.accounts.ProfileMember;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

  static final String RESEND_ANSWER =
      "If that address belongs to an account that is not verified yet, a new verification email is"
          + " on its way.";

  private final AccountService accounts;
  private final List<ProfileMember> members;

  private final AddressRequestQueue addressRequests;

  AccountController(
      AccountService accounts, List<ProfileMember> members, AddressRequestQueue addressRequests) {
    this.accounts = accounts;
    this.members = members;
    this.addressRequests = addressRequests;
  }

  /**
   * As the original API's, and {@code invitation}: the token of the invitation link, needed when
   * the registration policy is {@code invite}.
   */
  record RegisterRequest(
      @Nullable String username,
      @Nullable String password,
      @Nullable String email,
      @Nullable String invitation) {}

  record EmailRequest(@Nullable String email) {}

  /**
   * The signed-in user's own account, and what other modules add to it ({@code usage}: the storage
   * they use and may use).
   */
  record Profile(
      long id,
      String username,
      String email,
      boolean verified,
      Instant joined,
      @JsonAnyGetter Map<String, Object> more) {

    static Profile of(Account account, Map<String, Object> more) {
      return new Profile(
          account.id().value(),
          account.username(),
          account.email(),
          account.verified(),
          account.joined(),
          more);
    }
  }

  @PostMapping(path = "/api/user/register", consumes = MediaType.APPLICATION_JSON_VALUE)
  Message register(@RequestBody RegisterRequest request, HttpServletRequest http) {
    accounts.register(
        request.username(),
        request.password(),
        request.email(),
        request.invitation(),
        http.getRemoteAddr());
    return new Message("Registration successful");
  }

  @PostMapping(path = "/api/user/register", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  Message registerForm(RegisterRequest request, HttpServletRequest http) {
    return register(request, http);
  }

  @PostMapping("/api/verify-email/{token}")
  Message verify(@PathVariable String token) {
    accounts.verifyEmail(token);
    return new Message("Email verified");
  }

  @PostMapping(path = "/api/user/resend-verification", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Message resend(@RequestBody EmailRequest request) {
    addressRequests.submit(request.email(), accounts::resendVerification);
    return new Message(RESEND_ANSWER);
  }

  @PostMapping(
      path = "/api/user/resend-verification",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Message resendForm(EmailRequest request) {
    return resend(request);
  }

  @GetMapping("/api/user/me")
  Profile me(@AuthenticationPrincipal AuthenticatedUser user) {
    var account = accounts.find(user.userId()).orElseThrow(ApiException::notFound);
    var more = new LinkedHashMap<String, Object>();
    members.forEach(member -> more.put(member.name(), member.valueFor(user.userId())));
    return Profile.of(account, more);
  }
}
