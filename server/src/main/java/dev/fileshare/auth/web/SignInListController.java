package dev.fileshare.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.auth.SignInService;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.AuthenticatedUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the caller is signed in: each sign-in that still works, with the browser and address it
 * came from, newest first ({@code Link: rel="next"} for the next page); and ending one of them. An
 * API key is refused with 403 ({@code auth.KeyAuthorization}): a key is no sign-in, and a leaked
 * one must not end the owner's.
 */
@RestController
class SignInListController {

  private final SignInService signInService;
  private final AccountAdministration administration;
  private final AuditLog audit;
  private final FileShareSettings settings;

  SignInListController(
      SignInService signInService,
      AccountAdministration administration,
      AuditLog audit,
      FileShareSettings settings) {
    this.signInService = signInService;
    this.administration = administration;
    this.audit = audit;
    this.settings = settings;
  }

  /** One sign-in in {@code GET /api/user/sign-ins/}. */
  record SignInAnswer(
      long id,
      @Schema(description = "A name for the client from its User-Agent: \"Firefox on Linux\"")
          String browser,
      @JsonProperty("user_agent") @Schema(nullable = true) @Nullable String userAgent,
      @Schema(description = "The client's address at sign-in", nullable = true)
          @Nullable String address,
      @JsonProperty("signed_in") Instant signedIn,
      @JsonProperty("last_used") @Schema(description = "Written at most once a minute")
          Instant lastUsed,
      @Schema(description = "When it stops working unless it is used again") Instant expires,
      @Schema(description = "Whether the request was made with this sign-in") boolean current) {

    static SignInAnswer of(SignInService.SignIn signIn) {
      return new SignInAnswer(
          signIn.id(),
          signIn.browser(),
          signIn.userAgent(),
          signIn.address(),
          signIn.signedIn(),
          signIn.lastUsed(),
          signIn.expires(),
          signIn.current());
    }
  }

  @GetMapping("/api/user/sign-ins")
  ResponseEntity<List<SignInAnswer>> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var found = signInService.page(user, paging);
    var response = ResponseEntity.ok();
    if (found.size() == paging.limit()) {
      var next =
          settings.link("/api/user/sign-ins/" + paging.next(found.get(found.size() - 1).id()));
      response.header(HttpHeaders.LINK, Paging.nextLink(next));
    }
    return response.body(found.stream().map(SignInAnswer::of).toList());
  }

  @DeleteMapping("/api/user/sign-ins/{id}")
  ResponseEntity<Void> end(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    var tokenId = Paging.id(id);
    signInService.end(user, tokenId);
    audit.record(
        AuditAction.SIGNED_OUT,
        Optional.of(new AuditLog.Actor(user.userId(), administration.nameOf(user.userId()))),
        Optional.of(user.userId()),
        Map.of("sign_in", tokenId));
    return ResponseEntity.noContent().build();
  }
}
