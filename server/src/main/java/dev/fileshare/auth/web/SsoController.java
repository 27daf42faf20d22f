package dev.fileshare.auth.web;

import dev.fileshare.auth.IdentityProviderList;
import dev.fileshare.auth.SingleSignOn;
import dev.fileshare.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Single sign-on for the web page: which identity providers it may offer, and the exchange of the
 * one-time code the server's redirect after a sign-in carries for an ordinary sign-in token.
 */
@RestController
class SsoController {

  private final SingleSignOn sso;
  private final IdentityProviderList providers;
  private final TokenIssuer issuer;

  SsoController(SingleSignOn sso, IdentityProviderList providers, TokenIssuer issuer) {
    this.sso = sso;
    this.providers = providers;
    this.issuer = issuer;
  }

  record CodeRequest(@Nullable String code) {}

  /**
   * An identity provider: {@code url} starts the sign-in in the browser (it answers with a redirect
   * to the provider, which comes back to the web page with {@code /#sso=<code>} or {@code
   * /#sso_error=<reason>}).
   */
  record ProviderAnswer(String id, String name, String url) {}

  /** The configured identity providers; empty when single sign-on is not set up. */
  @Operation(
      summary = "The identity providers to sign in with (single sign-on)",
      description =
          "Public. Each provider's `url` starts its sign-in in the browser: a redirect to the"
              + " provider, which comes back to `/login/oauth2/code/{id}` and from there to the web"
              + " page with `/#sso=<code>` (exchange it with POST /api/user/login/sso/) or"
              + " `/#sso_error=<reason>`. `[]` when single sign-on is not configured.")
  @GetMapping("/api/auth/providers")
  List<ProviderAnswer> providers() {
    return providers.all().stream()
        .map(provider -> new ProviderAnswer(provider.id(), provider.name(), provider.url()))
        .toList();
  }

  /** Exchanges the one-time code from {@code /#sso=<code>} (once, within a minute) for a token. */
  @Operation(
      summary = "Exchange a single sign-on's one-time code for a sign-in token",
      description =
          "Public. The code from `/#sso=<code>` works once, for 60 seconds; the token is the one"
              + " POST /api/user/login/ answers. A code that is unknown, used or expired: 400.")
  @PostMapping("/api/user/login/sso")
  SignInController.TokenAnswer exchange(@RequestBody CodeRequest request) {
    var user =
        sso.exchange(request.code())
            .orElseThrow(
                () ->
                    ApiException.error(
                        HttpStatus.BAD_REQUEST,
                        "This sign-in code is invalid, was already used or has expired. Sign in"
                            + " again."));
    return new SignInController.TokenAnswer(issuer.signIn(user));
  }
}
