package dev.fileshare.files.web;

import dev.fileshare.files.FileProblems;
import dev.fileshare.files.FileService;
import dev.fileshare.files.UploadService;
import dev.fileshare.files.web.multipart.UploadStager;
import dev.fileshare.shared.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads and changes. The body is read here, as a stream, and never by Spring or the servlet
 * container ({@code spring.servlet.multipart.enabled=false}); who may upload, and whether a new
 * file's announced length fits in the quota, is checked before.
 */
@RestController
class UploadController {

  private final UploadService uploads;
  private final FileService files;
  private final UploadParser parser;
  private final FileUrlBuilder urls;

  UploadController(
      UploadService uploads, FileService files, UploadParser parser, FileUrlBuilder urls) {
    this.uploads = uploads;
    this.files = files;
    this.parser = parser;
    this.urls = urls;
  }

  @PostMapping("/api/files")
  ResponseEntity<FileAnswer> upload(
      @AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request)
      throws IOException {
    uploads.checkMayCreate(user);
    var owner = user.userId();
    uploads.checkRoom(owner, parser.announcedFileBytes(request), uploads.maxBytes());
    UploadStager stager =
        (content, name) -> uploads.stage(owner, content, name, uploads.maxBytes());
    try (var form = parser.parse(request, true, stager)) {
      var staged = form.file().orElseThrow(FileProblems::missing);
      var file = uploads.create(user, staged, form.changes());
      return ResponseEntity.created(URI.create(urls.file(file.id())))
          .body(FileAnswer.of(file, urls));
    }
  }

  /** PUT replaces the content (a file is required); PATCH changes what it carries. */
  @RequestMapping(
      path = "/api/files/{id}",
      method = {RequestMethod.PUT, RequestMethod.PATCH})
  FileAnswer change(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request)
      throws IOException {
    var fileId = Ids.parse(id);
    var put = "PUT".equals(request.getMethod());
    if (put || parser.mayCarryFile(request)) {
      uploads.checkMayReplace(user, fileId);
    }
    try (var form = parser.parse(request, false, uploads::stage)) {
      if (form.file().isPresent()) {
        return FileAnswer.of(
            uploads.replace(user, fileId, form.file().get(), form.changes()), urls);
      }
      if (put) {
        throw FileProblems.missing();
      }
      return FileAnswer.of(files.update(user, fileId, form.changes()), urls);
    }
  }
}
