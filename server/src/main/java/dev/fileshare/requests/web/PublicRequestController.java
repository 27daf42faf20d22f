package dev.fileshare.requests.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.platform.Paging;
import dev.fileshare.requests.PublicRequest;
import dev.fileshare.requests.PublicRequestService;
import dev.fileshare.requests.Receipt;
import dev.fileshare.requests.RequestVerification;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What a request's link opens, as JSON under {@code /api/r/<token>/}: the request, a visit (with
 * the password if one is needed), the code that proves a named uploader's address, a file sent
 * whole as the body, and the files of this visit. Large files go through tus ({@link
 * RequestTusController}).
 */
@RestController
class PublicRequestController {

  private final PublicRequestService requests;
  private final RequestVerification verification;
  private final Clock clock;

  PublicRequestController(
      PublicRequestService requests, RequestVerification verification, Clock clock) {
    this.requests = requests;
    this.verification = verification;
    this.clock = clock;
  }

  /** The answer to asking for a code: the same whether or not the address may send files. */
  record Asked(String message, @JsonProperty("code_valid_seconds") long codeValidSeconds) {}

  @GetMapping("/api/r/{token}")
  ResponseEntity<RequestAnswer.Public> open(
      @PathVariable String token, HttpServletRequest request) {
    return noStore(
        ResponseEntity.ok(), RequestAnswer.Public.of(requests.open(token, Guests.of(request))));
  }

  @PostMapping("/api/r/{token}/visits")
  ResponseEntity<RequestAnswer.Visit> visit(
      @PathVariable String token,
      @RequestBody(required = false) @Nullable JsonNode body,
      HttpServletRequest request) {
    var visit = requests.startVisit(token, RequestForm.password(body), Guests.of(request));
    var age = Duration.between(clock.instant(), visit.expires());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(
            HttpHeaders.SET_COOKIE, Guests.cookie(token, visit.secret(), age, request.isSecure()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new RequestAnswer.Visit(visit.secret(), visit.expires()));
  }

  /** Mails a code to the address, in the caller's visit, if the request allows it; alike if not. */
  @PostMapping("/api/r/{token}/code")
  ResponseEntity<Asked> code(
      @PathVariable String token,
      @RequestBody(required = false) @Nullable JsonNode body,
      HttpServletRequest request) {
    verification.ask(token, RequestForm.field(body, "address"), Guests.of(request));
    var minutes = Math.max(1, verification.codeValidFor().toMinutes());
    var message =
        "If this address may send files here, a code is on its way to it. It is valid for "
            + minutes
            + (minutes == 1 ? " minute." : " minutes.");
    return ResponseEntity.accepted()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new Asked(message, verification.codeValidFor().toSeconds()));
  }

  /** The code makes the caller's visit hold the address; answers the request as it now shows. */
  @PostMapping("/api/r/{token}/verify")
  ResponseEntity<RequestAnswer.Public> verify(
      @PathVariable String token,
      @RequestBody(required = false) @Nullable JsonNode body,
      HttpServletRequest request) {
    var opened =
        verification.verify(
            token,
            RequestForm.field(body, "address"),
            RequestForm.field(body, "code"),
            Guests.of(request));
    return noStore(ResponseEntity.ok(), RequestAnswer.Public.of(opened));
  }

  @GetMapping("/api/r/{token}/files")
  ResponseEntity<List<RequestAnswer.Sent>> mine(
      @PathVariable String token, HttpServletRequest request) {
    var sent = requests.mine(token, Guests.of(request)).stream().map(this::sent).toList();
    return noStore(ResponseEntity.ok(), sent);
  }

  @GetMapping("/api/r/{token}/files/{id}")
  ResponseEntity<RequestAnswer.Sent> one(
      @PathVariable String token, @PathVariable String id, HttpServletRequest request) {
    var fileId = Paging.id(id);
    var sent =
        requests.mine(token, Guests.of(request)).stream()
            .filter(r -> r.file() == fileId)
            .findFirst()
            .map(this::sent)
            .orElseThrow(dev.fileshare.shared.ApiException::notFound);
    return noStore(ResponseEntity.ok(), sent);
  }

  /**
   * One file as the body ({@code Content-Type: application/pdf}), its name in {@code ?name=}, the
   * uploader's in {@code ?uploader_name=} and {@code ?uploader_email=}.
   */
  @PostMapping("/api/r/{token}/files")
  ResponseEntity<RequestAnswer.Sent> upload(
      @PathVariable String token,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(name = "uploader_name", defaultValue = "") String uploaderName,
      @RequestParam(name = "uploader_email", defaultValue = "") String uploaderEmail,
      HttpServletRequest request)
      throws IOException {
    var from = new PublicRequest.From(uploaderName, uploaderEmail);
    var receipt =
        requests.receive(
            token,
            Guests.of(request),
            from,
            request.getInputStream(),
            request.getContentLengthLong(),
            name);
    return ResponseEntity.created(URI.create("/api/r/" + token + "/files/" + receipt.file()))
        .body(sent(receipt));
  }

  private RequestAnswer.Sent sent(Receipt receipt) {
    return new RequestAnswer.Sent(
        receipt.file(), receipt.name(), receipt.size(), receipt.received());
  }

  private static <T> ResponseEntity<T> noStore(ResponseEntity.BodyBuilder answer, T body) {
    return answer.header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
  }
}
