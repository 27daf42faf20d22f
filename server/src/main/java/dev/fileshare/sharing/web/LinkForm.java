package dev.fileshare.sharing.web;

import dev.fileshare.platform.JsonMembers;
import dev.fileshare.sharing.LinkChanges;
import dev.fileshare.sharing.LinkProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of the link endpoints, telling a member left out from one given as null,
 * and refusing a member of the wrong type with a problem that names it.
 */
final class LinkForm {

  static final int RECIPIENTS_MAX = 20;
  static final int MESSAGE_MAX = 2000;
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[^@\\s\\p{Cntrl},;<>\"]{1,64}@[^@\\s\\p{Cntrl},;<>\"]+\\.[^@\\s\\p{Cntrl},;<>\"]+");

  private LinkForm() {}

  /** A request to create or change a link. */
  static LinkChanges changes(@Nullable JsonNode body) {
    var json = members(body);
    return new LinkChanges(
        json.member("label", JsonMembers::text),
        json.member("expires", JsonMembers::instant),
        json.member("password", JsonMembers::text),
        json.member("max_downloads", JsonMembers::whole),
        json.member("notify_first_download", JsonMembers::bool),
        json.member("recipients", JsonMembers::texts),
        json.member("mode", JsonMembers::text),
        json.member("watermark", JsonMembers::bool));
  }

  /** A request to mail a link: {@code {"to": ["a@x"], "message": "..."}}. */
  record Mail(List<String> to, String message) {}

  static Mail mail(@Nullable JsonNode body) {
    var json = members(body);
    var to = body == null ? null : body.get("to");
    var items =
        to == null ? List.<JsonNode>of() : to.isString() ? List.of(to) : List.copyOf(to.values());
    if (to == null || !(to.isArray() || to.isString()) || items.isEmpty()) {
      throw LinkProblems.invalid("to", "Give the addresses to mail the link to, as a list.");
    }
    if (items.size() > RECIPIENTS_MAX) {
      throw LinkProblems.invalid(
          "to", "A link can be mailed to at most " + RECIPIENTS_MAX + " addresses at once.");
    }
    var addresses = new ArrayList<String>();
    for (var item : items) {
      var address = item.isString() ? item.stringValue().strip() : "";
      if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
        throw LinkProblems.invalid("to", "This is not an email address: " + clip(item) + ".");
      }
      if (!addresses.contains(address)) {
        addresses.add(address);
      }
    }
    var text = json.text("message").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    if (text.length() > MESSAGE_MAX) {
      throw LinkProblems.invalid(
          "message", "The message may have at most " + MESSAGE_MAX + " characters.");
    }
    return new Mail(List.copyOf(addresses), text);
  }

  /** The password of {@code {"password": "..."}}; empty when missing. */
  static String password(@Nullable JsonNode body) {
    return members(body).text("password");
  }

  /** The member {@code name} of a visitor's form, such as the address or code; empty if missing. */
  static String text(@Nullable JsonNode body, String name) {
    return members(body).text(name);
  }

  private static JsonMembers members(@Nullable JsonNode body) {
    return JsonMembers.of(body, LinkForm::message);
  }

  private static String message(String name) {
    return switch (name) {
      case "expires" ->
          "The expiry must be a date and time in ISO 8601, such as 2030-01-31T12:00:00Z, or null.";
      case "max_downloads" -> "The download limit must be a whole number, or null for no limit.";
      case "notify_first_download", "watermark" -> "This must be true or false.";
      case "mode" -> "The mode must be \"download\" or \"view\".";
      case "recipients" ->
          "The recipients must be a list of addresses and domains (such as *@example.org), or"
              + " null for anyone with the link.";
      default -> "This must be a string.";
    };
  }

  private static String clip(JsonNode item) {
    var text = item.isString() ? item.stringValue() : item.toString();
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
