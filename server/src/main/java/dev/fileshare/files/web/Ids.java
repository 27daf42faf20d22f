package dev.fileshare.files.web;

import dev.fileshare.shared.ApiException;

/** File ids in paths: integers, as the original's; anything else is a file that does not exist. */
final class Ids {

  private Ids() {}

  static long parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      throw ApiException.notFound();
    }
    for (var i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw ApiException.notFound();
      }
    }
    return Long.parseLong(text);
  }
}
