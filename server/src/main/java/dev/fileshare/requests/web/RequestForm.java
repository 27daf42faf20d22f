package dev.fileshare.requests.web;

import dev.fileshare.platform.JsonMembers;
import dev.fileshare.requests.RequestChanges;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of the request endpoints, telling a member left out from one given as null,
 * and refusing a member of the wrong type with a problem that names it.
 */
final class RequestForm {

  private RequestForm() {}

  static RequestChanges changes(@Nullable JsonNode body) {
    var json = members(body);
    return new RequestChanges(
        json.member("title", JsonMembers::text),
        json.member("instructions", JsonMembers::text),
        json.member("expires", JsonMembers::instant),
        json.member("password", JsonMembers::text),
        json.member("max_files", JsonMembers::whole),
        json.member("max_file_size", JsonMembers::whole),
        json.member("require_name", JsonMembers::bool),
        json.member("require_email", JsonMembers::bool),
        json.member("notify", JsonMembers::bool),
        json.member("closed", JsonMembers::bool),
        json.member("recipients", JsonMembers::texts));
  }

  /** The password of {@code {"password": "..."}}, if one was given; an empty body is none. */
  static @Nullable String password(@Nullable JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    return members(body).member("password", JsonMembers::text).value();
  }

  private static String message(String name) {
    return switch (name) {
      case "expires" ->
          "The expiry must be a date and time in ISO 8601, such as 2030-01-31T12:00:00Z, or null.";
      case "max_files" -> "The file limit must be a whole number, or null for no limit.";
      case "max_file_size" -> "The size limit must be a whole number of bytes, or null.";
      case "require_name", "require_email", "notify", "closed" -> "This must be true or false.";
      case "recipients" ->
          "The recipients must be a list of addresses and domains (such as *@example.org), or"
              + " null for anyone with the link.";
      default -> "This must be a string.";
    };
  }

  /**
   * The member {@code name} of an uploader's form, such as the address or code; empty if missing.
   */
  static String field(@Nullable JsonNode body, String name) {
    return members(body).text(name);
  }

  private static JsonMembers members(@Nullable JsonNode body) {
    return JsonMembers.of(body, RequestForm::message);
  }
}
