package dev.fileshare.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Two-factor secrets as they are stored: sealed with AES-256-GCM under {@code
 * fileshare.auth.encryption-key} when it is set ({@code enc:v1:<key id>:<base64url of nonce and
 * ciphertext>}), else as they are. The user's id is the associated data, so a sealed secret copied
 * to another user's row does not open. Secrets sealed under one of {@code
 * fileshare.auth.previous-encryption-keys}, and plain ones, still open; {@link #isCurrent} tells
 * the sweep which rows to write again.
 */
final class SecretCipher {

  static final int MIN_KEY_LENGTH = 32;
  private static final String PREFIX = "enc:v1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Key(String id, SecretKeySpec spec) {}

  private final @Nullable Key current;
  private final List<Key> readable;

  SecretCipher(@Nullable String currentKey, List<String> previousKeys) {
    this.current = currentKey == null || currentKey.isBlank() ? null : key(currentKey);
    var keys = new ArrayList<Key>();
    if (current != null) {
      keys.add(current);
    }
    for (var previous : previousKeys) {
      if (!previous.isBlank()) {
        keys.add(key(previous));
      }
    }
    this.readable = List.copyOf(keys);
  }

  static SecretCipher of(AuthSettings settings) {
    return new SecretCipher(settings.encryptionKey(), settings.previousEncryptionKeys());
  }

  /** Whether any key is set: without one there is nothing to seal or to open. */
  boolean hasKeys() {
    return !readable.isEmpty();
  }

  /** The stored form of the secret: sealed under the current key, or as it is without one. */
  String seal(long userId, String secret) {
    if (current == null) {
      return secret;
    }
    try {
      var nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associated(userId));
      var sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      var both = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
      return PREFIX
          + current.id()
          + ":"
          + Base64.getUrlEncoder().withoutPadding().encodeToString(both);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The secret; empty when it is sealed under a key that is not set, or was changed. */
  Optional<String> open(long userId, String stored) {
    if (!stored.startsWith(PREFIX)) {
      return Optional.of(stored);
    }
    var rest = stored.substring(PREFIX.length());
    var colon = rest.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    var id = rest.substring(0, colon);
    var key = readable.stream().filter(k -> k.id().equals(id)).findFirst();
    if (key.isEmpty()) {
      return Optional.empty();
    }
    try {
      var both = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
      if (both.length <= NONCE) {
        return Optional.empty();
      }
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key.get().spec(), new GCMParameterSpec(TAG_BITS, both, 0, NONCE));
      cipher.updateAAD(associated(userId));
      var plain = cipher.doFinal(both, NONCE, both.length - NONCE);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the stored form is what {@link #seal} writes now: under the current key, or plain. */
  boolean isCurrent(String stored) {
    return current == null ? !stored.startsWith(PREFIX) : stored.startsWith(currentPrefix());
  }

  /** The start of every value sealed under the current key; null without one. */
  @Nullable String currentPrefix() {
    return current == null ? null : PREFIX + current.id() + ":";
  }

  /** Of a sealed value, the id of its key (for logs: never the key); empty for a plain one. */
  static Optional<String> keyId(String stored) {
    if (!stored.startsWith(PREFIX)) {
      return Optional.empty();
    }
    var rest = stored.substring(PREFIX.length());
    var colon = rest.indexOf(':');
    return Optional.of(colon < 0 ? rest : rest.substring(0, colon));
  }

  private static byte[] associated(long userId) {
    return ("two_factor:" + userId).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A key from its setting: the AES key is the SHA-256 of the text (at least 32 characters, e.g.
   * {@code openssl rand -base64 32}); its id, 8 hex digits of another hash, names it in stored
   * values without giving it away.
   */
  private static Key key(String text) {
    if (text.length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "fileshare.auth.encryption-key (and each of previous-encryption-keys) must be at least "
              + MIN_KEY_LENGTH
              + " characters: make one with openssl rand -base64 32");
    }
    var bytes = sha256(text.getBytes(StandardCharsets.UTF_8));
    var id = HexFormat.of().formatHex(sha256(bytes), 0, 4);
    return new Key(id, new SecretKeySpec(bytes, "AES"));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
