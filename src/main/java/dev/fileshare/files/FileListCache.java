package dev.fileshare.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fileshare.shared.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pages of the files a caller may see, as views. Each node remembers the views it made, keyed by
 * {@code (id, updated_at)}: every change a caller can see moves {@code updated_at} ({@link
 * FileRows#NEXT_UPDATED_AT}) and ids are never reused, so a remembered view is exactly what the row
 * says now, on any node. A row whose version is known is read no further than those two columns;
 * decoding the text of 50 rows was the largest part of a list's database time.
 */
@Component
class FileListCache {

  /** About 300 bytes each: a few MiB at most. */
  private static final int MAX_REMEMBERED = 10_000;

  /** {@code id} and {@code updated_at} first, then what a view needs, by position. */
  private static final String COLUMNS =
      "id, updated_at, owner_id, name, size, sha256, content_type, visibility, created_at";

  private final JdbcClient jdbc;
  private final FileViewFactory views;
  private final Cache<Version, FileView> known =
      Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

  FileListCache(JdbcClient jdbc, FileViewFactory views) {
    this.jdbc = jdbc;
    this.views = views;
  }

  private record Version(long id, long updatedAt) {}

  /** A row of the page: its version, and its view if this node knows it, else the row. */
  private record Entry(Version version, FileView view, FileRow row) {}

  /**
   * The files the caller may see, in the query's order, from {@code offset}, at most {@code limit}.
   */
  List<FileView> visible(
      UserId caller, boolean verified, FileQuery query, long limit, long offset) {
    var params = new HashMap<String, Object>();
    var where = FileRows.where(caller, verified, query, params);
    params.put("limit", limit);
    params.put("offset", offset);
    var entries =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM files WHERE "
                    + where
                    + " ORDER BY "
                    + query.order().sql()
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(
                (rs, n) -> {
                  var version = new Version(rs.getLong(1), rs.getLong(2));
                  var view = known.getIfPresent(version);
                  if (view != null) {
                    return new Entry(version, view, null);
                  }
                  var row =
                      new FileRow(
                          version.id(),
                          rs.getLong(3),
                          FileRows.text(rs, 4),
                          null,
                          rs.getLong(5),
                          FileRows.text(rs, 6),
                          FileRows.text(rs, 7),
                          FileRows.text(rs, 8),
                          rs.getLong(9),
                          version.updatedAt(),
                          null);
                  return new Entry(version, null, row);
                })
            .list();
    return resolve(entries);
  }

  /** The views of the entries, in order; those not known yet are made (in one batch) and kept. */
  private List<FileView> resolve(List<Entry> entries) {
    var unknown = new ArrayList<FileRow>();
    for (var entry : entries) {
      if (entry.view() == null) {
        unknown.add(entry.row());
      }
    }
    var made = views.of(unknown).iterator();
    var result = new ArrayList<FileView>(entries.size());
    for (var entry : entries) {
      var view = entry.view();
      if (view == null) {
        view = made.next();
        known.put(entry.version(), view);
      }
      result.add(view);
    }
    return result;
  }
}
