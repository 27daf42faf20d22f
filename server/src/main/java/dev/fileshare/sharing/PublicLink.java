package dev.fileshare.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A link as the person who opens it sees it. Until a link with a password is unlocked, nothing of
 * the file is shown: its name can be as private as its content.
 *
 * @param token the link's token
 * @param hasPassword whether it asks for a password
 * @param restricted whether only named people may open it, who prove their address with a code
 * @param recipient the address the visitor proved, or null
 * @param unlocked whether the visitor may download (the address proved and the password given,
 *     where the link asks for them)
 * @param expires when it stops working, or null
 * @param downloadsLeft how many downloads it has left, or null for no limit
 * @param file the file, once unlocked
 * @param mode whether it gives the file out or only pages to read
 * @param watermark whether what it gives out is stamped with whom it went to and when
 */
public record PublicLink(
    String token,
    boolean hasPassword,
    boolean restricted,
    @Nullable String recipient,
    boolean unlocked,
    @Nullable Instant expires,
    @Nullable Long downloadsLeft,
    @Nullable SharedFile file,
    LinkMode mode,
    boolean watermark) {

  /** The file behind a link. */
  public record SharedFile(String name, long size, String contentType, String owner) {}

  /**
   * What a correct password or code gives: the access to show with downloads, until when, and the
   * address it proves (null when none was proved).
   */
  public record Unlock(String access, Instant expires, @Nullable String recipient) {}
}
