package dev.fileshare.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "upload",
    aliases = "up",
    description = {
      "Upload files, the PDFs in folders, or what a quoted glob matches ('scans/**.pdf').",
      "Resumable: an upload cut off goes on from where it stopped when the same command runs"
          + " again. Each file is checked against its SHA-256 once the server has it."
    })
final class UploadCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or globs.")
  List<String> paths;

  @Option(
      names = "--visibility",
      paramLabel = "WHO",
      description = "users (every signed-in user may see it) or private; default: the server's.")
  @Nullable Visibility visibility;

  @Mixin RetryOption retryOption;

  /** Who sees an uploaded file (the server's words, in lower case on the command line). */
  enum Visibility {
    USERS,
    PRIVATE;

    String parameter() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public void run() {
    var api = root.api();
    var files = LocalFiles.expand(paths, Path.of(""));
    var uploads = new Uploads(api, root.context().configDir(), retryOption.retries(root));
    var progress = root.progress();
    long totalBytes = 0;
    for (var file : files) {
      totalBytes += sizeOf(file);
    }
    var answers = new ArrayList<Map<String, Object>>();
    try (var total =
        files.size() > 1
            ? progress.bar("all " + files.size() + " files", totalBytes, 0)
            : new Progress.Bar(null)) {
      for (var file : files) {
        var name = file.getFileName().toString();
        var sha256 = sha256(file);
        Map<String, Object> made;
        try (var bar = progress.bar(name, sizeOf(file), 0)) {
          made =
              uploads.upload(
                  file,
                  name,
                  visibility == null ? null : visibility.parameter(),
                  sha256,
                  bar,
                  total);
        }
        answers.add(made);
        root.say(
            "Uploaded "
                + file
                + " ("
                + Sizes.human(RemoteFiles.size(made))
                + ") as file "
                + made.get("id")
                + ", sha256 "
                + made.get("sha256"));
      }
    }
    if (root.json) {
      root.printJson(answers);
    }
  }

  static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new CliException(Exit.FAILED, "Cannot read " + file + ": " + e.getMessage());
    }
  }

  static String sha256(Path file) {
    try {
      return Hashes.sha256(file);
    } catch (IOException e) {
      throw new CliException(Exit.FAILED, "Cannot read " + file + ": " + e.getMessage());
    }
  }

  static Map<String, Object> summary(Path file, String action, @Nullable Map<String, Object> made) {
    var line = new LinkedHashMap<String, Object>();
    line.put("path", file.toString());
    line.put("action", action);
    line.put("file", made);
    return line;
  }
}
