package dev.fileshare.storage;

import java.io.IOException;

/** No blob is stored under the key. */
public class BlobNotFoundException extends IOException {

  public BlobNotFoundException(String key) {
    super("No blob under key " + key);
  }
}
