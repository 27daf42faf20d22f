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
 * the views it made, keyed by {@code (id, updated_at)}: every change a caller can see moves {@code
 * updated_at} ({@link FileRows#NEXT_UPDATED_AT}) and ids are never reused, so a remembered view is
 * exactly what the row says now, on any node. A row whose version is known is read no further than
 * those two columns; decoding the text of 50 rows was the largest part of a list's database time.
 */
@Component
class FileListCache {

  /** About 300 bytes each: a few MiB at most. */
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

  /** As {@link #visible}, from an offset, counting the matches of a search or a request. */
  Counted visibleCounted(
      UserId caller, boolean verified, FileQuery query, long limit, long offset) {
    var page = read(caller, verified, query, limit, offset, null, true);
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
    var made = views.ofWithoutDetails(unknown).iterator();
    var result = new ArrayList<FileView>(page.size());
    for (var listed : page) {
      var view = listed.view();
      if (view == null) {
        view = made.next();
        known.put(listed.version(), view);
      }
      result.add(view);
    }
    return views.withDetails(result);
  }
}
