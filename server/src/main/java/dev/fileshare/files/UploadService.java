package dev.fileshare.files;

import dev.fileshare.inspection.DocumentInspector;
import dev.fileshare.inspection.DocumentInspector.ActiveContentException;
import dev.fileshare.inspection.DocumentInspector.UnacceptableContentException;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStore.StoredBlob;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * New files and new content for existing ones. The bytes are stored completely and durably first,
 * checked, and only then does a row point at them; the blob of a failed upload is removed.
 */
@Service
public class UploadService {

  private static final int ATTEMPTS = 3;

  private final BlobStoreRegistry blobs;
  private final DocumentInspector inspector;
  private final FileRows rows;
  private final VersionSwitch versions;
  private final FileAccess access;
  private final FileViewFactory views;
  private final FilesSettings settings;
  private final Clock clock;
  private final Staging staging;
  private final NewFileRecorder recorder;
  private final QuotaService quotas;

  UploadService(
      BlobStoreRegistry blobs,
      DocumentInspector inspector,
      FileRows rows,
      VersionSwitch versions,
      FileAccess access,
      FileViewFactory views,
      FilesSettings settings,
      Clock clock,
      Staging staging,
      NewFileRecorder recorder,
      QuotaService quotas) {
    this.blobs = blobs;
    this.inspector = inspector;
    this.rows = rows;
    this.versions = versions;
    this.access = access;
    this.views = views;
    this.settings = settings;
    this.clock = clock;
    this.staging = staging;
    this.recorder = recorder;
    this.quotas = quotas;
  }

  /** Refuses callers who may not upload a new file, before their body is read. */
  public void checkMayCreate(AuthenticatedUser caller) {
    access.mayUpload(caller);
  }

  /**
   * Refuses (507) a new file that does not fit in the owner's quota as it is now, before its body
   * is read: one file more, and the bytes the request announces (0: it does not say). A body
   * announced longer than {@code limit} or the server's limit is left to staging's 413.
   */
  public void checkRoom(UserId owner, long announcedBytes, long limit) {
    var bytes = announcedBytes > Math.min(limit, maxBytes()) ? 0 : announcedBytes;
    quotas.checkRoom(owner, bytes, 1);
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
    return staging.stage(content, clientName, Math.min(limit, maxBytes()), Optional.empty());
  }

  /**
   * As {@link #stage(InputStream, String, long)}, for a new file of {@code owner}'s: also refused
   * (507) as soon as it is longer than what their quota has left.
   */
  public StagedUpload stage(
      UserId owner, InputStream content, @Nullable String clientName, long limit)
      throws IOException {
    return staging.stage(content, clientName, Math.min(limit, maxBytes()), Optional.of(owner));
  }

  /**
   * Bytes already stored whole (a resumable upload that came in one piece) staged as they are,
   * without being read and written again. Empty if they are longer than {@code limit} or the
   * server's limit (staging them as a stream answers that with its 413), or if a file or a version
   * refers to them already (one was made of them before a crash kept the upload from recording it):
   * a blob is never any two rows'. Closing the result never removes the blob; until a file takes it
   * over, it stays with whoever stored it.
   */
  public Optional<StagedUpload> adopt(
      String store, StoredBlob blob, @Nullable String clientName, long limit) {
    if (blob.size() == 0
        || blob.size() > Math.min(limit, maxBytes())
        || rows.references(store, blob.key())) {
      return Optional.empty();
    }
    return Optional.of(new StagedUpload(store, blob, clientName, key -> {}));
  }

  /**
   * Bytes the caller stored whole and that nothing else refers to (a resumable upload's pieces put
   * together by the store) staged as they are, like bytes {@link #stage staged} from a stream:
   * closing the result removes the blob unless a file took it over. Empty, with the blob removed,
   * if they are longer than {@code limit} or the server's limit (staging them as a stream answers
   * that with its 413).
   */
  public Optional<StagedUpload> stageStored(
      String store, StoredBlob blob, @Nullable String clientName, long limit) {
    if (blob.size() == 0 || blob.size() > Math.min(limit, maxBytes())) {
      staging.discard(store, blob.key());
      return Optional.empty();
    }
    return Optional.of(
        new StagedUpload(store, blob, clientName, key -> staging.discard(store, key)));
  }

  /** Whether a file or a version of one refers to the blob; such a blob is theirs to remove. */
  public boolean references(String store, String blobKey) {
    return rows.references(store, blobKey);
  }

  /** Makes a new file of the staged bytes, if they are of an allowed type and fit the quota. */
  public FileView create(AuthenticatedUser caller, StagedUpload upload, FileChanges changes)
      throws IOException {
    try (upload) {
      access.mayUpload(caller);
      var type = inspect(upload, caller.userId());
      var name =
          changes.name() == null
              ? upload.clientName().map(FileNames::clean).orElse(FileNames.FALLBACK)
              : FileService.cleanName(changes.name());
      var visibility =
          changes.visibility() == null ? settings.defaultVisibility() : changes.visibility();
      var content = new FileRows.Content(name, upload.store(), upload.blob(), type, visibility);
      var id = recorder.created(caller, content, upload);
      upload.claim();
      recorder.tellCreated(caller, id, name);
      return views.of(rows.byId(id).orElseThrow(ApiException::notFound));
    }
  }

  /**
   * Checks that staged bytes are of an allowed type (a refusal is the same 415 a signed-in upload
   * gets), before any row is written: the slow part of receiving a file, kept out of transactions.
   * The inspection counts against {@code uploader}'s share (for a file request: its owner's).
   */
  public void check(UserId uploader, StagedUpload upload) throws IOException {
    upload.checked(inspect(upload, uploader));
  }

  /**
   * Makes a private file of the owner's of {@link #check checked} bytes that came through a file
   * request, counted in the owner's quota (507 if it does not fit), in the caller's transaction.
   * The staged upload stays the caller's to close: once the transaction has committed, closing it
   * leaves the blob to the file; had it rolled back, closing removes the blob.
   */
  public FileView receive(UserId owner, StagedUpload upload, long requestId) {
    var type = upload.type().orElseThrow(() -> new IllegalStateException("Not checked"));
    var name = upload.clientName().map(FileNames::clean).orElse(FileNames.FALLBACK);
    var content =
        new FileRows.Content(name, upload.store(), upload.blob(), type, Visibility.PRIVATE);
    var id = recorder.received(owner, content, upload, requestId);
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
      var type = inspect(upload, caller.userId());
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

  private String inspect(StagedUpload upload, UserId uploader) throws IOException {
    try (var channel = blobs.get(upload.store()).open(upload.blob().key())) {
      return inspector.inspect(channel, settings.allowedTypes(), uploader);
    } catch (ActiveContentException e) {
      throw FileProblems.activeContent(e.getMessage(), e.found());
    } catch (UnacceptableContentException e) {
      throw FileProblems.unacceptable(e.getMessage(), settings.allowedTypes());
    }
  }

  /** Removes a blob that no file refers to; a failure leaves it to the sweeper. */
  void discard(String store, String blobKey) {
    staging.discard(store, blobKey);
  }
}
