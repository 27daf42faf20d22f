package dev.fileshare.cli;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "sync-up",
    description = {
      "Upload the PDFs of a folder (and its subfolders) that are new or changed: a PDF whose name"
          + " none of your files has is uploaded; one whose content (SHA-256) differs from your"
          + " file of that name replaces its content (the old one is kept as a version); the"
          + " rest are left alone. Running it again sends nothing. Files are never deleted."
    })
final class SyncUpCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Parameters(index = "0", paramLabel = "FOLDER", description = "The folder to upload from.")
  Path folder;

  @Option(
      names = "--visibility",
      paramLabel = "WHO",
      description = "For new files: users or private; default: the server's.")
  UploadCommand.@Nullable Visibility visibility;

  @Option(
      names = {"-n", "--dry-run"},
      description = "Say what would be sent, and send nothing.")
  boolean dryRun;

  @Mixin RetryOption retryOption;

  /** One of your files, as the server lists it. */
  private record Remote(long id, String sha256) {}

  @Override
  public void run() {
    if (!Files.isDirectory(folder)) {
      throw new CliException(Exit.NOT_FOUND, "No such folder: " + folder);
    }
    var api = root.api();
    var mine = new HashMap<String, List<Remote>>();
    var query = RemoteFiles.query();
    query.put("owner", "me");
    query.put("ordering", "name");
    RemoteFiles.each(
        api,
        query,
        0,
        file ->
            mine.computeIfAbsent(RemoteFiles.name(file), name -> new ArrayList<>())
                .add(new Remote(RemoteFiles.id(file), String.valueOf(file.get("sha256")))));
    var uploads = new Uploads(api, root.context().configDir(), retryOption.retries(root));
    var progress = root.progress();
    var results = new ArrayList<Map<String, Object>>();
    var counts = new int[3];
    var seen = new HashMap<String, Path>();
    for (var path : LocalFiles.pdfsIn(folder)) {
      var name = path.getFileName().toString();
      var sha256 = UploadCommand.sha256(path);
      if (seen.putIfAbsent(name, path) != null) {
        root.context()
            .err()
            .println("fileshare: left out " + path + ": " + seen.get(name) + " has the same name");
        results.add(UploadCommand.summary(path, "skipped", null));
        continue;
      }
      var same = mine.getOrDefault(name, List.of());
      if (same.stream().anyMatch(remote -> remote.sha256().equals(sha256))) {
        counts[2]++;
        results.add(UploadCommand.summary(path, "unchanged", null));
        continue;
      }
      if (same.size() > 1) {
        root.context()
            .err()
            .println(
                "fileshare: left out "
                    + path
                    + ": "
                    + same.size()
                    + " of your files are named "
                    + name);
        results.add(UploadCommand.summary(path, "skipped", null));
        continue;
      }
      var replace = same.size() == 1;
      if (dryRun) {
        root.say((replace ? "would replace " : "would upload ") + path);
        results.add(UploadCommand.summary(path, replace ? "replace" : "upload", null));
        continue;
      }
      Map<String, Object> made;
      try (var bar = progress.bar(name, UploadCommand.sizeOf(path), 0)) {
        made =
            replace
                ? replace(api, same.get(0).id(), path, sha256, bar)
                : uploads.upload(
                    path,
                    name,
                    visibility == null ? null : visibility.parameter(),
                    sha256,
                    bar,
                    new Progress.Bar(null));
      }
      counts[replace ? 1 : 0]++;
      results.add(UploadCommand.summary(path, replace ? "replaced" : "uploaded", made));
      root.say((replace ? "Replaced " : "Uploaded ") + path + " (file " + made.get("id") + ")");
    }
    if (root.json) {
      root.printJson(results);
    }
    root.say(
        (dryRun ? "Nothing sent (dry run): " : "")
            + counts[0]
            + " uploaded, "
            + counts[1]
            + " replaced, "
            + counts[2]
            + " unchanged");
  }

  /** Replaces a file's content with the local file's bytes, sent as they are read. */
  private static Map<String, Object> replace(
      Api api, long id, Path path, String sha256, Progress.Bar bar) {
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(path);
    } catch (FileNotFoundException e) {
      throw new CliException(Exit.NOT_FOUND, "No such file: " + path);
    }
    var request =
        api.request("/api/files/" + id + "/")
            .header("Content-Type", "application/pdf")
            .timeout(java.time.Duration.ofHours(24))
            .PUT(body);
    Map<String, Object> made;
    try (var response = api.send(request)) {
      made = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(response.body());
    } catch (java.io.IOException e) {
      throw new CliException(Exit.UNREACHABLE, "The answer could not be read: " + e.getMessage());
    }
    bar.stepTo(UploadCommand.sizeOf(path));
    if (!sha256.equals(made.get("sha256"))) {
      throw new CliException(
          Exit.CHECKSUM,
          "The server stored " + path + " with another SHA-256 than sent: sync again");
    }
    return made;
  }
}
