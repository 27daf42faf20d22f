package dev.fileshare.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "ls",
    aliases = "list",
    description =
        "List the files you can see: yours, those shared with you, those every user sees.")
final class ListCommand implements Runnable {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  @ParentCommand RootCommand root;

  @Option(
      names = {"-s", "--search"},
      paramLabel = "TEXT",
      description =
          "Only files whose name contains TEXT (any case) or whose content has its words.")
  @Nullable String search;

  @Option(names = "--mine", description = "Only your own files.")
  boolean mine;

  @Option(
      names = "--shared",
      paramLabel = "WHICH",
      description = "Only files shared with you by name (with-me), or that you shared (by-me).")
  @Nullable String shared;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      defaultValue = "created",
      description =
          "created (newest first, the default), name (A to Z) or size (largest first), as ls"
              + " sorts.")
  String order;

  @Option(
      names = {"-r", "--reverse"},
      description = "The other way round: oldest, Z to A, smallest first.")
  boolean reverse;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      description = "At most N files (default: all of them, page by page).")
  long limit;

  @Override
  public void run() {
    if (limit < 0) {
      throw new CliException(Exit.USAGE, "--limit must be 1 or more");
    }
    var api = root.api();
    var query = RemoteFiles.query();
    if (search != null) {
      query.put("search", search);
    }
    if (mine) {
      query.put("owner", "me");
    }
    if (shared != null) {
      if (!shared.equals("with-me") && !shared.equals("by-me")) {
        throw new CliException(Exit.USAGE, "--shared is with-me or by-me, not " + shared);
      }
      query.put("shared", shared);
    }
    if (!order.matches("name|created|size")) {
      throw new CliException(Exit.USAGE, "--sort is created, name or size; not " + order);
    }
    var descending = !order.equals("name");
    query.put("ordering", (descending != reverse ? "-" : "") + order);
    if (root.json) {
      List<Map<String, Object>> files = new ArrayList<>();
      RemoteFiles.each(api, query, limit, files::add);
      root.printJson(files);
      return;
    }
    var out = root.context().out();
    var header = new boolean[] {true};
    RemoteFiles.each(
        api,
        query,
        limit,
        file -> {
          if (header[0]) {
            out.printf(
                "%8s  %10s  %-16s  %-12s  %-7s  %s%n",
                "ID", "SIZE", "UPDATED", "OWNER", "SEES", "NAME");
            header[0] = false;
          }
          out.printf(
              "%8s  %10s  %-16s  %-12s  %-7s  %s%n",
              file.get("id"),
              Sizes.human(RemoteFiles.size(file)),
              when(file.get("updated")),
              file.get("owner"),
              file.get("visibility"),
              RemoteFiles.name(file));
        });
    if (header[0]) {
      root.say("No files");
    }
  }

  private static String when(@Nullable Object timestamp) {
    if (!(timestamp instanceof String text)) {
      return "";
    }
    try {
      return WHEN.format(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return text;
    }
  }
}
