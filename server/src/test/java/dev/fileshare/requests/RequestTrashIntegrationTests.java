package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.filesOf;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.files.TrashCalls;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A received file in the trash leaves the request's file list but not its record of what was
 * received: the receipt stays, for the owner and for the uploader's visit, until the file is
 * removed for good.
 */
class RequestTrashIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aReceivedFileInTheTrashKeepsItsReceiptUntilRemovedForGood() {
    var owner = TestUsers.verified(api, jdbc);
    var json = request(api, owner.token(), Map.of("title", "Invoices"));
    var requestId = json.get("id").asLong();
    var token = tokenOf(json);
    var visit = visit(api, token);
    var sent = send(api, token, visit, "invoice.pdf", TestPdfs.pdf("invoice"));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    var file = sent.json().get("id").asLong();

    TrashCalls.trash(api, owner.token(), file);
    assertThat(TrashCalls.ids(filesOf(api, owner.token(), requestId))).isEmpty();
    var uploads = api.get("/api/requests/" + requestId + "/uploads/").token(owner.token()).send();
    assertThat(uploads.status()).isEqualTo(200);
    assertThat(uploads.json().get(0).get("file").asLong()).isEqualTo(file);
    var mine = api.get("/api/r/" + token + "/files/").header("Request-Visit", visit).send();
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().size()).isEqualTo(1);
    assertThat(api.get("/api/requests/" + requestId + "/").token(owner.token()).send().status())
        .isEqualTo(200);

    assertThat(TrashCalls.restore(api, owner.token(), file).status()).isEqualTo(200);
    assertThat(TrashCalls.ids(filesOf(api, owner.token(), requestId))).containsExactly(file);

    TrashCalls.trash(api, owner.token(), file);
    assertThat(TrashCalls.purge(api, owner.token(), file).status()).isEqualTo(204);
    var after = api.get("/api/requests/" + requestId + "/uploads/").token(owner.token()).send();
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().values()).isEmpty();
  }
}
