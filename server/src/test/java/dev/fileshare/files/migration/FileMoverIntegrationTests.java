package dev.fileshare.files.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.FileService;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Moving one file when it changes, when its bytes are lost, and while it is being downloaded. */
class FileMoverIntegrationTests extends BothStoresTest {

  @Autowired FileMover mover;
  @Autowired FileService files;

  /** A file replaced or deleted while its bytes are copied keeps what the client last did. */
  @Test
  void aFileChangedDuringItsCopyIsLeftAsTheClientLeftIt() {
    var dave = SignUp.verifiedUser(api, SignUp.newName("dave"));
    var kept = fixture.upload(dave, "kept.pdf", "users", 2);
    var gone = fixture.upload(dave, "gone.pdf", "users", 2);
    var copied = located(kept.id());
    var replaced = fixture.replace(api, kept);
    var blobsBefore = blobsIn(target);

    assertThat(mover.move(fileRows(), copied, target)).isEqualTo(FileMover.Outcome.CHANGED);
    assertThat(located(kept.id()).store()).isEqualTo(source);
    fixture.assertDownloads(replaced);

    var deleted = located(gone.id());
    assertThat(api.call("DELETE", "/api/files/" + gone.id() + "/").token(dave).send().status())
        .isEqualTo(204);
    assertThat(api.call("DELETE", "/api/trash/" + gone.id() + "/").token(dave).send().status())
        .isEqualTo(204);
    fixture.files.remove(gone.id());
    assertThat(mover.move(fileRows(), deleted, target)).isEqualTo(FileMover.Outcome.CHANGED);
    assertThat(blobsIn(target)).as("copies of changed files are removed").isEqualTo(blobsBefore);
  }

  /** A download that found the file in the old store just before it moved still gets its bytes. */
  @Test
  void aDownloadThatLookedBeforeTheMoveReadsFromTheNewPlace() throws Exception {
    var frank = SignUp.newName("frank");
    var token = SignUp.verifiedUser(api, frank);
    var file = fixture.upload(token, "moving.pdf", "users", 3);
    var owner =
        jdbc.sql("SELECT owner_id FROM files WHERE id = ?")
            .param(file.id())
            .query(Long.class)
            .single();
    var content = files.content(new AuthenticatedUser(new UserId(owner), 0), file.id());

    var before = located(file.id());
    assertThat(mover.move(fileRows(), before, target)).isEqualTo(FileMover.Outcome.MOVED);
    mover.retire(fileRows(), before.store(), before.blobKey());
    assertThat(stores.get(source).exists(before.blobKey())).isFalse();
    var sendfile = content.sendfileName();
    if (sendfile.isPresent()) {
      try (var in = Files.newInputStream(Path.of(sendfile.get()))) {
        assertThat(FileMover.sha256(in)).isEqualTo(file.sha256());
      }
    }
    try (var in = content.open()) {
      assertThat(FileMover.sha256(in)).isEqualTo(file.sha256());
    }
    try (var in = content.open(10, 100)) {
      assertThat(in.readAllBytes()).hasSize(100);
    }
  }

  /** A file whose bytes are gone cannot be moved: it stays, and the command says so. */
  @Test
  void aFileWithoutItsBytesIsReportedAndLeftWhereItIs() throws Exception {
    var erin = SignUp.verifiedUser(api, SignUp.newName("erin"));
    var lost = fixture.upload(erin, "lost.pdf", "private", 1);
    fixture.files.remove(lost.id());
    var where = located(lost.id());
    stores.get(source).delete(where.blobKey());
    try {
      assertThat(mover.move(fileRows(), where, target)).isEqualTo(FileMover.Outcome.FAILED);
      assertThat(located(lost.id())).isEqualTo(where);
      assertThat(new MigrationCommand(environment, target).run()).isEqualTo(1);
      assertThat(located(lost.id())).isEqualTo(where);
    } finally {
      // removed for good, not only to the trash: a row without its bytes would fail the next run
      api.call("DELETE", "/api/files/" + lost.id() + "/").token(erin).send();
      api.call("DELETE", "/api/trash/" + lost.id() + "/").token(erin).send();
    }
  }
}
