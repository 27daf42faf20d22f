package dev.fileshare.files;

import org.jspecify.annotations.Nullable;

/**
 * Metadata sent with an upload or a change; {@code null} leaves a value as it is (or, for a new
 * file, takes the filename of the upload and the default visibility).
 */
public record FileChanges(@Nullable String name, @Nullable Visibility visibility) {

  public static final FileChanges NONE = new FileChanges(null, null);

  public boolean isEmpty() {
    return name == null && visibility == null;
  }
}
