package dev.fileshare.files.web;

import dev.fileshare.files.FileProblems;
import dev.fileshare.files.FileQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a file list: {@code owner=me}, {@code shared=with-me|by-me}, {@code
 * request=<id>} (the files that came through one file request), {@code search}, {@code ordering}
 * (an unknown ordering is ignored, as DRF does), and {@code limit}/{@code offset} for DRF's pages.
 *
 * @param limit the page size, or 0 for the original's plain array
 */
record ListParams(FileQuery query, int limit, long offset) {

  static final int MAX = 1000;
  private static final int MAX_SEARCH = 255;

  static ListParams of(
      @Nullable String owner,
      @Nullable String shared,
      @Nullable String request,
      @Nullable String search,
      @Nullable String ordering,
      @Nullable String limit,
      @Nullable String offset) {
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
    var paged = limit != null || offset != null;
    var size = paged ? (int) Math.min(number("limit", limit, MAX), MAX) : 0;
    if (paged && size < 1) {
      throw FileProblems.invalid("limit", "A limit is a whole number from 1.");
    }
    return new ListParams(
        new FileQuery(mine, text, order, sharing, requestId), size, number("offset", offset, 0));
  }

  boolean paged() {
    return limit > 0;
  }

  /** The query string for the page from {@code from}, keeping the filters. */
  String queryFrom(long from) {
    var parts = new ArrayList<String>();
    parts.add("limit=" + limit);
    if (from > 0) {
      parts.add("offset=" + from);
    }
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
    return String.join("&", parts);
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
