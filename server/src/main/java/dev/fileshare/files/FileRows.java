package dev.fileshare.files;

import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStore.StoredBlob;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files table: every statement on it is here. Every statement that changes a row is a single
 * statement, so each one is its own short transaction.
 */
@Repository
class FileRows implements FileLocations {

  /**
   * {@code id} and {@code updated_at} first, {@code details_changes} last (the three name a view,
   * see {@link #page}), the rest between, by position.
   */
  private static final String COLUMNS =
      "id, updated_at, owner_id, name, blob_key, size, sha256, content_type, visibility,"
          + " created_at, store, request_id, version, content_by, content_at, deleted_at,"
          + " details_changes";

  /**
   * {@code updated_at} after a change: now, or one millisecond after the last change if that is
   * later (two changes within a millisecond, or a clock behind another node's). So every change
   * that a caller can see moves {@code updated_at}, and {@code (id, updated_at)} names one version
   * of a file's metadata ({@link FileListCache} relies on it). Two parameters, both now.
   */
  static final String NEXT_UPDATED_AT =
      "updated_at = CASE WHEN ? > updated_at THEN ? ELSE updated_at + 1 END";

  /**
   * The deepest page by offset that is merged from the three reasons to see a file: past it, each
   * branch would carry every row before the offset into the merge (11 s at an offset of 400,000
   * over a million files, against 2.6 s for one walk of the table). Cursors have no depth.
   */
  private static final long MERGED_DEPTH = 5_000;

  /** Where a counted page's {@code COUNT(*) OVER ()} is: after {@link #COLUMNS}. */
  private static final int COUNT_COLUMN = 18;

  /** Where {@code details_changes} is in {@link #COLUMNS}. */
  private static final int DETAILS_COLUMN = 17;

  /** Where a blob is: the store's name and the blob's key in it. */
  record BlobRef(String store, String key) {}

  /**
   * One version of a file's view: its id, {@code updated_at}, and how many times the details other
   * modules add to it have changed ({@link #detailsChanged}).
   */
  record Version(long id, long updatedAt, long detailsChanges) {}

  /** A row of a page: the view known for its version, or else (and only then) the row. */
  record Listed(Version version, @Nullable FileView view, @Nullable FileRow row) {}

  /**
   * A page's rows, and how many files the query finds in all when the page's own statement counted
   * them (see {@link #page}).
   */
  record Found(List<Listed> listed, OptionalLong total) {}

  private final JdbcClient jdbc;
  private final List<ContentMatch> content;
  private final DatabaseKind database;

  /** {@code content}: what finds files by their content for a search, if any module does. */
  FileRows(JdbcClient jdbc, List<ContentMatch> content, DatabaseKind database) {
    this.jdbc = jdbc;
    this.content = List.copyOf(content);
    this.database = database;
  }

  /**
   * Maps by position, in the order of {@link #COLUMNS}: the record mapper that {@code query(Class)}
   * uses looks each column up by name first and throws (and catches) an exception for every column
   * whose name differs from the field's, on every row.
   */
  private static FileRow row(ResultSet rs) throws SQLException {
    return new FileRow(
        rs.getLong(1),
        rs.getLong(3),
        text(rs, 4),
        text(rs, 5),
        rs.getLong(6),
        text(rs, 7),
        text(rs, 8),
        text(rs, 9),
        rs.getLong(10),
        rs.getLong(2),
        text(rs, 11),
        nullableLong(rs, 12),
        rs.getLong(13),
        nullableLong(rs, 14),
        nullableLong(rs, 15),
        nullableLong(rs, 16));
  }

  private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    var value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * A text column (all of them are NOT NULL), read as the UTF-8 bytes both drivers hand out for it.
   * The SQLite driver's {@code getString} wraps every value in a direct {@code ByteBuffer} made
   * through JNI before copying it out: most of the database time of a list of 50 files, against one
   * array copy this way.
   */
  private static String text(ResultSet rs, int column) throws SQLException {
    return new String(Objects.requireNonNull(rs.getBytes(column)), StandardCharsets.UTF_8);
  }

