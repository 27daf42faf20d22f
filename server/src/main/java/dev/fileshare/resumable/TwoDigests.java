package dev.fileshare.resumable;

import java.security.MessageDigest;

/**
 * Feeds the same bytes to two digests: the running digest of a growing piece and the digest of one
 * request's body. Each is finished on its own; this one cannot be.
 */
final class TwoDigests extends MessageDigest {

  private final MessageDigest first;
  private final MessageDigest second;

  TwoDigests(MessageDigest first, MessageDigest second) {
    super(first.getAlgorithm());
    this.first = first;
    this.second = second;
  }

  @Override
  protected void engineUpdate(byte input) {
    first.update(input);
    second.update(input);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int length) {
    first.update(input, offset, length);
    second.update(input, offset, length);
  }

  @Override
  protected byte[] engineDigest() {
    throw new UnsupportedOperationException("Finish each digest on its own");
  }

  @Override
  protected void engineReset() {
    first.reset();
    second.reset();
  }
}
