package dev.fileshare.backup;

import dev.fileshare.shared.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What a table holds, in a form both databases agree on whatever order they answer rows in: the
 * number of rows and the sum of their SHA-256s (modulo 2^256), so that a row lost, added, or with a
 * value changed on the way changes it.
 */
final class TableDigest implements Consumer<String> {

  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

  private final java.security.MessageDigest sha = Sha256.digest();
  private BigInteger sum = BigInteger.ZERO;
  private long rows;

  @Override
  public void accept(String line) {
    sum = sum.add(new BigInteger(1, sha.digest(line.getBytes(StandardCharsets.UTF_8))));
    if (sum.bitLength() > 256) {
      sum = sum.mod(MODULUS);
    }
    rows++;
  }

  long rows() {
    return rows;
  }

  /** The rows and their sum, spelled out. */
  String value() {
    return rows + " rows, " + sum.mod(MODULUS).toString(16);
  }
}