  /** The file, unless it is in the trash. */
  Optional<FileRow> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM files WHERE id = ? AND deleted_at IS NULL")
        .param(id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /**
   * The files the caller may see (their own and, if they are verified, those shared with users and
   * those shared with them by name), in the query's order, after the cursor if there is one, from
   * {@code offset}, at most {@code limit}. A row whose version {@code known} has a view for is read
   * no further than its first two columns: decoding the text of 50 rows was the largest part of a
   * list's database time.
   *
   * <p>Unfiltered, the page is the merge of the first rows of each reason to see a file (visible to
   * users, own, shared by name), each read in order through its own index: one condition with OR
   * between them made the database filter the whole table in order, seconds at a million files. A
   * search or a request selects few files: those are found through their index, then sorted. A page
   * deeper than {@link #MERGED_DEPTH} by offset is one walk of the table, as it always was.
   *
   * <p>With {@code count}, a search or a request also counts what it found in the same statement
   * ({@code COUNT(*) OVER ()}, over the matches it sorts anyway): a separate count ran the search a
   * second time, half of the cost of a search by part of a name at a million files. A page past the
   * last match has no row to carry the count, and a page after a cursor counts only what follows
   * it; the total is then unknown.
   */
  Found page(
      UserId caller,
      boolean verified,
      FileQuery query,
      long limit,
      long offset,
      @Nullable FileCursor after,
      boolean count,
      Function<Version, Optional<FileView>> known) {
    var params = new HashMap<String, Object>();
    var filters = filters(query, params);
    if (after != null) {
      filters += " AND " + keyset(after, params);
    }
    var sources = sources(caller, verified, query, params);
    var order = orderBy(query.order());
    params.put("limit", limit);
    params.put("offset", offset);
    String sql;
    var counted = false;
    if (sources.size() > 1 && !query.narrowed() && offset + limit <= MERGED_DEPTH) {
      params.put("first", limit + offset);
      // each reason gives the ids and sort keys of its first rows; only the page's rows are read
      // whole, once, where merging whole rows had a file that two reasons give (one's own file,
      // visible to users) read and compared column by column twice
      var sorted = "id, " + query.order().column();
      var branches = new ArrayList<String>();
      for (var i = 0; i < sources.size(); i++) {
        branches.add(
            "SELECT * FROM (SELECT "
                + sorted
                + " FROM files WHERE "
                + filters
                + " AND "
                + sources.get(i)
                + " ORDER BY "
                + order
                + " LIMIT :first) AS seen"
                + i);
      }
      sql =
          "SELECT "
              + COLUMNS
              + " FROM files WHERE id IN (SELECT id FROM ("
              + String.join(" UNION ", branches)
              + ") AS visible ORDER BY "
              + order
              + " LIMIT :limit OFFSET :offset) ORDER BY "
              + order;
    } else {
      // after a cursor the statement sees only the matches after it: counted apart
      counted = count && query.narrowed() && after == null;
      sql =
          "SELECT "
              + COLUMNS
              + (counted ? ", COUNT(*) OVER ()" : "")
              + " FROM files WHERE "
              + filters
              + " AND ("
              + String.join(" OR ", query.narrowed() ? selecting(sources) : sources)
              + ") ORDER BY "
              + order
              + " LIMIT :limit OFFSET :offset";
    }
    var total = new long[] {-1};
    var withCount = counted;
    var listed =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, n) -> {
                  if (withCount) {
                    total[0] = rs.getLong(COUNT_COLUMN);
                  }
                  var version =
                      new Version(rs.getLong(1), rs.getLong(2), rs.getLong(DETAILS_COLUMN));
                  var view = known.apply(version);
                  return view.isPresent()
                      ? new Listed(version, view.get(), null)
                      : new Listed(version, null, row(rs));
                })
            .list();
    if (withCount && listed.isEmpty() && offset == 0) {
      total[0] = 0;
    }
    return new Found(listed, total[0] < 0 ? OptionalLong.empty() : OptionalLong.of(total[0]));
  }

  /** Those of the files the caller may see (see {@link VisibilityRule}), in no order. */
  List<FileRow> visibleByIds(UserId caller, boolean verified, Collection<Long> ids) {
    var params = new HashMap<String, Object>();
    var seen = VisibilityRule.seen(caller, !verified, params);
    params.put("ids", ids);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM files WHERE id IN (:ids) AND deleted_at IS NULL AND "
                + seen)
        .params(params)
        .query((rs, n) -> row(rs))
        .list();
  }

  /**
   * How many files the query finds. Without a search, a request or a share filter, the counts kept
   * by the database's triggers in file_counts and visible_file_counts answer, with the files shared
   * with the caller by name that they would not see otherwise: a few rows read, in one statement,
   * where a count of the table took seconds at a million files. Filtered lists select few files and
   * are counted.
   */
  long countVisible(UserId caller, boolean verified, FileQuery query) {
    var params = new HashMap<String, Object>();
    if (query.search() == null
        && query.request() == null
        && query.shared() == FileQuery.Shared.ANY) {
      params.put("me", caller.value());
      var own = "COALESCE((SELECT %s FROM file_counts WHERE owner_id = :me), 0)";
      if (query.mine() || !verified) {
        return jdbc.sql("SELECT " + own.formatted("files"))
            .params(params)
            .query(Long.class)
            .single();
      }
      params.put("users", Visibility.USERS.wire());
      return jdbc.sql(
              "SELECT (SELECT COALESCE(SUM(files), 0) FROM visible_file_counts) + "
                  + own.formatted("files - users_files")
                  + " + (SELECT COUNT(*) FROM files WHERE deleted_at IS NULL"
                  + " AND visibility <> :users AND owner_id <> :me AND id IN ("
                  + ShareRows.SHARED_WITH_ME
                  + "))")
          .params(params)
          .query(Long.class)
          .single();
    }
    var sources = sources(caller, verified, query, params);
    var where =
        filters(query, params)
            + " AND ("
            + String.join(" OR ", query.narrowed() ? selecting(sources) : sources)
            + ")";
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** What a file's content is: its name, where its blob is, the blob, its type and visibility. */
  record Content(String name, String store, StoredBlob blob, String type, Visibility visibility) {}

  /** A new file; {@code requestId} names the file request it came through, if it did. */
  long insert(UserId owner, Content content, @Nullable Long requestId, long now) {
    var blob = content.blob();
    return jdbc.sql(
            """
            INSERT INTO files (owner_id, name, name_key, store, blob_key, size, sha256,
                               content_type, visibility, created_at, updated_at, request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(owner.value(), content.name(), key(content.name()), content.store())
        .params(blob.key(), blob.size(), blob.sha256(), content.type(), content.visibility().wire())
        .params(now, now, requestId)
        .query(Long.class)
        .single();
  }

  /**
   * Points the row at new content, if the file is still its owner's, not in the trash, and still at
   * the content it had when read (the same blob and the same version number): a single statement,
   * so readers see either the old content or the new one. The new content gets the next version
   * number; {@code by} uploaded it at {@code at} (null: someone without an account).
   */
  boolean switchBlob(FileRow row, Content content, @Nullable Long by, long at, long now) {
    var blob = content.blob();
    return jdbc.sql(
                "UPDATE files SET store = ?, blob_key = ?, size = ?, sha256 = ?, content_type = ?,"
                    + " name = ?, name_key = ?, visibility = ?, version = ?, content_by = ?,"
                    + " content_at = ?, "
                    + NEXT_UPDATED_AT
                    + " WHERE id = ? AND owner_id = ? AND blob_key = ? AND version = ?"
                    + " AND deleted_at IS NULL")
            .params(content.store(), blob.key(), blob.size(), blob.sha256(), content.type())
            .params(content.name(), key(content.name()), content.visibility().wire())
            .params(row.version() + 1, by, at, now, now)
            .params(row.id(), row.ownerId(), row.blobKey(), row.version())
            .update()
        == 1;
  }

  /** Who owns the file, in the trash or not; empty once it is gone for good. */
  Optional<UserId> ownerOf(long id) {
    return jdbc.sql("SELECT owner_id FROM files WHERE id = ?")
        .param(id)
        .query(Long.class)
        .optional()
        .map(UserId::new);
  }

  @Override
  public String kind() {
    return "file";
  }

  boolean rename(FileRow row, String name, Visibility visibility, long now) {
    return jdbc.sql(
                "UPDATE files SET name = ?, name_key = ?, visibility = ?, "
                    + NEXT_UPDATED_AT
                    + " WHERE id = ? AND owner_id = ?")
            .params(name, key(name), visibility.wire(), now, now, row.id(), row.ownerId())
            .update()
        == 1;
  }

  /**
   * Moves the owner's file to the trash, if it is not there yet: one conditional statement, so of
   * two requests at once one moves it and the other finds it gone. {@code updated_at} stays: what
   * the file's view shows does not change.
   */
  boolean trash(FileRow row, long now) {
    return jdbc.sql(
                "UPDATE files SET deleted_at = ? WHERE id = ? AND owner_id = ?"
                    + " AND deleted_at IS NULL")
            .params(now, row.id(), row.ownerId())
            .update()
        == 1;
  }

  /** The owner's file, if it is in the trash. */
  Optional<FileRow> trashedById(long id, UserId owner) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM files WHERE id = ? AND owner_id = ? AND deleted_at IS NOT NULL")
        .params(id, owner.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** Brings the owner's file back from the trash, if it is still there. */
  boolean restore(long id, UserId owner) {
    return jdbc.sql(
                "UPDATE files SET deleted_at = NULL WHERE id = ? AND owner_id = ?"
                    + " AND deleted_at IS NOT NULL")
            .params(id, owner.value())
            .update()
        == 1;
  }

  /**
   * The owner's trash, newest deleted first, from just after {@code after}, at most {@code limit};
   * one range of the index {@code files_trash}.
   */
  List<FileRow> trashPage(UserId owner, TrashCursor after, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM files WHERE owner_id = ? AND deleted_at IS NOT NULL"
                + " AND (deleted_at < ? OR (deleted_at = ? AND id < ?))"
                + " ORDER BY deleted_at DESC, id DESC LIMIT ?")
        .params(owner.value(), after.deletedAt(), after.deletedAt(), after.id(), limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  /** Moves every file of the owner that is not in the trash to it. */
  void trashAllOf(UserId owner, long now) {
    jdbc.sql("UPDATE files SET deleted_at = ? WHERE owner_id = ? AND deleted_at IS NULL")
        .params(now, owner.value())
        .update();
  }

  /** Gives every file of {@code from}, in the trash too, to {@code heir}; how many. */
  int handOver(UserId from, UserId heir) {
    return jdbc.sql("UPDATE files SET owner_id = ? WHERE owner_id = ?")
        .params(heir.value(), from.value())
        .update();
  }

  /** Up to {@code limit} of the owner's files in the trash, oldest deleted first. */
  List<Long> trashed(UserId owner, int limit) {
    return jdbc.sql(
            "SELECT id FROM files WHERE owner_id = ? AND deleted_at IS NOT NULL"
                + " ORDER BY deleted_at, id LIMIT ?")
        .params(owner.value(), limit)
        .query(Long.class)
        .list();
  }

  /** Up to {@code limit} files that went to the trash at or before {@code cutoff}, oldest first. */
  List<Long> trashedBefore(long cutoff, int limit) {
    return jdbc.sql(
            "SELECT id FROM files WHERE deleted_at IS NOT NULL AND deleted_at <= ?"
                + " ORDER BY deleted_at, id LIMIT ?")
        .params(cutoff, limit)
        .query(Long.class)
        .list();
  }

  /**
   * Claims, for removal in the caller's transaction, those of the files that are in the trash (the
   * owner's, when given) since {@code cutoff} or earlier: a statement that changes nothing but
   * locks the rows, so that no restore and no other node's removal can come between it and {@link
   * #purge}. Answers the ids claimed.
   */
  List<Long> claimTrashed(Collection<Long> ids, Optional<UserId> owner, long cutoff) {
    var params = new HashMap<String, Object>();
    params.put("ids", ids);
    params.put("cutoff", cutoff);
    var mine = "";
    if (owner.isPresent()) {
      // "+" keeps SQLite (which has no statistics) from reading the owner's whole trash in
      // files_trash instead of looking the ids up by primary key
      mine = " AND +owner_id = :owner";
      params.put("owner", owner.get().value());
    }
    return jdbc.sql(
            "UPDATE files SET deleted_at = deleted_at WHERE id IN (:ids)"
                + " AND deleted_at IS NOT NULL AND deleted_at <= :cutoff"
                + mine
                + " RETURNING id")
        .params(params)
        .query(Long.class)
        .list();
  }

  /** A file removed for good: whose it was, its name, and where its blob is. */
  record Purged(long id, long ownerId, String name, BlobRef blob, long size) {}

  /**
   * Removes files in the trash for good, in the caller's transaction (their versions go with them),
   * and answers those removed: a file another node removed first is not in the answer.
   */
  List<Purged> purge(Collection<Long> ids) {
    return jdbc.sql(
            "DELETE FROM files WHERE id IN (:ids) AND deleted_at IS NOT NULL"
                + " RETURNING id, owner_id, name, store, blob_key, size")
        .param("ids", ids)
        .query(
            (rs, n) ->
                new Purged(
                    rs.getLong(1),
                    rs.getLong(2),
                    text(rs, 3),
                    new BlobRef(text(rs, 4), text(rs, 5)),
                    rs.getLong(6)))
        .list();
  }

  /**
   * Whether a file or a version of one refers to the blob: one statement, so a blob that a restore
   * or a replace moves between the two tables at that moment is seen in one of them.
   */
  @Override
  public boolean references(String store, String blobKey) {
    return jdbc.sql(
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM files WHERE blob_key = ? AND store = ?)"
                    + " OR EXISTS ("
                    + VersionRows.REFERS_TO_BLOB
                    + ") THEN 1 ELSE 0 END")
            .params(blobKey, store, blobKey, store)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public List<Located> inStore(String store, long afterId, long lastId, int limit) {
    return jdbc.sql(
            "SELECT id, store, blob_key, size, sha256 FROM files"
                + " WHERE store = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?")
        .params(store, afterId, lastId, limit)
        .query(
            (rs, n) ->
                new Located(rs.getLong(1), text(rs, 2), text(rs, 3), rs.getLong(4), text(rs, 5)))
        .list();
  }

  /** Files outside the trash after {@code afterId}, by id (see {@link FileLookup#live}). */
  List<FileLookup.Live> live(long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, sha256 FROM files WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?")
        .params(afterId, limit)
        .query((rs, n) -> new FileLookup.Live(rs.getLong(1), text(rs, 2)))
        .list();
  }

  @Override
  public long lastId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM files").query(Long.class).single();
  }

  @Override
  public Map<String, Long> countByStore() {
    var counts = new HashMap<String, Long>();
    jdbc.sql("SELECT store, COUNT(*) FROM files GROUP BY store")
        .query(
            rs -> {
              counts.put(text(rs, 1), rs.getLong(2));
            });
    return counts;
  }

  /**
   * Counts one more change of the file's details ({@link FileDetail}): a view kept under the count
   * before is not used again. Leaves {@code updated_at} alone, which is the file's own.
   */
  void detailsChanged(long id) {
    jdbc.sql("UPDATE files SET details_changes = details_changes + 1 WHERE id = ?")
        .params(id)
        .update();
  }

  /** Touches neither {@code updated_at} nor anything else a view shows (see {@link Located}). */
  @Override
  public boolean move(long id, String fromStore, String fromKey, String toStore, String toKey) {
    return jdbc.sql(
                "UPDATE files SET store = ?, blob_key = ? WHERE id = ? AND store = ? AND blob_key = ?")
            .params(toStore, toKey, id, fromStore, fromKey)
            .update()
        == 1;
  }

  /**
   * The reasons the caller may see a file that the query keeps, as conditions on the files table; a
   * file is listed if one holds.
   */
  private static List<String> sources(
      UserId caller, boolean verified, FileQuery query, Map<String, Object> params) {
    params.put("me", caller.value());
    return switch (query.shared()) {
      case WITH_ME ->
          List.of(query.mine() || !verified ? "1 = 0" : "id IN (" + ShareRows.SHARED_WITH_ME + ")");
      case BY_ME -> List.of("owner_id = :me AND id IN (" + ShareRows.SHARED_BY_ME + ")");
      case ANY -> VisibilityRule.reasons(caller, query.mine() || !verified, params);
    };
  }

  /**
   * The conditions of who may see a file, as a filter of the files a search or a request found: on
   * SQLite a unary {@code +} keeps an index on visibility or owner from being chosen to drive the
   * query (its planner, without statistics, read every file visible to users and tested each
   * against the matches: seconds at a million files).
   */
  private List<String> selecting(List<String> sources) {
    if (database != DatabaseKind.SQLITE) {
      return sources;
    }
    return sources.stream().map(s -> s.replaceFirst("^(visibility|owner_id) ", "+$1 ")).toList();
  }

  /** Not in the trash, and what the query asks for besides who may see the file. */
  private String filters(FileQuery query, Map<String, Object> params) {
    var where = new StringBuilder("deleted_at IS NULL");
    var request = query.request();
    if (request != null) {
      where.append(" AND request_id = :request");
      params.put("request", request);
    }
    var search = query.search();
    if (search != null && !search.isEmpty()) {
      // one set of ids: an OR of a name condition and an IN made PostgreSQL read every file
      var matches = new ArrayList<String>();
      matches.add(byName(key(search), params));
      content.forEach(c -> c.fileIds(search, params).ifPresent(matches::add));
      where.append(" AND id IN (").append(String.join(" UNION ", matches)).append(')');
    }
    return where.toString();
  }

  /**
   * The ids of the files whose names contain the text, through an index of their trigrams: SQLite's
   * FTS5 table file_names, where three characters or more are a phrase of trigrams, or PostgreSQL's
   * pg_trgm index, which LIKE uses. Shorter texts have no trigram and are looked for in every name.
   */
  private String byName(String text, Map<String, Object> params) {
    if (database == DatabaseKind.SQLITE && text.codePointCount(0, text.length()) >= 3) {
      params.put("name_phrase", "\"" + text.replace("\"", "\"\"") + "\"");
      return "SELECT rowid FROM file_names WHERE file_names MATCH :name_phrase";
    }
    params.put("pattern", "%" + escapeLike(text) + "%");
    return "SELECT id FROM files WHERE name_key LIKE :pattern ESCAPE '\\'";
  }

  /** The files after the cursor in its order; ties go by id, in the same direction. */
  private static String keyset(FileCursor after, Map<String, Object> params) {
    params.put("after_key", after.value());
    params.put("after_id", after.id());
    var order = after.order();
    return "("
        + order.column()
        + ", id) "
        + (order.descending() ? "<" : ">")
        + " (:after_key, :after_id)";
  }

  private static String orderBy(FileQuery.Order order) {
    return switch (order) {
      case NAME -> "name_key ASC, id ASC";
      case NAME_DESC -> "name_key DESC, id DESC";
      case OLDEST -> "created_at ASC, id ASC";
      case NEWEST -> "created_at DESC, id DESC";
      case SMALLEST -> "size ASC, id ASC";
      case LARGEST -> "size DESC, id DESC";
    };
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
