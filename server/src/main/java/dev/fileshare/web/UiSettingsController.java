package dev.fileshare.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.accounts.RegistrationGate;
import dev.fileshare.files.FilesSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the upload screen needs to know before it sends a byte: the size limit and the accepted
 * types, so that a file that would be refused is refused at once, not after a long upload; and the
 * registration screen, who may register.
 */
@RestController
class UiSettingsController {

  private final FilesSettings files;
  private final RegistrationGate registration;

  UiSettingsController(FilesSettings files, RegistrationGate registration) {
    this.files = files;
    this.registration = registration;
  }

  record UiSettings(
      @JsonProperty("max_upload_size") long maxUploadSize,
      @JsonProperty("accepted_types") List<String> acceptedTypes,
      @JsonProperty("default_visibility") String defaultVisibility,
      Registration registration) {}

  /**
   * Who may register: the policy, and the sentence that says so (what a refusal answers), null
   * under the open policy.
   */
  record Registration(String policy, @Nullable String notice) {}

  @GetMapping("/app/settings.json")
  UiSettings settings() {
    return new UiSettings(
        files.maxUploadSize().toBytes(),
        files.allowedTypes().stream().sorted().toList(),
        files.defaultVisibility().wire(),
        new Registration(registration.policy().wire(), registration.notice().orElse(null)));
  }
}
