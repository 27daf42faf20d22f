package dev.fileshare.requests.web;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.requests.FileRequest;
import dev.fileshare.requests.RequestProblems;
import dev.fileshare.requests.RequestService;
import dev.fileshare.shared.ApiException;
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

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

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
    var max = limit(limit);
    var found = requests.mine(user, before(before), max);
    return page(found, max, "/api/requests/", FileRequest::id, this::answer);
  }

  @GetMapping("/api/requests/{id}")
  RequestAnswer get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    return answer(requests.get(user, id(id)));
  }

  @PatchMapping("/api/requests/{id}")
  RequestAnswer update(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestBody(required = false) @Nullable JsonNode body) {
    return answer(requests.update(user, id(id), RequestForm.changes(body)));
  }

  @DeleteMapping("/api/requests/{id}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    requests.delete(user, id(id));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/requests/{id}/uploads")
  ResponseEntity<List<RequestAnswer.Upload>> uploads(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var requestId = id(id);
    var max = limit(limit);
    var found = requests.uploads(user, requestId, before(before), max);
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
      response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return response.body(found.stream().map(answer).toList());
  }

  private static long before(@Nullable String text) {
    return text == null ? Long.MAX_VALUE : number("before", text, 1, Long.MAX_VALUE);
  }

  private static int limit(@Nullable String text) {
    return text == null ? DEFAULT_LIMIT : (int) number("limit", text, 1, MAX_LIMIT);
  }

  private static long number(String name, String text, long min, long max) {
    try {
      var value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw RequestProblems.invalid(
        name, name + " must be a whole number from " + min + " to " + max + ".");
  }

  /** Ids in paths: positive integers; anything else is something that does not exist. */
  static long id(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.notFound();
    }
    return Long.parseLong(text);
  }
}
