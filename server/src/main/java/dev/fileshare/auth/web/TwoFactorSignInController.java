package dev.fileshare.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.auth.TwoFactorSignIn;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second step of a sign-in: the code for a challenge from {@code POST /api/user/login/}, or
 * setting two-factor sign-in up with a setup challenge when the server requires it.
 */
@RestController
class TwoFactorSignInController {

  private final TwoFactorSignIn twoFactor;
  private final TokenIssuer issuer;

  TwoFactorSignInController(TwoFactorSignIn twoFactor, TokenIssuer issuer) {
    this.twoFactor = twoFactor;
    this.issuer = issuer;
  }

  record ChallengeRequest(@Nullable String challenge, @Nullable String code) {}

  record TokenAnswer(String token) {}

  record EnrolledAnswer(String token, @JsonProperty("recovery_codes") List<String> recoveryCodes) {}

  @PostMapping("/api/user/login/2fa")
  TokenAnswer code(@RequestBody ChallengeRequest request) {
    return new TokenAnswer(issuer.signIn(twoFactor.withCode(request.challenge(), request.code())));
  }

  @PostMapping("/api/user/login/2fa/setup")
  TwoFactorController.SetupAnswer setup(@RequestBody ChallengeRequest request) {
    return TwoFactorController.SetupAnswer.of(twoFactor.setup(request.challenge()));
  }

  @PostMapping("/api/user/login/2fa/confirm")
  EnrolledAnswer confirm(@RequestBody ChallengeRequest request) {
    var enrolled = twoFactor.confirm(request.challenge(), request.code());
    return new EnrolledAnswer(issuer.signIn(enrolled.user()), enrolled.recoveryCodes());
  }
}
