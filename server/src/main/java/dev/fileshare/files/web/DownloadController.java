package dev.fileshare.files.web;

import dev.fileshare.files.FileService;
import dev.fileshare.files.web.download.DownloadWriter;
import dev.fileshare.shared.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** Downloads, with a token: the only way to a file's bytes. */
@RestController
class DownloadController {

  private final FileService files;
  private final DownloadWriter writer;

  DownloadController(FileService files, DownloadWriter writer) {
    this.files = files;
    this.writer = writer;
  }

  @RequestMapping(
      path = "/api/download/{id}",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void download(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    writer.write(request, response, files.content(user, Ids.parse(id)));
  }
}
