package dev.fileshare.resumable;

import java.security.MessageDigest;

/**
 * A digest that computes nothing: for a body whose bytes no SHA-256 is wanted of (no checksum was
 * sent, and this node has not the upload's digest so far to go on with).
 */
final class NoDigest extends MessageDigest {

  NoDigest() {
    super("none");
  }

  @Override
  protected void engineUpdate(byte input) {}

  @Override
  protected void engineUpdate(byte[] input, int offset, int length) {}

  @Override
  protected byte[] engineDigest() {
    throw new UnsupportedOperationException("Nothing was computed");
  }

  @Override
  protected void engineReset() {}
}
