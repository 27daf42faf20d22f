package dev.fileshare.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request as the people with its link see it. Until its password is given in the visit, only that
 * it needs one: not its title, nor its instructions; likewise until a restricted request's visitor
 * proved their address.
 *
 * @param title what the owner asks for; empty while locked
 * @param instructions what uploaders are told; empty while locked
 * @param owner the owner's username; empty while locked
 * @param hasPassword whether a password is needed
 * @param visiting whether the caller showed a visit that works for this request
 * @param unlocked whether the caller may upload (a visit, and the password if one is needed)
 * @param requireName whether uploaders must give their name
 * @param requireEmail whether uploaders must give their email address
 * @param maxFileSize the largest file taken, in bytes
 * @param filesLeft how many more files it takes; null: no limit
 * @param expires when it stops taking files; null: never
 * @param restricted whether only named people may send files, once they proved their address
 * @param recipient the address the caller proved in this visit; null: none
 */
public record PublicRequest(
    String title,
    String instructions,
    String owner,
    boolean hasPassword,
    boolean visiting,
    boolean unlocked,
    boolean requireName,
    boolean requireEmail,
    long maxFileSize,
    @Nullable Long filesLeft,
    @Nullable Instant expires,
    boolean restricted,
    @Nullable String recipient) {

  /** A visit that started: the secret to show from now on, and until when it works. */
  public record Visit(String secret, Instant expires) {}

  /** What an uploader says of themselves: both may be empty, unless the request needs them. */
  public record From(String name, String email) {}
}
