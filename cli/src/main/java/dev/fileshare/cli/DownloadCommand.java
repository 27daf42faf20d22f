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
    name = "download",
    aliases = "get",
    description = {
      "Download files by id or by name into the current folder (or -o).",
      "A download cut off goes on from where it stopped when the same command runs again;"
          + " what arrived is checked against the file's SHA-256 before it takes its name."
    })
final class DownloadCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "A file's id or its exact name.")
  List<String> files;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description =
          "Where to write it: a folder (one that exists, or a name ending in /), or for one"
              + " file a file name.")
  @Nullable String output;

  @Option(
      names = {"-f", "--force"},
      description = "Replace a local file of the same name that has other content.")
  boolean force;

  @Mixin RetryOption retryOption;

  @Override
  public void run() {
    var api = root.api();
    var downloads = new Downloads(api, retryOption.retries(root));
    var progress = root.progress();
    var results = new ArrayList<Map<String, Object>>();
    for (var reference : files) {
      var file = RemoteFiles.resolve(api, reference);
      var target = target(file);
      var sha256 = String.valueOf(file.get("sha256"));
      String action;
      if (Files.exists(target) && sha256.equals(UploadCommand.sha256(target))) {
        action = "unchanged";
        root.say(target + " is already there (same SHA-256)");
      } else {
        if (Files.exists(target) && !force) {
          throw new CliException(
              Exit.FAILED, target + " exists with other content: give --force to replace it");
        }
        try (var bar = progress.bar(RemoteFiles.name(file), RemoteFiles.size(file), 0)) {
          downloads.download(file, target, force, bar);
        }
        action = "downloaded";
        root.say(
            "Downloaded "
                + RemoteFiles.name(file)
                + " ("
                + Sizes.human(RemoteFiles.size(file))
                + ") to "
                + target
                + ", sha256 "
                + sha256);
      }
      var result = new LinkedHashMap<String, Object>();
      result.put("path", target.toString());
      result.put("action", action);
      result.put("file", file);
      results.add(result);
    }
    if (root.json) {
      root.printJson(results);
    }
  }

  private Path target(Map<String, Object> file) {
    var name = RemoteFiles.name(file);
    if (output == null) {
      return Path.of(safe(name));
    }
    var path = Path.of(output);
    if (Files.isDirectory(path) || output.endsWith("/") || files.size() > 1) {
      try {
        Files.createDirectories(path);
      } catch (IOException e) {
        throw new CliException(Exit.FAILED, "Cannot make " + output + ": " + e.getMessage());
      }
      return path.resolve(safe(name));
    }
    return path;
  }

  /** The server's name as a local file name: no path parts, never "." or "..". */
  static String safe(String name) {
    var cleaned = name.replace('/', '_').replace('\\', '_').replace('\0', '_').strip();
    return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "file" : cleaned;
  }
}
