package dev.fileshare.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finding files on the server: by id or by name, and every file of a list, page by page. */
final class RemoteFiles {

  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
  private static final int PAGE = 1000;

  /** How many files whose names contain the one asked for are looked at before giving up. */
  private static final int MAX_CANDIDATES = 10_000;

  private RemoteFiles() {}

  /** Query parameters of {@code GET /api/files/}, in the order given. */
  static Map<String, String> query() {
    return new LinkedHashMap<>();
  }

  /**
   * Calls {@code each} for every file of the list, following the cursor pages until there are no
   * more or {@code max} files were given (0: no limit).
   */
  static void each(
      Api api, Map<String, String> query, long max, Consumer<Map<String, Object>> each) {
    var params = new LinkedHashMap<>(query);
    params.put("cursor", "");
    params.put("limit", String.valueOf(max > 0 ? Math.min(max, PAGE) : PAGE));
    URI next = api.uri("/api/files/?" + encode(params));
    long given = 0;
    while (next != null) {
      var page = api.page(next);
      for (var item : page.items()) {
        if (max > 0 && given >= max) {
          return;
        }
        each.accept(asObject(item));
        given++;
      }
      next = page.next().orElse(null);
    }
  }

  /** The file a reference names: an id (digits) or an exact name, your own files first. */
  static Map<String, Object> resolve(Api api, String reference) {
    if (ID.matcher(reference).matches()) {
      try {
        return api.getObject("/api/files/" + reference + "/");
      } catch (CliException e) {
        if (e.status() == 404) {
          throw new CliException(
              Exit.NOT_FOUND,
              "No file " + reference + " (none has that id that you may see)",
              404,
              e.problem());
        }
        throw e;
      }
    }
    var mine = named(api, reference, true);
    var matches = mine.isEmpty() ? named(api, reference, false) : mine;
    if (matches.isEmpty()) {
      throw new CliException(Exit.NOT_FOUND, "No file is named " + reference);
    }
    if (matches.size() > 1) {
      var ids =
          matches.stream()
              .map(file -> String.valueOf(file.get("id")))
              .collect(Collectors.joining(", "));
      throw new CliException(
          Exit.FAILED,
          matches.size() + " files are named " + reference + ": give the id of one (" + ids + ")");
    }
    return matches.get(0);
  }

  private static List<Map<String, Object>> named(Api api, String name, boolean mine) {
    var query = query();
    if (mine) {
      query.put("owner", "me");
    }
    query.put("search", name);
    var found = new ArrayList<Map<String, Object>>();
    each(
        api,
        query,
        MAX_CANDIDATES,
        file -> {
          if (name.equals(file.get("name"))) {
            found.add(file);
          }
        });
    return found;
  }

  static String encode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object item) {
    if (item instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new CliException(
        Exit.FAILED, "The server answered something that is not a file: " + item);
  }

  static long id(Map<String, Object> file) {
    return ((Number) file.get("id")).longValue();
  }

  static long size(Map<String, Object> file) {
    return file.get("size") instanceof Number n ? n.longValue() : 0;
  }

  static String name(Map<String, Object> file) {
    return String.valueOf(file.get("name"));
  }
}
