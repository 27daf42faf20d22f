package dev.fileshare.files;

import static dev.fileshare.files.ShareCalls.shared;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.FileEvent.Action;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.ApiTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the activity feed hears of a file: renames, visibility changes, shares made and removed,
 * deletes, restores and removals for good, each with who did it and the detail it needs.
 */
@Import(FileEventIntegrationTests.Recording.class)
class FileEventIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired Recorder recorder;
  TestUsers.User alice;
  TestUsers.User bob;
  long file;
  int mark;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
    bob = TestUsers.verified(api, jdbc);
    file = FileCalls.created(api, alice.token(), "plan.pdf", "users").get("id").asLong();
    mark = recorder.count();
  }

  @Test
  void renamesAndVisibilityChangesTellTheOldNameAndTheNewVisibility() {
    patch(Map.of("name", "plan-v2.pdf"));
    patch(Map.of("name", "plan-v2.pdf", "visibility", "users"));
    patch(Map.of("name", "final.pdf", "visibility", "private"));

    assertThat(recorder.since(mark, file))
        .containsExactly(
            event(alice, "plan-v2.pdf", Action.RENAMED, "plan.pdf"),
            event(alice, "final.pdf", Action.RENAMED, "plan-v2.pdf"),
            event(alice, "final.pdf", Action.VISIBILITY_CHANGED, "private"));
  }

  @Test
  void sharesMadeAndRemovedTellWhoWithAndWhoDidIt() {
    var share = shared(api, alice.token(), file, bob.username(), "read").get("id").asLong();
    var changed = ShareCalls.share(api, alice.token(), file, bob.username(), "edit");
    assertThat(changed.status()).as("a change of permission tells of nothing").isEqualTo(200);
    shared(api, alice.token(), file, "someone@example.test", "read");
    assertThat(ShareCalls.revoke(api, alice.token(), file, share).status()).isEqualTo(204);
    shared(api, alice.token(), file, bob.username(), "read");
    var leave = api.call("DELETE", "/api/files/" + file + "/shares/mine/").token(bob.token());
    assertThat(leave.send().status()).isEqualTo(204);

    assertThat(recorder.since(mark, file))
        .containsExactly(
            event(alice, "plan.pdf", Action.SHARED, bob.username()),
            event(alice, "plan.pdf", Action.SHARED, "someone@example.test"),
            event(alice, "plan.pdf", Action.UNSHARED, bob.username()),
            event(alice, "plan.pdf", Action.SHARED, bob.username()),
            event(bob, "plan.pdf", Action.UNSHARED, bob.username()));
  }

  @Test
  void theTrashTellsOfDeletesRestoresAndRemovals() {
    TrashCalls.trash(api, alice.token(), file);
    assertThat(TrashCalls.restore(api, alice.token(), file).status()).isEqualTo(200);
    TrashCalls.trash(api, alice.token(), file);
    assertThat(TrashCalls.purge(api, alice.token(), file).status()).isEqualTo(204);

    assertThat(recorder.since(mark, file))
        .containsExactly(
            event(alice, "plan.pdf", Action.DELETED, ""),
            event(alice, "plan.pdf", Action.RESTORED, ""),
            event(alice, "plan.pdf", Action.DELETED, ""),
            event(alice, "plan.pdf", Action.PURGED, ""));
  }

  private void patch(Map<String, String> changes) {
    var answer = api.call("PATCH", "/api/files/" + file + "/").token(alice.token());
    assertThat(answer.json(changes).send().status()).isEqualTo(200);
  }

  private FileEvent event(TestUsers.User actor, String name, Action action, String detail) {
    return new FileEvent(id(alice), Optional.of(id(actor)), file, name, action, detail);
  }

  private UserId id(TestUsers.User user) {
    return new UserId(
        jdbc.sql("SELECT id FROM users WHERE username_key = ?")
            .param(user.username().toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single());
  }

  /** Keeps every file event published. */
  static class Recorder {
    private final List<FileEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(FileEvent event) {
      events.add(event);
    }

    int count() {
      return events.size();
    }

    /** The events of the file after the first {@code mark} events of all. */
    List<FileEvent> since(int mark, long fileId) {
      return events.subList(mark, events.size()).stream()
          .filter(event -> event.fileId() == fileId)
          .toList();
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Recording {
    @Bean
    Recorder fileEventRecorder() {
      return new Recorder();
    }
  }
}
