package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.files.FileView;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.Sha256;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.MutableClock;
import dev.fileshare.support.TestClockConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Which refusal a request on an upload gets, decided in the module with its real database (SQLite,
 * migrated by Flyway), blob store and the modules it uses, without HTTP: an upload that is not
 * there, not the caller's, or expired is not found (404); an offset that is not where the upload
 * stands, or an upload that is already a file, is a conflict (409) naming the offset; an upload
 * another writer holds is locked (423) until the writer lets go or its lease runs out.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
@Import(TestClockConfiguration.class)
class ResumableUploadServiceTests {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    var dir = Files.createTempDirectory("fileshare-resumable-").toString();
    registry.add("fileshare.data-dir", () -> dir);
  }

  @Autowired ResumableUploadService uploads;
  @Autowired HoldService holds;
  @Autowired UploadRows rows;
  @Autowired PieceRows pieces;
  @Autowired PieceWriter pieceWriter;
  @Autowired RunningDigestCache digests;
  @Autowired BlobStoreRegistry stores;
  @Autowired ResumableSettings settings;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  AuthenticatedUser alice;
  AuthenticatedUser bob;

  @BeforeEach
  void users() {
    alice = verifiedUser();
    bob = verifiedUser();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void anUploadThatIsNotThereIsNotFound() {
    for (var id : new String[] {Secrets.generate(16), "not-an-upload-id", ""}) {
      assertStatus(() -> uploads.state(Uploader.signedIn(alice), id), HttpStatus.NOT_FOUND);
      assertStatus(() -> append(alice, id, 0, 10), HttpStatus.NOT_FOUND);
      assertStatus(() -> uploads.terminate(Uploader.signedIn(alice), id), HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void anotherUsersUploadIsNotFoundAndStaysAsItWas() throws IOException {
    var id = create(alice, 100);
    assertStatus(() -> uploads.state(Uploader.signedIn(bob), id), HttpStatus.NOT_FOUND);
    assertStatus(() -> append(bob, id, 0, 10), HttpStatus.NOT_FOUND);
    assertStatus(() -> uploads.terminate(Uploader.signedIn(bob), id), HttpStatus.NOT_FOUND);
    assertThat(uploads.state(Uploader.signedIn(alice), id).offset()).isZero();
  }

  @Test
  void anOffsetThatIsNotWhereTheUploadStandsIsAConflictNamingTheOffset() throws IOException {
    var id = create(alice, 100);
    assertThat(append(alice, id, 0, 30).offset()).isEqualTo(30);
    for (var offset : new long[] {0, 10, 40}) {
      assertThatThrownBy(() -> append(alice, id, offset, 10))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(e.headers()).containsEntry("Upload-Offset", "30");
              });
    }
    assertThat(uploads.state(Uploader.signedIn(alice), id).offset()).isEqualTo(30);
  }

  @Test
  void anUploadAnotherWriterHoldsIsLockedUntilItLetsGo() throws IOException {
    var id = create(alice, 100);
    try (var writer = holds.claim(id, userId(alice), 0).orElseThrow()) {
      assertStatus(() -> append(alice, id, 0, 10), HttpStatus.LOCKED);
      assertStatus(() -> uploads.terminate(Uploader.signedIn(alice), id), HttpStatus.LOCKED);
      assertStatus(() -> append(alice, id, 10, 10), HttpStatus.CONFLICT);
      assertStatus(() -> append(bob, id, 0, 10), HttpStatus.NOT_FOUND);
      assertThat(writer.lost()).isFalse();
    }
    assertThat(append(alice, id, 0, 10).offset()).isEqualTo(10);
  }

  @Test
  void aWriterThatStoppedRenewingIsTakenOverOnceItsLeaseRanOut() throws IOException {
    var id = create(alice, 100);
    var now = clock.millis();
    var lease = settings.lease().toMillis();
    assertThat(rows.claim(id, userId(alice), 0, "a-node-that-died", now, now + lease)).isTrue();
    assertStatus(() -> append(alice, id, 0, 10), HttpStatus.LOCKED);

    clock.advance(settings.lease().plusSeconds(1));
    assertThat(append(alice, id, 0, 10).offset()).isEqualTo(10);
  }

  @Test
  void anExpiredUploadIsNotFound() throws IOException {
    var id = create(alice, 100);
    append(alice, id, 0, 10);
    clock.advance(settings.expiration().plus(Duration.ofSeconds(1)));
    assertStatus(() -> uploads.state(Uploader.signedIn(alice), id), HttpStatus.NOT_FOUND);
    assertStatus(() -> append(alice, id, 10, 10), HttpStatus.NOT_FOUND);
    assertStatus(() -> uploads.terminate(Uploader.signedIn(alice), id), HttpStatus.NOT_FOUND);
  }

  @Test
  void anUploadThatBecameAFileTakesNoMoreBytes() throws IOException {
    var pdf = TestPdfs.pdf("finished " + UUID.randomUUID(), 2);
    var id = create(alice, pdf.length);
    var done =
        uploads.append(
            Uploader.signedIn(alice), id, 0, new ByteArrayInputStream(pdf), pdf.length, null);
    var file = done.file();
    assertThat(file).isNotNull();
    assertThat(uploads.state(Uploader.signedIn(alice), id).file())
        .extracting("id")
        .isEqualTo(file.id());
    assertStatus(() -> append(alice, id, pdf.length, 1), HttpStatus.CONFLICT);
    assertStatus(() -> append(alice, id, 0, 1), HttpStatus.CONFLICT);
  }

  @Test
  void anUploadInOnePieceBecomesAFileOfThatVeryBlob() throws IOException {
    var pdf = TestPdfs.pdf("one piece " + UUID.randomUUID(), 2);
    var id = create(alice, pdf.length);
    var piece = storeWhole(id, pdf);

    var file = uploads.state(Uploader.signedIn(alice), id).file();

    assertThat(file).isNotNull();
    assertThat(blobOf(file.id())).isEqualTo(piece.blobKey());
    assertThat(stored(piece.store(), piece.blobKey())).isEqualTo(pdf);
    assertThat(pieces.of(id)).isEmpty();
  }

  /**
   * A crash after the file was made and before the upload recorded it leaves both naming the blob;
   * the next request makes a file again (the client was never told of the first), of a copy, and
   * leaves the first file its bytes.
   */
  @Test
  void aPieceAFileAlreadyTookOverIsCopiedNotShared() throws IOException {
    var pdf = TestPdfs.pdf("taken over " + UUID.randomUUID(), 2);
    var id = create(alice, pdf.length);
    var piece = storeWhole(id, pdf);
    var first = uploads.state(Uploader.signedIn(alice), id).file();
    assertThat(first).isNotNull();
    jdbc.sql("UPDATE tus_uploads SET file_id = NULL WHERE id = ?").param(id).update();
    pieces.insert(id, piece);

    var second = uploads.state(Uploader.signedIn(alice), id).file();

    assertThat(second).isNotNull();
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(blobOf(first.id())).isEqualTo(piece.blobKey());
    assertThat(blobOf(second.id())).isNotEqualTo(piece.blobKey());
    assertThat(stored(piece.store(), piece.blobKey())).isEqualTo(pdf);
    assertThat(stored(piece.store(), blobOf(second.id()))).isEqualTo(pdf);
    assertThat(pieces.of(id)).isEmpty();
  }

  @Test
  void anUploadInManyRequestsGrowsOneBlobThatBecomesTheFile() throws IOException {
    var pdf = TestPdfs.pdf("many requests " + UUID.randomUUID(), 3);
    var id = create(alice, pdf.length);
    var cuts = cuts(pdf.length, 4);

    for (var i = 1; i < cuts.length - 1; i++) {
      appendPart(id, pdf, cuts[i - 1], cuts[i], null);
      assertThat(pieces.of(id)).singleElement().extracting(Piece::length).isEqualTo((long) cuts[i]);
    }
    var key = pieces.of(id).get(0).blobKey();
    var file = appendPart(id, pdf, cuts[cuts.length - 2], pdf.length, null).file();

    assertHolds(file, pdf);
    assertThat(blobOf(file.id())).isEqualTo(key);
    assertThat(pieces.of(id)).isEmpty();
  }

  @Test
  void aPieceGrownOnAnotherNodeIsReadForItsChecksumWhenComplete() throws IOException {
    var pdf = TestPdfs.pdf("another node " + UUID.randomUUID(), 3);
    var id = create(alice, pdf.length);
    var cuts = cuts(pdf.length, 3);
    appendPart(id, pdf, 0, cuts[1], null);
    digests.forget(id);
    appendPart(id, pdf, cuts[1], cuts[2], null);
    assertThat(pieces.of(id)).singleElement().extracting(Piece::sha256).isNull();

    var file = appendPart(id, pdf, cuts[2], pdf.length, null).file();

    assertHolds(file, pdf);
  }

  /**
   * A body whose checksum does not match is not kept: the upload stays where it was, and the next
   * body overwrites what the refused one wrote past it.
   */
  @Test
  void aRefusedBodyLeavesNothingInTheGrowingPiece() throws IOException {
    var pdf = TestPdfs.pdf("refused " + UUID.randomUUID(), 3);
    var id = create(alice, pdf.length);
    var cuts = cuts(pdf.length, 3);
    appendPart(id, pdf, 0, cuts[1], sha256(pdf, 0, cuts[1]));
    var wrong = Sha256.of("not these bytes");

    assertStatus(
        () -> appendPart(id, pdf, cuts[1], pdf.length, wrong),
        HttpStatusCode.valueOf(UploadProblems.CHECKSUM_MISMATCH));
    assertThat(uploads.state(Uploader.signedIn(alice), id).offset()).isEqualTo(cuts[1]);
    appendPart(id, pdf, cuts[1], cuts[2], sha256(pdf, cuts[1], cuts[2]));
    var file = appendPart(id, pdf, cuts[2], pdf.length, sha256(pdf, cuts[2], pdf.length)).file();

    assertHolds(file, pdf);
  }

  /**
   * Bytes a writer left past the last recorded one (it lost its hold after writing them) are cut
   * off before the piece becomes the file.
   */
  @Test
  void whatAGrownPieceHasPastItsLengthIsNotPartOfTheFile() throws IOException {
    var pdf = TestPdfs.pdf("past the end " + UUID.randomUUID(), 2);
    var id = create(alice, pdf.length);
    var piece = storeWhole(id, pdf);
    stores
        .get(piece.store())
        .grow(
            piece.blobKey(),
            pdf.length,
            new ByteArrayInputStream(new byte[1000]),
            1000,
            Sha256.digest());

    var file = uploads.state(Uploader.signedIn(alice), id).file();

    assertThat(file).isNotNull();
    assertThat(blobOf(file.id())).isEqualTo(piece.blobKey());
    assertThat(stored(piece.store(), piece.blobKey())).isEqualTo(pdf);
  }

  /**
   * A writer whose lease ran out may still be writing into the last piece; who takes the upload
   * over from it starts a new piece, and the file is made of both.
   */
  @Test
  void aWriterTakingOverStartsANewPieceAndTheFileIsWhole() throws IOException {
    var pdf = TestPdfs.pdf("taken over " + UUID.randomUUID(), 3);
    var id = create(alice, pdf.length);
    var cuts = cuts(pdf.length, 3);
    appendPart(id, pdf, 0, cuts[1], null);
    var now = clock.millis();
    var lease = settings.lease().toMillis();
    assertThat(rows.claim(id, userId(alice), cuts[1], "a-node-that-died", now, now + lease))
        .isTrue();
    clock.advance(settings.lease().plusSeconds(1));

    appendPart(id, pdf, cuts[1], cuts[2], null);
    assertThat(pieces.of(id)).extracting(Piece::offset).containsExactly(0L, (long) cuts[1]);
    appendPart(id, pdf, cuts[2], pdf.length - 1, null);
    assertThat(pieces.of(id)).hasSize(2);
    var file = appendPart(id, pdf, pdf.length - 1, pdf.length, null).file();

    assertHolds(file, pdf);
    assertThat(pieces.of(id)).isEmpty();
  }

  @Test
  void aTerminatedUploadIsNotFound() throws IOException {
    var id = create(alice, 100);
    append(alice, id, 0, 10);
    uploads.terminate(Uploader.signedIn(alice), id);
    assertStatus(() -> uploads.state(Uploader.signedIn(alice), id), HttpStatus.NOT_FOUND);
    assertThat(pieces.of(id)).isEmpty();
  }

  private String create(AuthenticatedUser caller, long length) {
    var name = Base64.getEncoder().encodeToString("a.pdf".getBytes());
    return uploads.create(Uploader.signedIn(caller), length, "filename " + name).id();
  }

  private UploadState append(AuthenticatedUser caller, String id, long offset, int length)
      throws IOException {
    var bytes = new byte[length];
    Arrays.fill(bytes, (byte) offset);
    return uploads.append(
        Uploader.signedIn(caller), id, offset, new ByteArrayInputStream(bytes), length, null);
  }

  /** Stores the whole content as the upload's one piece, leaving the file to be made. */
  private Piece storeWhole(String id, byte[] content) throws IOException {
    var row = rows.find(id, userId(alice), Uploader.signedIn(alice).scope(), clock.millis());
    try (var hold = holds.claim(id, userId(alice), 0).orElseThrow()) {
      return pieceWriter
          .store(row.orElseThrow(), hold, new ByteArrayInputStream(content), null)
          .orElseThrow();
    }
  }

  /** Where to cut {@code length} bytes into {@code parts} parts: from 0 to {@code length}. */
  private static int[] cuts(int length, int parts) {
    var cuts = new int[parts + 1];
    for (var i = 0; i <= parts; i++) {
      cuts[i] = (int) ((long) length * i / parts);
    }
    return cuts;
  }

  private UploadState appendPart(String id, byte[] content, int from, int to, String sha256)
      throws IOException {
    var part = Arrays.copyOfRange(content, from, to);
    return uploads.append(
        Uploader.signedIn(alice), id, from, new ByteArrayInputStream(part), part.length, sha256);
  }

  private static String sha256(byte[] content, int from, int to) {
    var digest = Sha256.digest();
    digest.update(content, from, to - from);
    return Sha256.hex(digest);
  }

  /** The file is there, and its blob and recorded SHA-256 are those of {@code content}. */
  private void assertHolds(@Nullable FileView file, byte[] content) throws IOException {
    assertThat(file).isNotNull();
    assertThat(stored(stores.currentName(), blobOf(file.id()))).isEqualTo(content);
    assertThat(sha256Of(file.id())).isEqualTo(Sha256.hex(Sha256.digest().digest(content)));
  }

  private String sha256Of(long fileId) {
    return jdbc.sql("SELECT sha256 FROM files WHERE id = ?")
        .param(fileId)
        .query(String.class)
        .single();
  }

  private String blobOf(long fileId) {
    return jdbc.sql("SELECT blob_key FROM files WHERE id = ?")
        .param(fileId)
        .query(String.class)
        .single();
  }

  private byte[] stored(String store, String key) throws IOException {
    try (var in = stores.get(store).load(key)) {
      return in.readAllBytes();
    }
  }

  private static void assertStatus(ThrowingCallable call, HttpStatusCode status) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
  }

  private static long userId(AuthenticatedUser user) {
    return user.userId().value();
  }

  private AuthenticatedUser verifiedUser() {
    var name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var id =
        jdbc.sql(
                "INSERT INTO users (username, username_key, email, email_key, password_hash,"
                    + " email_verified, joined_at) VALUES (:name, :name, :email, :email, 'x', 1, 0)"
                    + " RETURNING id")
            .params(Map.of("name", name, "email", name + "@example.test"))
            .query(Long.class)
            .single();
    return new AuthenticatedUser(new UserId(id), 0);
  }
}
