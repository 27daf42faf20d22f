package dev.fileshare.platform;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Change;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads the members of a JSON request body one by one, telling a member left out from one given as
 * null, and refusing a member of the wrong type with a problem that names it ({@code {"member":
 * ["message"]}}). For bodies whose members change something only when they are given (PATCH).
 */
public final class JsonMembers {

  private final JsonNode json;
  private final UnaryOperator<String> messages;

  private JsonMembers(JsonNode json, UnaryOperator<String> messages) {
    this.json = json;
    this.messages = messages;
  }

  /**
   * The members of a body that must be a JSON object; {@code messages} says, for a member's name,
   * what is wrong when its value has the wrong type.
   */
  public static JsonMembers of(@Nullable JsonNode body, UnaryOperator<String> messages) {
    if (body == null || !body.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Send a JSON object.");
    }
    return new JsonMembers(body, messages);
  }

  public <T> Change<T> member(String name, Function<JsonNode, T> read) {
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
      throw ApiException.invalid(name, messages.apply(name));
    }
  }

  /** A string member's value, or empty when it is missing or null. */
  public String text(String name) {
    var value = member(name, JsonMembers::text).value();
    return value == null ? "" : value;
  }

  public static String text(JsonNode node) {
    if (!node.isString()) {
      throw new IllegalArgumentException();
    }
    return node.stringValue();
  }

  public static List<String> texts(JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException();
    }
    var texts = new ArrayList<String>();
    for (var item : node.values()) {
      texts.add(text(item));
    }
    return texts;
  }

  /** An ISO 8601 date and time with its offset, such as {@code 2030-01-31T12:00:00Z}. */
  public static Instant instant(JsonNode node) {
    return OffsetDateTime.parse(text(node).strip()).toInstant();
  }

  public static Long whole(JsonNode node) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException();
    }
    return node.longValue();
  }

  public static Boolean bool(JsonNode node) {
    if (!node.isBoolean()) {
      throw new IllegalArgumentException();
    }
    return node.booleanValue();
  }
}
