package dev.fileshare.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fileshare.files.FileRows.Listed;
import dev.fileshare.files.FileRows.Version;
import dev.fileshare.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Pages of the files a caller may see, as views, read through {@link FileRows}. Each node remembers
 * the views it made, details included, keyed by {@code (id, updated_at, details_changes)}: every
 * change a caller can see moves {@code updated_at} ({@link FileRows#NEXT_UPDATED_AT}), every change
 * of a detail moves {@code details_changes} ({@link DetailChangeRecorder}), and ids are never
 * reused, so a remembered view is exactly what the rows say now, on any node. A row whose version
 * is known is read no further than those three columns; decoding the text of 50 rows was the
 * largest part of a list's database time, and reading and parsing their details (two more
 * statements and each document's facts as JSON) cost nine tenths of a list's time once it was not.
 */
@Component
class FileListCache {

  /** About 1 KiB each with a document's details: about 10 MiB at most. */
  private static final int MAX_REMEMBERED = 10_000;

  private final FileRows rows;
  private final FileViewFactory views;
  private final Cache<Version, FileView> known =
      Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

  FileListCache(FileRows rows, FileViewFactory views) {
    this.rows = rows;
    this.views = views;
  }

  /**
   * The files the caller may see, in the query's order, after the cursor if there is one, from
   * {@code offset}, at most {@code limit}.
   */
  List<FileView> visible(
      UserId caller,
      boolean verified,
      FileQuery query,
      long limit,
      long offset,
      @Nullable FileCursor after) {
    return resolve(read(caller, verified, query, limit, offset, after, false).listed());
  }

  /** A page of views, and how many files the query finds if its statement counted them. */
  record Counted(List<FileView> views, OptionalLong total) {}

  /** As {@link #visible}, counting the matches of a search or a request. */
  Counted visibleCounted(
      UserId caller,
      boolean verified,
      FileQuery query,
      long limit,
      long offset,
      @Nullable FileCursor after) {
    var page = read(caller, verified, query, limit, offset, after, true);
    return new Counted(resolve(page.listed()), page.total());
  }

  private FileRows.Found read(
      UserId caller,
      boolean verified,
      FileQuery query,
      long limit,
      long offset,
      @Nullable FileCursor after,
      boolean count) {
    return rows.page(
        caller,
        verified,
        query,
        limit,
        offset,
        after,
        count,
        version -> Optional.ofNullable(known.getIfPresent(version)));
  }

  /** The views of the page, in order; those not known yet are made (in one batch) and kept. */
  private List<FileView> resolve(List<Listed> page) {
    var unknown = page.stream().map(Listed::row).filter(Objects::nonNull).toList();
    var made = views.of(unknown).iterator();
    var result = new ArrayList<FileView>(page.size());
    for (var listed : page) {
      var view = listed.view();
      if (view == null) {
        view = made.next();
        known.put(listed.version(), view);
      }
      result.add(view);
    }
    return result;
  }
}
