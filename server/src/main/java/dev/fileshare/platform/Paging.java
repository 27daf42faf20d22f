package dev.fileshare.platform;

import dev.fileshare.shared.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * Pages of a list that grows at its end (links, access logs, requests) go from the newest back:
 * {@code before} is the smallest id of the page already read, {@code limit} the most entries a page
 * has.
 */
public record Paging(long before, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static Paging of(@Nullable String before, @Nullable String limit) {
    return new Paging(
        before == null ? Long.MAX_VALUE : number("before", before, 1, Long.MAX_VALUE),
        limit == null ? DEFAULT_LIMIT : (int) number("limit", limit, 1, MAX_LIMIT));
  }

  /** The query of the page after one whose last (smallest) id was {@code last}. */
  public String next(long last) {
    return "?before=" + last + "&limit=" + limit;
  }

  /** The {@code Link} header's value that points at the next page, {@code url}. */
  public static String nextLink(String url) {
    return "<" + url + ">; rel=\"next\"";
  }

  private static long number(String name, String text, long min, long max) {
    try {
      var value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(
        name, name + " must be a whole number from " + min + " to " + max + ".");
  }

  /** Ids in paths: positive integers; anything else is something that does not exist. */
  public static long id(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.notFound();
    }
    return Long.parseLong(text);
  }
}
