package dev.fileshare.sharing.web;

import dev.fileshare.platform.FileShareSettings;
import org.springframework.stereotype.Component;

/** The addresses link answers carry, built from the public URL, never from the request's Host. */
@Component
class LinkUrlBuilder {

  private final FileShareSettings settings;

  LinkUrlBuilder(FileShareSettings settings) {
    this.settings = settings;
  }

  /** The page a link opens: what the owner sends. */
  String page(String token) {
    return settings.link("/s/" + token);
  }

  /** Any API path, from the public URL. */
  String api(String path) {
    return settings.link(path);
  }
}
