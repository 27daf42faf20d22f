package dev.fileshare.resumable;

import dev.fileshare.shared.AuthenticatedUser;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who sends a resumable upload: a signed-in user, whose upload becomes their own file, or an {@link
 * UploadTarget} that takes it on its own terms. Another uploader's upload does not exist for them.
 */
public final class Uploader {

  private final @Nullable AuthenticatedUser user;
  private final @Nullable UploadTarget target;

  private Uploader(@Nullable AuthenticatedUser user, @Nullable UploadTarget target) {
    this.user = user;
    this.target = target;
  }

  public static Uploader signedIn(AuthenticatedUser user) {
    return new Uploader(user, null);
  }

  public static Uploader to(UploadTarget target) {
    return new Uploader(null, target);
  }

  Optional<AuthenticatedUser> user() {
    return Optional.ofNullable(user);
  }

  Optional<UploadTarget> target() {
    return Optional.ofNullable(target);
  }

  long ownerId() {
    return user != null ? user.userId().value() : target().orElseThrow().owner().value();
  }

  /** '' for a signed-in user's own uploads, the target's scope otherwise. */
  String scope() {
    return target == null ? "" : target.scope();
  }
}
