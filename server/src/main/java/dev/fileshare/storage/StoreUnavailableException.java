package dev.fileshare.storage;

import dev.fileshare.shared.Unavailable;
import java.io.IOException;

/**
 * The store could not be reached or failed on its side (S3: no answer, a refused connection, a
 * timeout, a 5xx): a failure that passes, unlike a missing or damaged blob. Callers treat it as any
 * other {@link IOException}; the answer to the client is a 503.
 */
public final class StoreUnavailableException extends IOException implements Unavailable {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
