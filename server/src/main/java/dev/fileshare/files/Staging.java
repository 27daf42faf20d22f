package dev.fileshare.files;

import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.storage.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Streams an upload's bytes into the store new blobs go to, stopping as soon as they pass a limit:
 * a size limit (413), or what the owner's quota has left when staging starts (507). The quota is
 * only read here; the file's transaction counts the bytes, and refuses them if others took the room
 * meanwhile.
 */
@Component
class Staging {

  private static final Logger log = LoggerFactory.getLogger(Staging.class);

  private final BlobStoreRegistry blobs;
  private final FileRows rows;
  private final QuotaService quotas;

  Staging(BlobStoreRegistry blobs, FileRows rows, QuotaService quotas) {
    this.blobs = blobs;
    this.rows = rows;
    this.quotas = quotas;
  }

  /** The content, stored; longer than {@code max}: 413; longer than the owner's room: 507. */
  StagedUpload stage(
      InputStream content, @Nullable String clientName, long max, Optional<UserId> owner)
      throws IOException {
    var room = owner.map(user -> quotas.usage(user).remaining()).orElse(Long.MAX_VALUE);
    var input = new ClientInput(content);
    try {
      var body = new PushbackInputStream(input, 1);
      var first = body.read();
      if (first < 0) {
        throw FileProblems.empty();
      }
      body.unread(first);
      var store = blobs.currentName();
      var blob = blobs.get(store).store(body, Math.min(max, room));
      return new StagedUpload(store, blob, clientName, key -> discard(store, key));
    } catch (BlobTooLargeException e) {
      if (room < max) {
        throw quotas.refusal(owner.orElseThrow(), room);
      }
      throw FileProblems.tooLarge(max);
    } catch (IOException e) {
      if (input.failed()) {
        log.debug("Upload body could not be read", e);
        throw FileProblems.interrupted();
      }
      throw e;
    }
  }

  /** Removes a blob that no file refers to; a failure leaves it to the sweeper. */
  void discard(String store, String blobKey) {
    try {
      if (!rows.references(store, blobKey)) {
        blobs.get(store).delete(blobKey);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not remove blob {}; the sweeper will", blobKey, e);
    }
  }
}
