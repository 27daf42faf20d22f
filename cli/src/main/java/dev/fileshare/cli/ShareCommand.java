package dev.fileshare.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "share",
    description = {
      "Share a file with people by username or email address (an address without an account"
          + " gets an invitation), list its shares, or revoke one."
    })
final class ShareCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file's id or its exact name.")
  String file;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "PERSON",
      description = "Usernames or addresses.")
  List<String> people = new ArrayList<>();

  @Option(names = "--edit", description = "They may also replace its content and restore versions.")
  boolean edit;

  @Option(names = "--list", description = "List the file's shares.")
  boolean list;

  @Option(names = "--revoke", paramLabel = "PERSON", description = "Stop sharing with this person.")
  @Nullable String revoke;

  @Override
  public void run() {
    var api = root.api();
    var found = RemoteFiles.resolve(api, file);
    var path = "/api/files/" + RemoteFiles.id(found) + "/shares/";
    if (revoke != null) {
      var share =
          shares(api, path).stream()
              .filter(
                  s ->
                      revoke.equalsIgnoreCase(String.valueOf(s.get("user")))
                          || revoke.equalsIgnoreCase(String.valueOf(s.get("email"))))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CliException(
                          Exit.NOT_FOUND,
                          RemoteFiles.name(found) + " is not shared with " + revoke));
      api.delete(path + share.get("id") + "/");
      root.say("Stopped sharing " + RemoteFiles.name(found) + " with " + revoke);
    }
    var made = new ArrayList<Map<String, Object>>();
    for (var person : people) {
      var share = api.postJson(path, Map.of("user", person, "permission", edit ? "edit" : "read"));
      made.add(share);
      root.say(
          (Boolean.TRUE.equals(share.get("pending"))
                  ? "Invited "
                  : "Shared " + RemoteFiles.name(found) + " with ")
              + person
              + " ("
              + share.get("permission")
              + ")");
    }
    if (list || (people.isEmpty() && revoke == null)) {
      var all = shares(api, path);
      if (root.json) {
        root.printJson(all);
        return;
      }
      for (var share : all) {
        var who = share.get("user") != null ? share.get("user") : share.get("email");
        root.context()
            .out()
            .printf(
                "%-32s  %-5s  %s%n",
                who,
                share.get("permission"),
                Boolean.TRUE.equals(share.get("pending")) ? "invited, no account yet" : "");
      }
      if (all.isEmpty()) {
        root.say(RemoteFiles.name(found) + " is not shared with anyone");
      }
    } else if (root.json) {
      root.printJson(made);
    }
  }

  private static List<Map<String, Object>> shares(Api api, String path) {
    return api.page(api.uri(path)).items().stream().map(RemoteFiles::asObject).toList();
  }
}
