package dev.fileshare.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The local files a command line names: files as given, the PDFs in folders (and their subfolders),
 * and globs the shell left alone ({@code 'reports/*.pdf'}, {@code '**.pdf'}).
 */
final class LocalFiles {

  private LocalFiles() {}

  static List<Path> expand(List<String> arguments, Path workingDirectory) {
    var found = new LinkedHashSet<Path>();
    for (var argument : arguments) {
      var path = workingDirectory.resolve(argument);
      if (Files.isDirectory(path)) {
        found.addAll(pdfsIn(path));
      } else if (Files.isRegularFile(path)) {
        found.add(path.normalize());
      } else if (isGlob(argument)) {
        var matches = glob(argument, workingDirectory);
        if (matches.isEmpty()) {
          throw new CliException(Exit.NOT_FOUND, "No file matches " + argument);
        }
        found.addAll(matches);
      } else {
        throw new CliException(Exit.NOT_FOUND, "No such file: " + argument);
      }
    }
    return new ArrayList<>(found);
  }

  /** The PDFs under a folder, in name order; hidden files and unfinished downloads left out. */
  static List<Path> pdfsIn(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> isPdfName(path) && !isHidden(directory.relativize(path)))
          .map(Path::normalize)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CliException(Exit.FAILED, "Cannot read " + directory + ": " + e.getMessage());
    }
  }

  private static boolean isPdfName(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
  }

  private static boolean isHidden(Path relative) {
    for (var part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGlob(String argument) {
    return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** Matches below the longest part of the pattern without glob characters. */
  private static List<Path> glob(String pattern, Path workingDirectory) {
    var parts = pattern.split("/", -1);
    var base = new StringBuilder();
    var index = 0;
    while (index < parts.length - 1 && !isGlob(parts[index])) {
      base.append(parts[index]).append('/');
      index++;
    }
    var root =
        workingDirectory.resolve(base.toString().isEmpty() ? "." : base.toString()).normalize();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    var rest = String.join("/", java.util.Arrays.copyOfRange(parts, index, parts.length));
    var matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> matcher.matches(root.relativize(path)))
          .map(Path::normalize)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CliException(Exit.FAILED, "Cannot read " + root + ": " + e.getMessage());
    }
  }
}
