package dev.fileshare.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.auth.FreshSignIn;
import dev.fileshare.auth.TwoFactorService;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's two-factor sign-in: set up, confirm, turn off. Only with a sign-in token: no
 * API key reaches these ({@code KeyAuthorization} does not name them).
 */
@RestController
class TwoFactorController {

  private final TwoFactorService twoFactor;
  private final FreshSignIn freshSignIn;

  TwoFactorController(TwoFactorService twoFactor, FreshSignIn freshSignIn) {
    this.twoFactor = twoFactor;
    this.freshSignIn = freshSignIn;
  }

  /**
   * The secret, for typing in, the {@code otpauth://} URI, and the URI as a QR code (an SVG {@code
   * data:} URL).
   */
  record SetupAnswer(String secret, @JsonProperty("otpauth_uri") String otpauthUri, String qr) {

    static SetupAnswer of(TwoFactorService.Setup setup) {
      return new SetupAnswer(setup.secret(), setup.uri(), setup.qr());
    }
  }

  /**
   * The first code of the new secret, and the password when the sign-in is older than {@code
   * fileshare.auth.fresh-sign-in}.
   */
  record ConfirmRequest(@Nullable String code, @Nullable String password) {}

  /** Shown once: each recovery code signs in once in place of a code from the app. */
  record RecoveryCodesAnswer(@JsonProperty("recovery_codes") List<String> recoveryCodes) {}

  record DisableRequest(@Nullable String password, @Nullable String code) {}

  record Message(String message) {}

  @PostMapping("/api/user/2fa/setup")
  SetupAnswer setup(@AuthenticationPrincipal AuthenticatedUser user) {
    return SetupAnswer.of(twoFactor.setup(user.userId()));
  }

  @PostMapping("/api/user/2fa/confirm")
  RecoveryCodesAnswer confirm(
      @AuthenticationPrincipal AuthenticatedUser user, @RequestBody ConfirmRequest request) {
    if (!twoFactor.enabled(user.userId())) { // else confirm answers that it is on already
      // code is the new secret's first: with two-factor sign-in off, the password alone confirms
      freshSignIn.require(user, request.password(), null);
    }
    return new RecoveryCodesAnswer(twoFactor.confirm(user.userId(), request.code()));
  }

  @PostMapping("/api/user/2fa/disable")
  Message disable(
      @AuthenticationPrincipal AuthenticatedUser user, @RequestBody DisableRequest request) {
    twoFactor.disable(user.userId(), request.password(), request.code());
    return new Message("Two-factor sign-in is off");
  }
}
