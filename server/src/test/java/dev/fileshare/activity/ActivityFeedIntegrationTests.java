package dev.fileshare.activity;

import static dev.fileshare.activity.ActivityCalls.entries;
import static dev.fileshare.activity.ActivityCalls.feed;
import static dev.fileshare.activity.ActivityCalls.idOf;
import static dev.fileshare.activity.ActivityCalls.next;
import static dev.fileshare.activity.ActivityCalls.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.FileEvent;
import dev.fileshare.files.FileEvent.Action;
import dev.fileshare.files.TestUsers;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feed of file changes, told by the files module's events (published here as the files module
 * publishes them): newest first, paged, filtered by file, the caller's own only, and kept for the
 * retention period. File ids here are ones no upload uses, so that only these events name them.
 */
class ActivityFeedIntegrationTests extends ApiTest {

  private static final AtomicLong FILE_IDS =
      new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000_000L);

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired ActivityCleanup cleanup;

  TestUsers.User alice;
  TestUsers.User bob;
  UserId aliceId;
  UserId bobId;

  @BeforeEach
  void users() {
    alice = TestUsers.verified(api, jdbc);
    bob = TestUsers.verified(api, jdbc);
    aliceId = idOf(api, alice.token());
    bobId = idOf(api, bob.token());
  }

  @Test
  void theOwnerSeesWhatHappenedToTheFileNewestFirstWithWhoDidIt() {
    var file = FILE_IDS.incrementAndGet();
    var before = Instant.now();
    publish(aliceId, aliceId, file, "draft.pdf", Action.UPLOADED, "");
    publish(aliceId, bobId, file, "plan.pdf", Action.RENAMED, "draft.pdf");
    publish(aliceId, aliceId, file, "plan.pdf", Action.VISIBILITY_CHANGED, "private");
    publish(aliceId, null, file, "plan.pdf", Action.RECEIVED, "");

    var answer = feed(api, alice.token(), "/api/activity/?file=" + file);
    assertThat(summary(answer))
        .containsExactly(
            "received - ",
            "visibility_changed " + alice.username() + " private",
            "renamed " + bob.username() + " draft.pdf",
            "uploaded " + alice.username() + " ");
    var renamed = entries(answer).get(2);
    assertThat(renamed.get("file").asLong()).isEqualTo(file);
    assertThat(renamed.get("file_name").asString()).isEqualTo("plan.pdf");
    assertThat(Instant.parse(renamed.get("created").asString()))
        .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    assertThat(renamed.get("id").asLong()).isLessThan(entries(answer).get(1).get("id").asLong());
    assertThat(answer.header("Link")).isNull();
  }

  @Test
  void theFeedIsPagedWithALinkToTheNextPageAndFilteredByFile() {
    var first = FILE_IDS.incrementAndGet();
    var second = FILE_IDS.incrementAndGet();
    for (var i = 1; i <= 3; i++) {
      publish(aliceId, aliceId, first, "first-" + i + ".pdf", Action.RENAMED, "");
      publish(aliceId, aliceId, second, "second-" + i + ".pdf", Action.RENAMED, "");
    }

    var names = new ArrayList<String>();
    var path = "/api/activity/?file=" + first + "&limit=2";
    var pages = 0;
    while (path != null) {
      var page = feed(api, alice.token(), path);
      entries(page).forEach(entry -> names.add(entry.get("file_name").asString()));
      path = next(page);
      pages++;
    }
    assertThat(names).containsExactly("first-3.pdf", "first-2.pdf", "first-1.pdf");
    assertThat(pages).isEqualTo(2);

    var all = feed(api, alice.token(), "/api/activity/?limit=4");
    assertThat(entries(all))
        .extracting(entry -> entry.get("file_name").asString())
        .containsExactly("second-3.pdf", "first-3.pdf", "second-2.pdf", "first-2.pdf");
    assertThat(all.header("Link"))
        .startsWith("<https://files.example.test/api/activity/?before=")
        .endsWith("&limit=4>; rel=\"next\"");
  }

  @Test
  void nobodyElseSeesTheFeedAndBadParametersAreProblems() {
    var file = FILE_IDS.incrementAndGet();
    publish(aliceId, aliceId, file, "secret.pdf", Action.UPLOADED, "");
    publish(aliceId, bobId, file, "secret.pdf", Action.SHARED, bob.username());

    assertThat(entries(feed(api, alice.token(), "/api/activity/?file=" + file))).hasSize(2);
    assertThat(entries(feed(api, bob.token(), "/api/activity/"))).isEmpty();
    assertThat(entries(feed(api, bob.token(), "/api/activity/?file=" + file))).isEmpty();
    assertThat(api.get("/api/activity/").send().status()).isEqualTo(401);

    for (var bad : new String[] {"abc", "-1", "0", "1.5", "99999999999999999999"}) {
      var answer = api.get("/api/activity/?file=" + bad).token(alice.token()).send();
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.json().get("file").get(0).asString()).contains("whole number");
    }
    assertThat(api.get("/api/activity/?limit=0").token(alice.token()).send().status())
        .isEqualTo(400);
    assertThat(api.get("/api/activity/?before=x").token(alice.token()).send().status())
        .isEqualTo(400);
  }

  @Test
  void anEntryThatCannotBeWrittenNeverUndoesTheChangeThatToldOfIt() {
    var file = FILE_IDS.incrementAndGet();
    transaction.executeWithoutResult(
        status -> {
          // an owner that does not exist: the entry breaks a foreign key and is left out
          publish(new UserId(Long.MAX_VALUE), aliceId, file, "lost.pdf", Action.UPLOADED, "");
          publish(aliceId, aliceId, file, "kept.pdf", Action.UPLOADED, "");
        });

    assertThat(summary(feed(api, alice.token(), "/api/activity/?file=" + file)))
        .containsExactly("uploaded " + alice.username() + " ");
  }

  @Test
  void entriesOlderThanTheRetentionAreRemoved() {
    var file = FILE_IDS.incrementAndGet();
    publish(aliceId, aliceId, file, "old.pdf", Action.UPLOADED, "");
    clock.advance(Duration.ofDays(91));
    publish(aliceId, aliceId, file, "new.pdf", Action.RENAMED, "old.pdf");

    assertThat(cleanup.clean()).isPositive();
    clock.reset(); // the sign-in would have expired 91 days on

    assertThat(entries(feed(api, alice.token(), "/api/activity/?file=" + file)))
        .extracting(entry -> entry.get("file_name").asString())
        .containsExactly("new.pdf");
  }

  private void publish(
      UserId owner, @Nullable UserId actor, long file, String name, Action action, String detail) {
    events.publishEvent(
        new FileEvent(owner, Optional.ofNullable(actor), file, name, action, detail));
  }
}
