package dev.fileshare.files.web;

import dev.fileshare.files.FileView;
import dev.fileshare.platform.FileShareSettings;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds answers and the links in them from the public URL, never from the request's Host. */
@Component
class AnswerFactory {

  private final FileShareSettings settings;
  private final String downloads;

  AnswerFactory(FileShareSettings settings) {
    this.settings = settings;
    this.downloads = settings.link("/api/download/");
  }

  FileAnswer of(FileView file) {
    return new FileAnswer(
        file.id(),
        downloads + file.id() + "/",
        file.name(),
        file.size(),
        file.contentType(),
        file.sha256(),
        file.owner(),
        file.visibility().wire(),
        file.created(),
        file.updated());
  }

  List<FileAnswer> of(List<FileView> files) {
    return files.stream().map(this::of).toList();
  }

  String location(FileView file) {
    return settings.link("/api/files/" + file.id() + "/");
  }

  /** A link to the file list with these query parameters ({@code "a=1&b=2"}, already encoded). */
  String list(String query) {
    return settings.link("/api/files/" + (query.isEmpty() ? "" : "?" + query));
  }
}
