package dev.fileshare.platform;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every module may read.
 *
 * @param dataDir where the embedded database and the stored files live ({@code FILESHARE_DATA_DIR})
 * @param publicUrl the address people reach the server at, used for every link the server writes
 *     into a mail or an answer; never taken from a request's {@code Host} header ({@code
 *     FILESHARE_PUBLIC_URL})
 */
@ConfigurationProperties("fileshare")
public record FileShareSettings(Path dataDir, URI publicUrl) {

  /** The public URL joined with a path that starts with a slash, without a doubled slash. */
  public String link(String path) {
    var base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
