package dev.fileshare.requests.web;

import dev.fileshare.requests.RequestChanges;
import dev.fileshare.requests.RequestProblems;
import dev.fileshare.shared.ApiException;
import dev.fileshare.sharing.Change;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of the request endpoints, telling a member left out from one given as null,
 * and refusing a member of the wrong type with a problem that names it.
 */
final class RequestForm {

  private RequestForm() {}

  static RequestChanges changes(@Nullable JsonNode body) {
    var json = object(body);
    return new RequestChanges(
        member(json, "title", RequestForm::text),
        member(json, "instructions", RequestForm::text),
        member(json, "expires", RequestForm::instant),
        member(json, "password", RequestForm::text),
        member(json, "max_files", RequestForm::whole),
        member(json, "max_file_size", RequestForm::whole),
        member(json, "require_name", RequestForm::bool),
        member(json, "require_email", RequestForm::bool),
        member(json, "notify", RequestForm::bool),
        member(json, "closed", RequestForm::bool),
        member(json, "recipients", RequestForm::texts));
  }

  /** The password of {@code {"password": "..."}}, if one was given; an empty body is none. */
  static @Nullable String password(@Nullable JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    return member(object(body), "password", RequestForm::text).value();
  }

  private static JsonNode object(@Nullable JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Send a JSON object.");
    }
    return body;
  }

  private static <T> Change<T> member(JsonNode json, String name, Function<JsonNode, T> read) {
    var node = json.get(name);
    if (node == null) {
      return Change.absent();
    }
    if (node.isNull()) {
      return Change.of(null);
    }
    try {
      return Change.of(read.apply(node));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw RequestProblems.invalid(name, message(name));
    }
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

  private static String text(JsonNode node) {
    if (!node.isString()) {
      throw new IllegalArgumentException();
    }
    return node.stringValue();
  }

  private static List<String> texts(JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException();
    }
    var texts = new ArrayList<String>();
    for (var item : node.values()) {
      texts.add(text(item));
    }
    return texts;
  }

  /**
   * The member {@code name} of an uploader's form, such as the address or code; empty if missing.
   */
  static String field(@Nullable JsonNode body, String name) {
    var value = member(object(body), name, RequestForm::text).value();
    return value == null ? "" : value;
  }

  private static Instant instant(JsonNode node) {
    return OffsetDateTime.parse(text(node).strip()).toInstant();
  }

  private static Long whole(JsonNode node) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException();
    }
    return node.longValue();
  }

  private static Boolean bool(JsonNode node) {
    if (!node.isBoolean()) {
      throw new IllegalArgumentException();
    }
    return node.booleanValue();
  }
}
