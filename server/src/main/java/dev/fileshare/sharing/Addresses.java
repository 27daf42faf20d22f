package dev.fileshare.sharing;

import dev.fileshare.sharing.SharingSettings.AddressLogging;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How much of a client address the access log keeps. */
final class Addresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Addresses() {}

  /** The address as kept: whole, its network (/24 or /48), or nothing. */
  static @Nullable String kept(String address, AddressLogging logging) {
    return switch (logging) {
      case WHOLE -> address;
      case NONE -> null;
      case SHORTENED -> network(address);
    };
  }

  private static @Nullable String network(String address) {
    if (!literal(address)) {
      return null;
    }
    try {
      // a literal: no name is looked up
      var parsed = InetAddress.getByName(address);
      var bytes = parsed.getAddress();
      if (parsed instanceof Inet4Address) {
        bytes[3] = 0;
        return InetAddress.getByAddress(bytes).getHostAddress() + "/24";
      }
      Arrays.fill(bytes, 6, 16, (byte) 0);
      var text = InetAddress.getByAddress(bytes).getHostAddress();
      return compress(text) + "/48";
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * Whether the text is an IP address literal, which {@link InetAddress#getByName} parses without
   * looking any name up: four decimal parts, or an IPv6 address (it has colons).
   */
  private static boolean literal(String address) {
    return address.length() <= 45
        && (IPV4.matcher(address).matches()
            || (address.indexOf(':') >= 0
                && address
                    .chars()
                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')));
  }

  /** Java writes IPv6 addresses in full ({@code 2001:db8:1:0:0:0:0:0}); this writes {@code ::}. */
  private static String compress(String full) {
    var zeros = full.replaceFirst("(^|:)(0(:|$)){2,}", "::");
    return zeros.replaceFirst(":::", "::");
  }
}
