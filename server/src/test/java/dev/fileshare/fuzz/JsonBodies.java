package dev.fileshare.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON bodies for a declared schema: the declared fields with good or hostile values, or worse. */
final class JsonBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Random random;

  JsonBodies(Random random) {
    this.random = random;
  }

  String body(JsonNode schema) {
    return switch (random.nextInt(12)) {
      case 0 -> "{";
      case 1 -> "[]";
      case 2 -> "null";
      case 3 -> "\"" + Values.string(random).replace("\"", "") + "\"";
      case 4 -> "[".repeat(5000) + "]".repeat(5000);
      case 5 -> "{\"a\":" + "1".repeat(400) + "}";
      case 6 -> Values.randomText(random, 30);
      default -> object(schema).toString();
    };
  }

  List<String> fieldNames(JsonNode schema) {
    var names = new ArrayList<String>();
    for (var property : schema.path("properties").properties()) {
      names.add(property.getKey());
    }
    return names;
  }

  private ObjectNode object(JsonNode schema) {
    var object = NODES.objectNode();
    for (var property : schema.path("properties").properties()) {
      if (random.nextInt(5) != 0) {
        object.set(property.getKey(), value(property.getValue()));
      }
    }
    if (random.nextInt(5) == 0) {
      object.set(Values.string(random), value(NODES.missingNode()));
    }
    return object;
  }

  /** A value of the declared type most of the time, of any type otherwise. */
  private JsonNode value(JsonNode schema) {
    var type = random.nextInt(4) == 0 ? "" : schema.path("type").asString("");
    return switch (type) {
      case "string" -> NODES.stringNode(Values.string(random));
      case "integer", "number" -> number();
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      default ->
          switch (random.nextInt(6)) {
            case 0 -> NODES.nullNode();
            case 1 -> number();
            case 2 -> NODES.arrayNode().add(Values.string(random));
            case 3 -> NODES.objectNode().put("a", Values.string(random));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(Values.string(random));
          };
    };
  }

  private JsonNode number() {
    var value = Values.pick(random, Values.NUMBERS);
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    return NODES.numberNode((Double) value);
  }
}
