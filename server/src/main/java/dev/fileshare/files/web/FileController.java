package dev.fileshare.files.web;

import dev.fileshare.files.FileCursor;
import dev.fileshare.files.FileService;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.AuthenticatedUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Listing, reading and deleting files. Uploads and changes are in {@link UploadController}. */
@RestController
class FileController {

  private final FileService files;
  private final FileUrlBuilder urls;

  FileController(FileService files, FileUrlBuilder urls) {
    this.files = files;
    this.urls = urls;
  }

  /**
   * The original's plain array (the first {@value ListParams#MAX} in the chosen order, with a
   * {@code Link} to the rest), DRF's page envelope when {@code limit} or {@code offset} is given,
   * or, from a {@code cursor} (empty for the first page), a plain array of the files after it with
   * a {@code Link} to the next one.
   */
  @GetMapping("/api/files")
  ResponseEntity<?> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable String shared,
      @RequestParam(required = false) @Nullable String request,
      @RequestParam(required = false) @Nullable String search,
      @RequestParam(required = false) @Nullable String ordering,
      @RequestParam(required = false) @Nullable String limit,
      @RequestParam(required = false) @Nullable String offset,
      @RequestParam(required = false) @Nullable String cursor) {
    var params = ListParams.of(owner, shared, request, search, ordering, limit, offset, cursor);
    if (params.mode() == ListParams.Mode.ENVELOPE) {
      return ResponseEntity.ok(page(user, params));
    }
    var size = params.size();
    var found = files.list(user, params.query(), size + 1, params.after());
    var response = ResponseEntity.ok();
    if (found.size() > size) {
      found = found.subList(0, size);
      var next = FileCursor.after(params.query().order(), found.get(size - 1));
      response.header(HttpHeaders.LINK, Paging.nextLink(urls.list(params.queryAfter(next))));
    }
    return response.body(FileAnswer.of(found, urls));
  }

  @GetMapping("/api/all_files")
  FileAnswer.AllFiles all(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable String shared,
      @RequestParam(required = false) @Nullable String request,
      @RequestParam(required = false) @Nullable String search,
      @RequestParam(required = false) @Nullable String ordering) {
    var params = ListParams.of(owner, shared, request, search, ordering, null, null, null);
    return new FileAnswer.AllFiles(
        FileAnswer.of(files.list(user, params.query(), ListParams.MAX, null), urls));
  }

  @GetMapping("/api/files/{id}")
  FileAnswer get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    return FileAnswer.of(files.get(user, Ids.parse(id)), urls);
  }

  @DeleteMapping("/api/files/{id}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    files.delete(user, Ids.parse(id));
    return ResponseEntity.noContent().build();
  }

  /**
   * DRF's page. Its {@code next} also names the page's last file as a cursor, so a client that
   * follows {@code next} is given each page through the indexes at the cost of the first, however
   * deep: an offset alone is a walk over every file before it. A search or a request sorts its few
   * matches whatever the offset, and counts them in the same statement, which a cursor would not
   * let it do: its {@code next} keeps the offset alone.
   */
  private FileAnswer.Page page(AuthenticatedUser user, ListParams params) {
    var query = params.query();
    var page = files.page(user, query, params.limit(), params.offset(), params.after());
    var end = params.offset() + params.limit();
    String next = null;
    if (end < page.count()) {
      var found = page.files();
      var last =
          query.narrowed() || found.isEmpty()
              ? null
              : FileCursor.after(query.order(), found.get(found.size() - 1));
      next = urls.list(params.queryFrom(end, last));
    }
    var previous =
        params.offset() > 0
            ? urls.list(params.queryFrom(Math.max(0, params.offset() - params.limit())))
            : null;
    return new FileAnswer.Page(page.count(), next, previous, FileAnswer.of(page.files(), urls));
  }
}
