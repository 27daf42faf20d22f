package dev.fileshare.files;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which visible files to list, and in what order.
 *
 * @param mine only the caller's own files
 * @param search a part of the name, matched without regard to case, or words of the content (see
 *     {@link ContentMatch}); {@code null} for all
 * @param order the order of the answer
 * @param shared only the files shared with the caller, or only those the caller shared, by name
 * @param request only the files that came through this file request; {@code null} for all
 */
public record FileQuery(
    boolean mine, @Nullable String search, Order order, Shared shared, @Nullable Long request) {

  /**
   * Whether the query keeps few files (a search, a request): those are found first and sorted,
   * where other lists are read in order through an index per reason to see a file.
   */
  public boolean narrowed() {
    return search != null || request != null;
  }

  /** Which files shared by name to keep: {@code ?shared=with-me} or {@code ?shared=by-me}. */
  public enum Shared {
    ANY(""),
    WITH_ME("with-me"),
    BY_ME("by-me");

    private final String parameter;

    Shared(String parameter) {
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }

    public static Optional<Shared> parse(String text) {
      for (var shared : values()) {
        if (shared != ANY && shared.parameter.equals(text)) {
          return Optional.of(shared);
        }
      }
      return Optional.empty();
    }
  }

  /** The orders a list can be asked for, by their {@code ?ordering=} names; ties go by id. */
  public enum Order {
    NAME("name"),
    NAME_DESC("-name"),
    OLDEST("created"),
    NEWEST("-created"),
    SMALLEST("size"),
    LARGEST("-size");

    private final String parameter;

    Order(String parameter) {
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }

    /** Whether the list is in the order of names (else of numbers: times or sizes). */
    public boolean byName() {
      return this == NAME || this == NAME_DESC;
    }

    /** Whether the list goes from the largest value down. */
    boolean descending() {
      return this == NAME_DESC || this == NEWEST || this == LARGEST;
    }

    /** The column the list is ordered by. */
    String column() {
      return switch (this) {
        case NAME, NAME_DESC -> "name_key";
        case OLDEST, NEWEST -> "created_at";
        case SMALLEST, LARGEST -> "size";
      };
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
