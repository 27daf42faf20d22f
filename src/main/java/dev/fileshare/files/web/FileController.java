package dev.fileshare.files.web;

import dev.fileshare.files.FileService;
import dev.fileshare.shared.AuthenticatedUser;
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
  private final AnswerFactory answers;

  FileController(FileService files, AnswerFactory answers) {
    this.files = files;
    this.answers = answers;
  }

  /**
   * The original's plain array (the first {@value ListParams#MAX} in the chosen order, with a
   * {@code Link} to the rest), or DRF's page envelope when {@code limit} or {@code offset} is
   * given.
   */
  @GetMapping("/api/files")
  ResponseEntity<?> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String search,
      @RequestParam(required = false) String ordering,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset) {
    var params = ListParams.of(owner, search, ordering, limit, offset);
    if (params.paged()) {
      return ResponseEntity.ok(page(user, params));
    }
    var found = files.list(user, params.query(), ListParams.MAX + 1);
    var response = ResponseEntity.ok();
    if (found.size() > ListParams.MAX) {
      var next =
          answers.list(new ListParams(params.query(), ListParams.MAX, 0).queryFrom(ListParams.MAX));
      response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
      found = found.subList(0, ListParams.MAX);
    }
    return response.body(answers.of(found));
  }

  @GetMapping("/api/all_files")
  FileAnswer.AllFiles all(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String search,
      @RequestParam(required = false) String ordering) {
    var params = ListParams.of(owner, search, ordering, null, null);
    return new FileAnswer.AllFiles(answers.of(files.list(user, params.query(), ListParams.MAX)));
  }

  @GetMapping("/api/files/{id}")
  FileAnswer get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    return answers.of(files.get(user, Ids.parse(id)));
  }

  @DeleteMapping("/api/files/{id}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    files.delete(user, Ids.parse(id));
    return ResponseEntity.noContent().build();
  }

  private FileAnswer.Page page(AuthenticatedUser user, ListParams params) {
    var page = files.page(user, params.query(), params.limit(), params.offset());
    var end = params.offset() + params.limit();
    var next = end < page.count() ? answers.list(params.queryFrom(end)) : null;
    var previous =
        params.offset() > 0
            ? answers.list(params.queryFrom(Math.max(0, params.offset() - params.limit())))
            : null;
    return new FileAnswer.Page(page.count(), next, previous, answers.of(page.files()));
  }
}
