package dev.fileshare.requests.web;

import dev.fileshare.files.FileView;
import dev.fileshare.requests.PublicRequestService;
import dev.fileshare.resumable.Uploader;
import dev.fileshare.resumable.web.TusEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads into a request at {@code /api/r/<token>/uploads/}: tus 1.0 as at {@code
 * /api/uploads/}, for the visit the caller shows. The uploader's name and address go in the
 * metadata as {@code uploader_name} and {@code uploader_email}; a finished upload is named as
 * {@code GET /api/r/<token>/files/<id>} answers it.
 */
@RestController
class RequestTusController {

  private final PublicRequestService requests;
  private final TusEndpoint tus;

  RequestTusController(PublicRequestService requests, TusEndpoint tus) {
    this.requests = requests;
    this.tus = tus;
  }

  @RequestMapping(
      path = {"/api/r/{token}/uploads", "/api/r/{token}/uploads/{id}"},
      method = RequestMethod.OPTIONS)
  ResponseEntity<Void> options() {
    return tus.options();
  }

  @PostMapping("/api/r/{token}/uploads")
  ResponseEntity<?> create(@PathVariable String token, HttpServletRequest request)
      throws IOException {
    return tus.create(uploader(token, request), base(token), request, finished(token));
  }

  @RequestMapping(path = "/api/r/{token}/uploads/{id}", method = RequestMethod.HEAD)
  ResponseEntity<Void> head(
      @PathVariable String token, @PathVariable String id, HttpServletRequest request)
      throws IOException {
    return tus.head(uploader(token, request), id, request, finished(token));
  }

  @PatchMapping("/api/r/{token}/uploads/{id}")
  ResponseEntity<?> patch(
      @PathVariable String token, @PathVariable String id, HttpServletRequest request)
      throws IOException {
    return tus.patch(uploader(token, request), id, request, finished(token));
  }

  @DeleteMapping("/api/r/{token}/uploads/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String token, @PathVariable String id, HttpServletRequest request) {
    return tus.delete(uploader(token, request), id, request);
  }

  private Uploader uploader(String token, HttpServletRequest request) {
    return Uploader.to(requests.target(token, Guests.of(request)));
  }

  private static String base(String token) {
    return "/api/r/" + token + "/uploads/";
  }

  private static TusEndpoint.Finished finished(String token) {
    return new TusEndpoint.Finished() {
      @Override
      public String url(FileView file) {
        return "/api/r/" + token + "/files/" + file.id();
      }

      @Override
      public Object json(FileView file) {
        return new RequestAnswer.Sent(file.id(), file.name(), file.size(), file.created());
      }
    };
  }
}
