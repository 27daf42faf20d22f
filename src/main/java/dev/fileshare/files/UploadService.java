package dev.fileshare.files;

import dev.fileshare.inspection.DocumentInspector;
import dev.fileshare.inspection.DocumentInspector.UnacceptableContentException;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.storage.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * New files and new content for existing ones. The bytes are stored completely and durably first,
 * checked, and only then does a row point at them; the blob of a failed upload is removed.
 */
@Service
public class UploadService {

  private static final Logger log = LoggerFactory.getLogger(UploadService.class);
  private static final int ATTEMPTS = 3;

  private final BlobStoreRegistry blobs;
  private final DocumentInspector inspector;
  private final FileRows rows;
  private final VersionSwitch versions;
  private final FileAccess access;
  private final FileViewFactory views;
  private final FilesSettings settings;
  private final Clock clock;

  UploadService(
      BlobStoreRegistry blobs,
      DocumentInspector inspector,
      FileRows rows,
      VersionSwitch versions,
      FileAccess access,
      FileViewFactory views,
      FilesSettings settings,
      Clock clock) {
    this.blobs = blobs;
    this.inspector = inspector;
    this.rows = rows;
    this.versions = versions;
    this.access = access;
    this.views = views;
    this.settings = settings;
    this.clock = clock;
  }

  /** Refuses callers who may not upload a new file, before their body is read. */
  public void checkMayCreate(AuthenticatedUser caller) {
    access.mayUpload(caller);
  }

  /** Refuses callers who may not replace this file, before their body is read. */
  public void checkMayReplace(AuthenticatedUser caller, long id) {
    access.editable(caller, id);
    access.mayUpload(caller);
  }

  public long maxBytes() {
    return settings.maxUploadSize().toBytes();
  }

  /**
   * Streams the content into storage. The caller closes the result (which removes the blob unless a
   * file took it over) and still owns {@code content}.
   */
  public StagedUpload stage(InputStream content, @Nullable String clientName) throws IOException {
    return stage(content, clientName, maxBytes());
  }

  /**
   * Streams the content into storage, refusing it (413, naming the limit) as soon as it is longer
   * than {@code limit} bytes or the server's upload limit, whichever is smaller. As {@link
   * #stage(InputStream, String)} otherwise.
   */
  public StagedUpload stage(InputStream content, @Nullable String clientName, long limit)
      throws IOException {
    var max = Math.min(limit, maxBytes());
    var input = new ClientInput(content);
    try {
      var body = new PushbackInputStream(input, 1);
      var first = body.read();
      if (first < 0) {
        throw FileProblems.empty();
      }
      body.unread(first);
      var store = blobs.currentName();
      var blob = blobs.get(store).store(body, max);
      return new StagedUpload(store, blob, clientName, key -> discard(store, key));
    } catch (BlobTooLargeException e) {
      throw FileProblems.tooLarge(max);
    } catch (IOException e) {
      if (input.failed()) {
        log.debug("Upload body could not be read", e);
        throw FileProblems.interrupted();
      }
      throw e;
    }
  }

  /** Makes a new file of the staged bytes, if they are of an allowed type. */
  public FileView create(AuthenticatedUser caller, StagedUpload upload, FileChanges changes)
      throws IOException {
    try (upload) {
      access.mayUpload(caller);
      var type = inspect(upload);
      var name =
          changes.name() == null
              ? upload.clientName().map(FileNames::clean).orElse(FileNames.FALLBACK)
              : FileService.cleanName(changes.name());
      var visibility =
          changes.visibility() == null ? settings.defaultVisibility() : changes.visibility();
      var id =
          rows.insert(
              caller.userId(),
              new FileRows.Content(name, upload.store(), upload.blob(), type, visibility),
              null,
              clock.millis());
      upload.claim();
      return views.of(rows.byId(id).orElseThrow(ApiException::notFound));
    }
  }

  /**
   * Checks that staged bytes are of an allowed type (a refusal is the same 415 a signed-in upload
   * gets), before any row is written: the slow part of receiving a file, kept out of transactions.
   */
  public void check(StagedUpload upload) throws IOException {
    upload.checked(inspect(upload));
  }

  /**
   * Makes a private file of the owner's of {@link #check checked} bytes that came through a file
   * request, in the caller's transaction. The staged upload stays the caller's to close: once the
   * transaction has committed, closing it leaves the blob to the file; had it rolled back, closing
   * removes the blob.
   */
  public FileView receive(UserId owner, StagedUpload upload, long requestId) {
    var type = upload.type().orElseThrow(() -> new IllegalStateException("Not checked"));
    var name = upload.clientName().map(FileNames::clean).orElse(FileNames.FALLBACK);
    var content =
        new FileRows.Content(name, upload.store(), upload.blob(), type, Visibility.PRIVATE);
    var id = rows.insert(owner, content, requestId, clock.millis());
    return views.of(rows.byId(id).orElseThrow(ApiException::notFound));
  }

  /**
   * Points the file at the staged bytes and keeps its old content as a version, in one transaction
   * that also counts the new bytes for the owner: at every moment the file has either exactly its
   * old or exactly its new content, and its versions go with it. The owner may, and so may someone
   * with an edit share, as long as they leave the visibility as it is.
   */
  public FileView replace(
      AuthenticatedUser caller, long id, StagedUpload upload, FileChanges changes)
      throws IOException {
    try (upload) {
      access.mayUpload(caller);
      var granted = access.changeable(caller, id, changes);
      var row = granted.row();
      var type = inspect(upload);
      for (var attempt = 0; attempt < ATTEMPTS; attempt++) {
        var name =
            changes.name() != null
                ? FileService.cleanName(changes.name())
                : upload.clientName().map(FileNames::clean).orElse(row.name());
        var visibility =
            changes.visibility() == null ? row.visibilityValue() : changes.visibility();
        var content = new FileRows.Content(name, upload.store(), upload.blob(), type, visibility);
        if (versions.replace(row, content, caller.userId())) {
          upload.claim();
          return views
              .of(rows.byId(id).orElseThrow(ApiException::notFound))
              .sharedAs(granted.share());
        }
        granted = access.changeable(caller, id, changes); // replaced meanwhile: try again
        row = granted.row();
      }
      throw new ApiException(
          HttpStatus.CONFLICT, "The file was changed by another request at the same time.");
    }
  }

  private String inspect(StagedUpload upload) throws IOException {
    try (var channel = blobs.get(upload.store()).open(upload.blob().key())) {
      return inspector.inspect(channel, settings.allowedTypes());
    } catch (UnacceptableContentException e) {
      throw FileProblems.unacceptable(e.getMessage(), settings.allowedTypes());
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
