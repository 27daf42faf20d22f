package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.requests.Guest;
import dev.fileshare.requests.PublicRequest;
import dev.fileshare.requests.PublicRequestService;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A new file tells its owner's activity feed who made it: the uploader of their own file, or nobody
 * with an account for a file that came through one of their requests.
 */
@RecordApplicationEvents
class UploadEventIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired UploadService uploads;
  @Autowired PublicRequestService requests;
  @Autowired ApplicationEvents events;
  TestUsers.User alice;
  UserId aliceId;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
    var me = api.get("/api/user/me/").token(alice.token()).send().json();
    aliceId = new UserId(me.get("id").asLong());
  }

  @Test
  void anUploadIsToldWithItsUploader() throws IOException {
    var caller = new AuthenticatedUser(aliceId, 0);
    FileView file;
    try (var staged = uploads.stage(new ByteArrayInputStream(TestPdfs.pdf("told")), "told.pdf")) {
      file = uploads.create(caller, staged, FileChanges.NONE);
    }
    assertThat(events.stream(FileEvent.class))
        .containsExactly(
            new FileEvent(
                aliceId,
                Optional.of(aliceId),
                file.id(),
                "told.pdf",
                FileEvent.Action.UPLOADED,
                ""));
  }

  @Test
  void aFileReceivedThroughARequestIsToldWithTheRequestAndNoActor() throws IOException {
    var created = api.post("/api/requests/").token(alice.token()).json(Map.of("title", "T"));
    var request = created.send().json();
    var url = request.get("url").asString();
    var token = url.substring(url.lastIndexOf('/') + 1);
    var visit = api.post("/api/r/" + token + "/visits/").json(Map.of()).send().json();
    var guest = new Guest("127.0.0.1", visit.get("visit").asString());
    var pdf = TestPdfs.pdf("received");
    var receipt =
        requests.receive(
            token,
            guest,
            new PublicRequest.From("", ""),
            new ByteArrayInputStream(pdf),
            pdf.length,
            "received.pdf");
    assertThat(events.stream(FileEvent.class))
        .containsExactly(
            new FileEvent(
                aliceId,
                Optional.empty(),
                receipt.file(),
                "received.pdf",
                FileEvent.Action.RECEIVED,
                Long.toString(request.get("id").asLong())));
  }
}
