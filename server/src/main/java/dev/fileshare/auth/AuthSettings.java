package dev.fileshare.auth;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in token rules ({@code fileshare.auth.*}).
 *
 * @param tokenIdleTimeout a token unused this long stops working
 * @param tokenMaxAge a token stops working this long after sign-in, however much it is used
 * @param touchInterval how often at most a token's last use is written (fewer writes per request)
 * @param tokenCacheTtl how long a node keeps a token it looked up in memory; a token revoked on
 *     another node still works here for at most this long (on this node, at once); {@code 0s} turns
 *     the cache off
 * @param freshSignIn how long after signing in a token may make an API key or turn two-factor
 *     sign-in on without the password (and code) asked again; {@code 0s}: always asked
 * @param encryptionKey the key two-factor secrets are stored under (at least 32 characters); none:
 *     they are stored as they are
 * @param previousEncryptionKeys keys that secrets may still be stored under: they are read, and
 *     written again under {@code encryptionKey} (or as they are without one)
 * @param newPlaceMail whether a user is mailed when they sign in from a browser and network they
 *     had not signed in from (within {@code signInPlaceMemory})
 * @param signInPlaceMemory how long a place a user signed in from is remembered after its last
 *     sign-in
 */
@ConfigurationProperties("fileshare.auth")
record AuthSettings(
    @DefaultValue("30d") Duration tokenIdleTimeout,
    @DefaultValue("90d") Duration tokenMaxAge,
    @DefaultValue("1m") Duration touchInterval,
    @DefaultValue("5s") Duration tokenCacheTtl,
    @DefaultValue("10m") Duration freshSignIn,
    @Nullable String encryptionKey,
    @DefaultValue List<String> previousEncryptionKeys,
    @DefaultValue("true") boolean newPlaceMail,
    @DefaultValue("180d") Duration signInPlaceMemory) {

  AuthSettings {
    if (tokenCacheTtl.isNegative() || tokenCacheTtl.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "fileshare.auth.token-cache-ttl must be between 0s and 1m: revocation waits for it");
    }
    for (var key : previousEncryptionKeys) {
      checkKey(key);
    }
    if (encryptionKey != null) {
      checkKey(encryptionKey);
    }
    if (signInPlaceMemory.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException(
          "fileshare.auth.sign-in-place-memory must be at least 1d: a shorter memory mails every"
              + " sign-in");
    }
    if (freshSignIn.isNegative()) {
      throw new IllegalArgumentException("fileshare.auth.fresh-sign-in must not be negative");
    }
  }

  private static void checkKey(String key) {
    if (!key.isBlank() && key.length() < SecretCipher.MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "fileshare.auth.encryption-key and previous-encryption-keys must be at least "
              + SecretCipher.MIN_KEY_LENGTH
              + " characters each: make one with openssl rand -base64 32");
    }
  }
}
