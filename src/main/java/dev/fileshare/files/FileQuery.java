package dev.fileshare.files;

import java.util.Optional;

/**
 * Which visible files to list, and in what order.
 *
 * @param mine only the caller's own files
 * @param search a part of the name, matched without regard to case; {@code null} for all
 * @param order the order of the answer
 */
public record FileQuery(boolean mine, String search, Order order) {

  /** The orders a list can be asked for, by their {@code ?ordering=} names. */
  public enum Order {
    NAME("name", "name_key ASC, id ASC"),
    NAME_DESC("-name", "name_key DESC, id DESC"),
    OLDEST("created", "created_at ASC, id ASC"),
    NEWEST("-created", "created_at DESC, id DESC"),
    SMALLEST("size", "size ASC, id ASC"),
    LARGEST("-size", "size DESC, id DESC");

    private final String parameter;
    private final String sql;

    Order(String parameter, String sql) {
      this.parameter = parameter;
      this.sql = sql;
    }

    public String parameter() {
      return parameter;
    }

    String sql() {
      return sql;
    }

    public static Optional<Order> parse(String text) {
      for (var order : values()) {
        if (order.parameter.equals(text)) {
          return Optional.of(order);
        }
      }
      return Optional.empty();
    }
  }
}
