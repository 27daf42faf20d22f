package dev.fileshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.sharing.SharingSettings.AddressLogging;
import org.junit.jupiter.api.Test;

/** How much of an address the access log keeps. */
class AddressesTests {

  @Test
  void shortenedKeepsTheNetworkOnly() {
    assertThat(Addresses.kept("203.0.113.57", AddressLogging.SHORTENED))
        .isEqualTo("203.0.113.0/24");
    assertThat(Addresses.kept("2001:db8:abcd:12:1:2:3:4", AddressLogging.SHORTENED))
        .isEqualTo("2001:db8:abcd::/48");
    assertThat(Addresses.kept("::ffff:198.51.100.7", AddressLogging.SHORTENED))
        .isEqualTo("198.51.100.0/24");
  }

  @Test
  void wholeKeepsAllAndNoneNothing() {
    assertThat(Addresses.kept("203.0.113.57", AddressLogging.WHOLE)).isEqualTo("203.0.113.57");
    assertThat(Addresses.kept("203.0.113.57", AddressLogging.NONE)).isNull();
  }

  @Test
  void whatIsNotAnAddressIsNotKeptShortened() {
    assertThat(Addresses.kept("example.org", AddressLogging.SHORTENED)).isNull();
    assertThat(Addresses.kept("", AddressLogging.SHORTENED)).isNull();
  }
}
