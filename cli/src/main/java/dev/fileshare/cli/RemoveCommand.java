package dev.fileshare.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "rm",
    aliases = "delete",
    description = "Move files to your trash (restore them from the web page within its time).")
final class RemoveCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "A file's id or its exact name.")
  List<String> files;

  @Override
  public void run() {
    var api = root.api();
    var removed = new ArrayList<Map<String, Object>>();
    for (var reference : files) {
      var file = RemoteFiles.resolve(api, reference);
      api.delete("/api/files/" + RemoteFiles.id(file) + "/");
      removed.add(file);
      root.say("Moved " + RemoteFiles.name(file) + " (file " + file.get("id") + ") to the trash");
    }
    if (root.json) {
      root.printJson(removed);
    }
  }
}
