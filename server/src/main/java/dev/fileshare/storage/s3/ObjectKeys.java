package dev.fileshare.storage.s3;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How blob keys look: 32 lower-case hex digits (128 random bits), used as the object key as it is.
 * Random keys spread evenly over the bucket's partitions, so no prefix is needed for throughput.
 */
final class ObjectKeys {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom random = new SecureRandom();

  private ObjectKeys() {}

  static String newKey() {
    var bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static boolean isKey(String name) {
    return name != null && KEY.matcher(name).matches();
  }

  /** The key itself; anything this store could not have generated is refused. */
  static String checked(String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException("Not a blob key");
    }
    return key;
  }
}
