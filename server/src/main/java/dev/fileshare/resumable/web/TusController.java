package dev.fileshare.resumable.web;

import dev.fileshare.files.FileView;
import dev.fileshare.files.web.FileAnswer;
import dev.fileshare.files.web.FileUrlBuilder;
import dev.fileshare.resumable.Uploader;
import dev.fileshare.shared.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own resumable uploads at {@code /api/uploads/}, with the same token as the
 * rest of the API (the protocol is {@link TusEndpoint}'s); a finished upload is named as {@code GET
 * /api/files/{id}/} answers it.
 */
@RestController
class TusController implements TusEndpoint.Finished {

  private static final String BASE = "/api/uploads/";

  private final TusEndpoint tus;
  private final FileUrlBuilder urls;

  TusController(TusEndpoint tus, FileUrlBuilder urls) {
    this.tus = tus;
    this.urls = urls;
  }

  @Override
  public String url(FileView file) {
    return urls.file(file.id());
  }

  @Override
  public Object json(FileView file) {
    return FileAnswer.withUrl(file, urls);
  }

  @RequestMapping(
      path = {"/api/uploads", "/api/uploads/{id}"},
      method = RequestMethod.OPTIONS)
  ResponseEntity<Void> options() {
    return tus.options();
  }

  @PostMapping("/api/uploads")
  ResponseEntity<?> create(
      @AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request)
      throws IOException {
    return tus.create(Uploader.signedIn(user), BASE, request, this);
  }

  @RequestMapping(path = "/api/uploads/{id}", method = RequestMethod.HEAD)
  ResponseEntity<Void> head(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request)
      throws IOException {
    return tus.head(Uploader.signedIn(user), id, request, this);
  }

  @PatchMapping("/api/uploads/{id}")
  ResponseEntity<?> patch(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request)
      throws IOException {
    return tus.patch(Uploader.signedIn(user), id, request, this);
  }

  @DeleteMapping("/api/uploads/{id}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request) {
    return tus.delete(Uploader.signedIn(user), id, request);
  }
}
