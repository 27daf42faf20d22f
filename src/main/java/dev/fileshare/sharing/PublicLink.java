package dev.fileshare.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A link as the person who opens it sees it. Until a link with a password is unlocked, nothing of
 * the file is shown: its name can be as private as its content.
 *
 * @param token the link's token
 * @param hasPassword whether it asks for a password
 * @param unlocked whether the visitor may download (no password, or the right one given)
 * @param expires when it stops working, or null
 * @param downloadsLeft how many downloads it has left, or null for no limit
 * @param file the file, once unlocked
 */
public record PublicLink(
    String token,
    boolean hasPassword,
    boolean unlocked,
    @Nullable Instant expires,
    @Nullable Long downloadsLeft,
    @Nullable SharedFile file) {

  /** The file behind a link. */
  public record SharedFile(String name, long size, String contentType, String owner) {}

  /** What a correct password gives: the access to show with downloads, and until when. */
  public record Unlock(String access, Instant expires) {}
}
