package dev.fileshare.files.web;

import dev.fileshare.files.FileCursor;
import dev.fileshare.files.FileProblems;
import dev.fileshare.files.FileQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a file list: {@code owner=me}, {@code shared=with-me|by-me}, {@code
 * request=<id>} (the files that came through one file request), {@code search}, {@code ordering}
 * (an unknown ordering is ignored, as DRF does), {@code limit}/{@code offset} for DRF's pages, and
 * {@code cursor} for pages that follow one another at the same cost however deep they go.
 *
 * <p>A DRF page asked with a {@code cursor} as well (as the {@code next} of a DRF page is) is the
 * {@code limit} files after the cursor's file, found through the indexes as a cursor page is; its
 * {@code offset} only numbers it, for its own {@code next} and {@code previous}.
 *
 * @param limit the page size; 0 for the original's plain array of at most {@link #MAX}
 * @param offset where a DRF page starts
 * @param after where a cursor page or a DRF page starts: after this file; {@code null} for the
 *     first cursor page, or for a DRF page found by its offset
 * @param mode which of the three kinds of answer is asked for
 */
record ListParams(FileQuery query, int limit, long offset, @Nullable FileCursor after, Mode mode) {

  /** The original's plain array; DRF's envelope with a count; a plain array after a cursor. */
  enum Mode {
    PLAIN,
    ENVELOPE,
    CURSOR
  }

  static final int MAX = 1000;
  private static final int MAX_SEARCH = 255;

  static ListParams of(
      @Nullable String owner,
      @Nullable String shared,
      @Nullable String request,
      @Nullable String search,
      @Nullable String ordering,
      @Nullable String limit,
      @Nullable String offset,
      @Nullable String cursor) {
    var mine = false;
    if (owner != null && !owner.isEmpty()) {
      if (!owner.equals("me")) {
        throw FileProblems.invalid("owner", "Only owner=me is supported.");
      }
      mine = true;
    }
    var sharing = FileQuery.Shared.ANY;
    if (shared != null && !shared.isEmpty()) {
      sharing =
          FileQuery.Shared.parse(shared)
              .orElseThrow(
                  () -> FileProblems.invalid("shared", "Only shared=with-me or shared=by-me."));
    }
    Long requestId = null;
    if (request != null && !request.isEmpty()) {
      requestId = number("request", request, 0);
      if (requestId < 1) {
        throw FileProblems.invalid("request", "A request is named by its id, a whole number.");
      }
    }
    var text = search == null || search.isBlank() ? null : search.strip();
    if (text != null && text.length() > MAX_SEARCH) {
      throw FileProblems.invalid("search", "Search for at most " + MAX_SEARCH + " characters.");
    }
    var order =
        ordering == null
            ? FileQuery.Order.NEWEST
            : FileQuery.Order.parse(ordering.split(",")[0].strip()).orElse(FileQuery.Order.NEWEST);
    var query = new FileQuery(mine, text, order, sharing, requestId);
    var size = (int) Math.min(number("limit", limit, MAX), MAX);
    if (limit != null && size < 1) {
      throw FileProblems.invalid("limit", "A limit is a whole number from 1.");
    }
    if (cursor != null && offset == null) {
      return new ListParams(query, limit == null ? 0 : size, 0, after(cursor, order), Mode.CURSOR);
    }
    var paged = limit != null || offset != null;
    return new ListParams(
        query,
        paged ? size : 0,
        number("offset", offset, 0),
        cursor == null ? null : after(cursor, order),
        paged ? Mode.ENVELOPE : Mode.PLAIN);
  }

  /** The file the cursor names the place of; none for an empty cursor (the first page). */
  private static @Nullable FileCursor after(String cursor, FileQuery.Order order) {
    if (cursor.isEmpty()) {
      return null;
    }
    var after =
        FileCursor.decode(cursor)
            .orElseThrow(
                () ->
                    FileProblems.invalid(
                        "cursor", "Not a cursor: follow the Link header of the previous page."));
    if (after.order() != order) {
      throw FileProblems.invalid(
          "cursor", "This cursor belongs to a list in another order: keep its ordering.");
    }
    return after;
  }

  /** The most files in an answer of this kind. */
  int size() {
    return limit > 0 ? limit : MAX;
  }

  /** The query string for the DRF page from {@code from}, keeping the filters. */
  String queryFrom(long from) {
    return queryFrom(from, null);
  }

  /**
   * The query string for the DRF page from {@code from} that starts after the file {@code after}
   * names (none: found by its offset), keeping the filters.
   */
  String queryFrom(long from, @Nullable FileCursor after) {
    var parts = new ArrayList<String>();
    parts.add("limit=" + limit);
    if (from > 0) {
      parts.add("offset=" + from);
    }
    if (after != null) {
      parts.add("cursor=" + after.encode());
    }
    addFilters(parts);
    return String.join("&", parts);
  }

  /** The query string for the page after the file the cursor names, keeping the filters. */
  String queryAfter(FileCursor next) {
    var parts = new ArrayList<String>();
    parts.add("cursor=" + next.encode());
    if (limit > 0) {
      parts.add("limit=" + limit);
    }
    addFilters(parts);
    return String.join("&", parts);
  }

  private void addFilters(ArrayList<String> parts) {
    if (query.mine()) {
      parts.add("owner=me");
    }
    if (query.shared() != FileQuery.Shared.ANY) {
      parts.add("shared=" + query.shared().parameter());
    }
    if (query.request() != null) {
      parts.add("request=" + query.request());
    }
    if (query.search() != null) {
      parts.add("search=" + URLEncoder.encode(query.search(), StandardCharsets.UTF_8));
    }
    if (query.order() != FileQuery.Order.NEWEST) {
      parts.add("ordering=" + URLEncoder.encode(query.order().parameter(), StandardCharsets.UTF_8));
    }
  }

  private static long number(String field, @Nullable String text, long absent) {
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      var value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw FileProblems.invalid(field, "A valid non-negative integer is required.");
  }
}
