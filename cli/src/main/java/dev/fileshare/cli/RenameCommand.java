package dev.fileshare.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "mv", aliases = "rename", description = "Rename a file.")
final class RenameCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file's id or its exact name.")
  String file;

  @Parameters(index = "1", paramLabel = "NEW-NAME", description = "Its new name.")
  String name;

  @Override
  public void run() {
    var api = root.api();
    var found = RemoteFiles.resolve(api, file);
    var renamed = api.patchJson("/api/files/" + RemoteFiles.id(found) + "/", Map.of("name", name));
    if (root.json) {
      root.printJson(renamed);
    }
    root.say("Renamed " + RemoteFiles.name(found) + " to " + RemoteFiles.name(renamed));
  }
}
