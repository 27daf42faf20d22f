package dev.fileshare.requests.web;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.platform.Paging;
import dev.fileshare.requests.FileRequest;
import dev.fileshare.requests.RequestService;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The owner's request endpoints: make a request, list them (newest first, with a {@code Link} to
 * the next page), read, change (close and reopen with {@code closed}) and delete one, and list the
 * files one received with who sent them.
 */
@RestController
class RequestController {

  private final RequestService requests;
  private final FileShareSettings settings;

  RequestController(RequestService requests, FileShareSettings settings) {
    this.requests = requests;
    this.settings = settings;
  }

  @PostMapping("/api/requests")
  ResponseEntity<RequestAnswer> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestBody(required = false) @Nullable JsonNode body) {
    var request = requests.create(user, RequestForm.changes(body));
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, settings.link("/api/requests/" + request.id() + "/"))
        .body(answer(request));
  }

  @GetMapping("/api/requests")
  ResponseEntity<List<RequestAnswer>> mine(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var max = paging.limit();
    var found = requests.mine(user, paging.before(), max);
    return page(found, max, "/api/requests/", FileRequest::id, this::answer);
  }

  @GetMapping("/api/requests/{id}")
  RequestAnswer get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    return answer(requests.get(user, Paging.id(id)));
  }

  @PatchMapping("/api/requests/{id}")
  RequestAnswer update(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestBody(required = false) @Nullable JsonNode body) {
    return answer(requests.update(user, Paging.id(id), RequestForm.changes(body)));
  }

  @DeleteMapping("/api/requests/{id}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    requests.delete(user, Paging.id(id));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/requests/{id}/uploads")
  ResponseEntity<List<RequestAnswer.Upload>> uploads(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var requestId = Paging.id(id);
    var paging = Paging.of(before, limit);
    var max = paging.limit();
    var found = requests.uploads(user, requestId, paging.before(), max);
    return page(
        found,
        max,
        "/api/requests/" + requestId + "/uploads/",
        r -> r.id(),
        RequestAnswer.Upload::of);
  }

  private RequestAnswer answer(FileRequest request) {
    return RequestAnswer.of(request, settings.link("/r/" + request.token()));
  }

  private <T, A> ResponseEntity<List<A>> page(
      List<T> found, int limit, String path, Function<T, Long> id, Function<T, A> answer) {
    var response = ResponseEntity.ok();
    if (found.size() == limit) {
      var last = id.apply(found.get(found.size() - 1));
      var next = settings.link(path + "?before=" + last + "&limit=" + limit);
      response.header(HttpHeaders.LINK, Paging.nextLink(next));
    }
    return response.body(found.stream().map(answer).toList());
  }
}
