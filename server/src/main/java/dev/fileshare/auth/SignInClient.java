package dev.fileshare.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Where a sign-in comes from: the client's {@code User-Agent} (at most {@link #MAX_USER_AGENT}
 * characters, control characters dropped) and address, as the server sees them (behind a proxy, as
 * {@code server.forward-headers-strategy} makes it).
 */
public record SignInClient(@Nullable String userAgent, @Nullable String address) {

  static final int MAX_USER_AGENT = 300;

  /** Nothing known: a sign-in that comes from no request. */
  public static final SignInClient UNKNOWN = new SignInClient(null, null);

  /** Browsers by the token their User-Agent has, the most specific first (Edge says "Chrome"). */
  private static final List<Map.Entry<String, String>> BROWSERS =
      List.of(
          Map.entry("Edg/", "Edge"),
          Map.entry("EdgA/", "Edge"),
          Map.entry("OPR/", "Opera"),
          Map.entry("SamsungBrowser/", "Samsung Internet"),
          Map.entry("Firefox/", "Firefox"),
          Map.entry("FxiOS/", "Firefox"),
          Map.entry("CriOS/", "Chrome"),
          Map.entry("Chromium/", "Chromium"),
          Map.entry("Chrome/", "Chrome"),
          Map.entry("Version/", "Safari"));

  /** Systems by the token their User-Agent has, the most specific first (Android says "Linux"). */
  private static final List<Map.Entry<String, String>> SYSTEMS =
      List.of(
          Map.entry("Windows", "Windows"),
          Map.entry("iPhone", "iOS"),
          Map.entry("iPad", "iPadOS"),
          Map.entry("Android", "Android"),
          Map.entry("CrOS", "ChromeOS"),
          Map.entry("Mac OS X", "macOS"),
          Map.entry("Macintosh", "macOS"),
          Map.entry("Linux", "Linux"));

  private static final Pattern PRODUCT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

  public SignInClient {
    userAgent = clean(userAgent);
    address = address == null || address.isBlank() ? null : address;
  }

  public static SignInClient of(HttpServletRequest request) {
    return new SignInClient(request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
  }

  /**
   * A short name of the client for people: "Firefox on Linux", "Safari on iOS", or for a program
   * the product its User-Agent begins with ("curl", "Java-http-client") when it is a plain name ("A
   * program" when not); "Unknown client" without one.
   */
  public String browser() {
    if (userAgent == null) {
      return "Unknown client";
    }
    if (userAgent.startsWith("Mozilla/")) {
      var browser = first(BROWSERS);
      var system = first(SYSTEMS);
      var name = browser == null ? "A browser" : browser;
      return system == null ? name : name + " on " + system;
    }
    var end = userAgent.indexOf('/');
    var space = userAgent.indexOf(' ');
    if (space >= 0 && (end < 0 || space < end)) {
      end = space;
    }
    var product = end > 0 ? userAgent.substring(0, end) : userAgent;
    // shown in a mail: a product's name, never a link or a sentence someone wrote into the header
    return PRODUCT.matcher(product).matches() ? product : "A program";
  }

  /**
   * The network the address is in, for telling places apart: an address's /24 (IPv4) or /48 (IPv6),
   * so that a phone's changing address within its provider's block is one place; "" for none.
   */
  String network() {
    if (address == null) {
      return "";
    }
    // literal addresses only: anything else is kept as it is rather than looked up
    if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return address;
    }
    try {
      var bytes = InetAddress.getByName(address).getAddress();
      var kept = bytes.length == 4 ? 3 : 6;
      var network = new byte[bytes.length];
      System.arraycopy(bytes, 0, network, 0, kept);
      return InetAddress.getByAddress(network).getHostAddress() + "/" + kept * 8;
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private @Nullable String first(List<Map.Entry<String, String>> names) {
    for (var name : names) {
      if (userAgent != null && userAgent.contains(name.getKey())) {
        return name.getValue();
      }
    }
    return null;
  }

  private static @Nullable String clean(@Nullable String text) {
    if (text == null) {
      return null;
    }
    var cleaned = new StringBuilder();
    text.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(MAX_USER_AGENT)
        .forEach(cleaned::appendCodePoint);
    var kept = cleaned.toString().strip();
    return kept.isEmpty() ? null : kept;
  }
}
