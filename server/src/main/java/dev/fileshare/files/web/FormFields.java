package dev.fileshare.files.web;

import dev.fileshare.files.FileChanges;
import dev.fileshare.files.FileProblems;
import dev.fileshare.files.Visibility;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The metadata fields of an upload or change: {@code name} and {@code visibility}. */
final class FormFields {

  private FormFields() {}

  static FileChanges changes(Map<String, String> fields) {
    return new FileChanges(fields.get("name"), visibility(fields.get("visibility")));
  }

  static @Nullable Visibility visibility(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return Visibility.parse(text.strip())
        .orElseThrow(
            () ->
                FileProblems.invalid(
                    "visibility",
                    "\"" + abbreviate(text) + "\" is not a valid choice: use users or private."));
  }

  private static String abbreviate(String text) {
    var visible = text.replaceAll("\\p{C}", "?");
    return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
  }
}
