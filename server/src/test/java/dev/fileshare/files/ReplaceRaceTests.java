package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replacing a file while other requests replace it too. A replace points the file at its bytes only
 * if the file still has the content it read; when another replace came first, it reads the file
 * again and tries again, three times at most, then answers 409. Every content that was current
 * stays as a version; the bytes of a replace that gave up are removed. The competing replaces are
 * real ones, run by another thread at the moment the losing replace takes the time for its change,
 * against the files module on SQLite.
 */
// all dependencies: the files module's direct ones (auth among them) need theirs (the audit log)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
@Import(ReplaceRaceTests.RaceConfiguration.class)
class ReplaceRaceTests {

  @Autowired UploadService uploads;
  @Autowired FileService files;
  @Autowired FileRows rows;
  @Autowired BlobStoreRegistry blobs;
  @Autowired JdbcClient jdbc;
  @Autowired RacingClock clock;

  AuthenticatedUser owner;
  long id;

  /** Every blob the file had, and every blob staged for it, in turn. */
  final List<String> keys = new ArrayList<>();

  /** What the competing requests uploaded, in turn. */
  final List<byte[]> competitors = new ArrayList<>();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
    var dir = Files.createTempDirectory("fileshare-replace-race-");
    registry.add("fileshare.data-dir", dir::toString);
  }

  @BeforeEach
  void fileOfAVerifiedUser() throws IOException {
    var name = "owner-" + UUID.randomUUID();
    var userId =
        jdbc.sql(
                "INSERT INTO users (username, username_key, email, email_key, password_hash,"
                    + " email_verified, joined_at) VALUES (?, ?, ?, ?, 'x', 1, 0) RETURNING id")
            .params(name, name, name + "@example.org", name + "@example.org")
            .query(Long.class)
            .single();
    owner = new AuthenticatedUser(new UserId(userId), 0);
    keys.clear();
    competitors.clear();
    var file = uploads.create(owner, stage(TestPdfs.pdf("original")), FileChanges.NONE);
    id = file.id();
    keys.add(currentKey());
  }

  @Test
  void aReplaceThatLosesOnceTriesAgainAndWins() throws IOException {
    var mine = TestPdfs.pdf("mine");
    var staged = stageTracked(mine);
    clock.race(1, this::replaceByAnotherRequest);

    var answer = uploads.replace(owner, id, staged, FileChanges.NONE);

    assertThat(competitors).hasSize(1);
    assertThat(answer.sha256()).isEqualTo(sha256(mine));
    assertThat(content()).isEqualTo(mine);
    assertThat(versionNumbers()).containsExactly(2L, 1L);
    assertOnlyTheFileAndItsVersionsKeepBlobs();
  }

  @Test
  void aReplaceThatLosesThreeTimesAnswersConflictAndKeepsNothing() throws IOException {
    var mine = stageTracked(TestPdfs.pdf("mine"));
    clock.race(3, this::replaceByAnotherRequest);

    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> uploads.replace(owner, id, mine, FileChanges.NONE))
        .extracting(ApiException::status)
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(competitors).hasSize(3);
    assertThat(content()).isEqualTo(competitors.get(2));
    assertThat(versionNumbers()).containsExactly(3L, 2L, 1L);
    assertOnlyTheFileAndItsVersionsKeepBlobs();
    assertThat(blobs.current().exists(keys.get(1)))
        .as("the bytes of the replace that gave up")
        .isFalse();
  }

  /** What another request does meanwhile: replaces the file, and is told it did. */
  private void replaceByAnotherRequest() {
    try {
      var competitor = TestPdfs.pdf("competitor " + competitors.size());
      var answer = uploads.replace(owner, id, stage(competitor), FileChanges.NONE);
      assertThat(answer.sha256()).isEqualTo(sha256(competitor));
      competitors.add(competitor);
      keys.add(currentKey());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StagedUpload stage(byte[] pdf) throws IOException {
    return uploads.stage(new ByteArrayInputStream(pdf), "a.pdf");
  }

  private StagedUpload stageTracked(byte[] pdf) throws IOException {
    var staged = stage(pdf);
    keys.add(staged.blob().key());
    return staged;
  }

  private String currentKey() {
    return rows.byId(id).orElseThrow().blobKey();
  }

  private byte[] content() throws IOException {
    try (var in = files.content(owner, id).open()) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The numbers of the file's versions, newest first. */
  private List<Long> versionNumbers() {
    return jdbc.sql("SELECT number FROM file_versions WHERE file_id = ? ORDER BY number DESC")
        .param(id)
        .query(Long.class)
        .list();
  }

  /**
   * Of every blob this file had and every blob staged for it, those of its current content and of
   * its versions are there, and the others are gone.
   */
  private void assertOnlyTheFileAndItsVersionsKeepBlobs() throws IOException {
    var kept = new ArrayList<String>();
    kept.add(currentKey());
    kept.addAll(
        jdbc.sql("SELECT blob_key FROM file_versions WHERE file_id = ?")
            .param(id)
            .query(String.class)
            .list());
    var store = blobs.current();
    for (var key : keys) {
      assertThat(store.exists(key)).as(key).isEqualTo(kept.contains(key));
    }
    assertThat(keys).containsAll(kept);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class RaceConfiguration {

    @Bean
    @Primary
    RacingClock racingClock() {
      return new RacingClock();
    }
  }
}
