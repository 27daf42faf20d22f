package dev.fileshare.fuzz;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the OpenAPI document: a method, a path template, its parameters and the schema
 * of its JSON body, if it declares one.
 *
 * @param method the HTTP method, upper case
 * @param path the path template, such as {@code /api/files/{id}}
 * @param query the names of its query parameters
 * @param jsonBody the schema of its {@code application/json} body ({@code $ref}s resolved); a
 *     missing node when it declares none
 */
record Operation(String method, String path, List<String> query, JsonNode jsonBody) {

  /** Every operation of the document, except the container's error page. */
  static List<Operation> all(JsonNode document) {
    var operations = new ArrayList<Operation>();
    for (var path : document.get("paths").properties()) {
      if (path.getKey().equals("/error")) {
        continue;
      }
      for (var entry : path.getValue().properties()) {
        var spec = entry.getValue();
        var query = new ArrayList<String>();
        for (var parameter : spec.path("parameters")) {
          if (parameter.path("in").asString("").equals("query")) {
            query.add(parameter.path("name").asString(""));
          }
        }
        var body =
            resolve(document, spec.path("requestBody").path("content").path("application/json"))
                .path("schema");
        operations.add(
            new Operation(
                entry.getKey().toUpperCase(java.util.Locale.ROOT),
                path.getKey(),
                query,
                resolve(document, body)));
      }
    }
    return operations;
  }

  /** The node a {@code $ref} names, or the node itself. */
  static JsonNode resolve(JsonNode document, JsonNode node) {
    var ref = node.path("$ref").asString("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    var target = document;
    for (var part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
