package dev.fileshare.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a page of a file list ends: the order it was listed in and the last file's place in it (the
 * value it is ordered by, and its id for ties). The next page starts right after it, through the
 * same index, so a page a million files deep costs what the first one does, and files added or
 * removed meanwhile neither repeat nor skip any other. Clients see it as an opaque string.
 *
 * @param order the order of the list
 * @param key the last file's value in that order: its lower-case name, or its creation time (epoch
 *     milliseconds) or size as a decimal number
 * @param id the last file's id
 */
public record FileCursor(FileQuery.Order order, String key, long id) {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** The cursor after this file, in this order. */
  public static FileCursor after(FileQuery.Order order, FileView last) {
    var key =
        switch (order) {
          case NAME, NAME_DESC -> last.name().toLowerCase(Locale.ROOT);
          case OLDEST, NEWEST -> Long.toString(last.created().toEpochMilli());
          case SMALLEST, LARGEST -> Long.toString(last.size());
        };
    return new FileCursor(order, key, last.id());
  }

  /** The opaque text of the cursor, safe in a URL as it is. */
  public String encode() {
    var text = order.parameter() + "\n" + id + "\n" + key;
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor this text encodes; empty when it is not one. */
  public static Optional<FileCursor> decode(String text) {
    String decoded;
    try {
      decoded = new String(DECODER.decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    var parts = decoded.split("\n", 3);
    if (parts.length != 3) {
      return Optional.empty();
    }
    var order = FileQuery.Order.parse(parts[0]);
    if (order.isEmpty()) {
      return Optional.empty();
    }
    try {
      var id = Long.parseLong(parts[1]);
      if (id < 1) {
        return Optional.empty();
      }
      if (!order.get().byName()) {
        Long.parseLong(parts[2]);
      }
      return Optional.of(new FileCursor(order.get(), parts[2], id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The key as the database compares it: text for names, a number otherwise. */
  Object value() {
    return order.byName() ? key : Long.parseLong(key);
  }
}
