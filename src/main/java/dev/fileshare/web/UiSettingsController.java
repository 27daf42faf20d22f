package dev.fileshare.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.files.FilesSettings;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the upload screen needs to know before it sends a byte: the size limit and the accepted
 * types, so that a file that would be refused is refused at once, not after a long upload.
 */
@RestController
class UiSettingsController {

  private final FilesSettings files;

  UiSettingsController(FilesSettings files) {
    this.files = files;
  }

  record UiSettings(
      @JsonProperty("max_upload_size") long maxUploadSize,
      @JsonProperty("accepted_types") List<String> acceptedTypes,
      @JsonProperty("default_visibility") String defaultVisibility) {}

  @GetMapping("/app/settings.json")
  UiSettings settings() {
    return new UiSettings(
        files.maxUploadSize().toBytes(),
        files.allowedTypes().stream().sorted().toList(),
        files.defaultVisibility().wire());
  }
}
