package dev.fileshare.sharing;

import static dev.fileshare.sharing.CodeCalls.ask;
import static dev.fileshare.sharing.CodeCalls.mailedCode;
import static dev.fileshare.sharing.CodeCalls.newAddress;
import static dev.fileshare.sharing.CodeCalls.other;
import static dev.fileshare.sharing.CodeCalls.verify;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.shared.Secrets;
import dev.fileshare.support.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A code rests nowhere readable: the database keeps its Argon2id hash and the SHA-256 of the
 * address, the outbox wipes the mail once sent, and the log never shows it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecipientCodeSecretsIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void codesAreStoredHashedWipedFromTheOutboxAndNeverLogged(CapturedOutput output) {
    var owner = TestUsers.verified(api, jdbc);
    var file = upload(api, owner.token(), "secret.pdf", "private");
    var token =
        tokenOf(link(api, owner.token(), file, Map.of("recipients", List.of("*@firm.example"))));
    var address = newAddress("firm.example");
    ask(api, token, address);
    var code = mailedCode(address, 1);
    verify(api, token, address, other(code));
    assertThat(verify(api, token, address, code).status()).isEqualTo(200);

    var stored =
        jdbc.sql("SELECT address_key, code_hash FROM recipient_codes").query().listOfRows();
    assertThat(stored)
        .anySatisfy(
            row -> {
              assertThat(row.get("address_key")).isEqualTo(Secrets.hash(address));
              assertThat((String) row.get("code_hash")).contains("$argon2id$");
            });
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE body LIKE ?")
                        .param("%" + code + "%")
                        .query(Long.class)
                        .single()
                    == 0);
    var standalone = Pattern.compile("(?<![0-9])" + code + "(?![0-9])");
    assertThat(standalone.matcher(output.getAll()).find()).as("the code in the log").isFalse();
    assertThat(output.getAll()).doesNotContain("Your code");
  }
}
