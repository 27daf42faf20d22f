package dev.fileshare.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Two-factor sign-in rules ({@code fileshare.auth.*}, beside {@link AuthSettings}).
 *
 * @param requireTwoFactor who must sign in with a code: {@code none}, {@code admins} or {@code
 *     everyone}; one who must and has not set it up gets a setup challenge in place of a token
 * @param challengeTtl how long a sign-in halfway (password right, code to come) waits for the code
 */
@ConfigurationProperties("fileshare.auth")
record TwoFactorSettings(
    @DefaultValue("none") Requirement requireTwoFactor, @DefaultValue("5m") Duration challengeTtl) {

  enum Requirement {
    NONE,
    ADMINS,
    EVERYONE
  }
}
