package dev.fileshare.sharing;

import static dev.fileshare.sharing.CodeCalls.ask;
import static dev.fileshare.sharing.CodeCalls.newAddress;
import static dev.fileshare.sharing.CodeCalls.verify;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Codes are limited per address asked for, per link and per client address, and wrong codes per
 * client address: 429 with Retry-After, alike for allowed and other addresses, and no mail.
 */
@TestPropertySource(
    properties = {
      "fileshare.sharing.codes.per-address=2/1h",
      "fileshare.sharing.codes.per-scope=3/1h",
      "fileshare.sharing.codes.per-client=4/1h",
      "fileshare.sharing.codes.failures-per-client=3/15m"
    })
class LinkRecipientLimitIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  TestUsers.User owner;
  long file;

  @BeforeEach
  void ownerWithAFile() {
    owner = TestUsers.verified(api, jdbc);
    file = upload(api, owner.token(), "limited.pdf", "private");
  }

  @Test
  void codesAreLimitedPerAddressPerLinkAndPerClient() {
    var allowed = newAddress("firm.example");
    var stranger = newAddress("other.example");

    // per address, across links; an address the links do not allow is counted alike
    for (var address : List.of(allowed, stranger)) {
      assertThat(ask(api, restricted(), address).status()).isEqualTo(202);
      assertThat(ask(api, restricted(), address).status()).isEqualTo(202);
      var third = ask(api, restricted(), address);
      assertThat(third.status()).isEqualTo(429);
      assertThat(Long.parseLong(third.header("Retry-After"))).isPositive();
      clock.advance(Duration.ofMinutes(61));
    }
    assertThat(Mailbox.await(allowed, 2)).isNotNull();
    assertThat(Mailbox.all(allowed)).hasSize(2);

    // per link, for any address
    var link = restricted();
    for (var i = 0; i < 3; i++) {
      assertThat(ask(api, link, newAddress("firm.example")).status()).isEqualTo(202);
    }
    assertThat(ask(api, link, newAddress("firm.example")).status()).isEqualTo(429);
    clock.advance(Duration.ofMinutes(61));

    // per client address, for any link and address
    for (var i = 0; i < 4; i++) {
      assertThat(ask(api, restricted(), newAddress("firm.example")).status()).isEqualTo(202);
    }
    var page =
        api.post("/s/" + restricted() + "/code")
            .form(Map.of("address", newAddress("firm.example")))
            .send();
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.text()).contains("Too many attempts");
    assertThat(page.header("Retry-After")).isNotNull();
  }

  @Test
  void wrongCodesAreLimitedPerClient() {
    var link = restricted();
    var address = newAddress("firm.example");
    ask(api, link, address);
    for (var i = 0; i < 3; i++) {
      assertThat(verify(api, link, address, "000000").status()).isEqualTo(400);
    }
    var locked = verify(api, link, address, "000000");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.json().get("retry_after").asLong()).isPositive();
  }

  private String restricted() {
    return tokenOf(link(api, owner.token(), file, Map.of("recipients", List.of("*@firm.example"))));
  }
}
