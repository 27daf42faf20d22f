package dev.fileshare.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "link",
    description = {
      "Make a link to a file for people without an account (prints its address), list the"
          + " file's links, or revoke one."
    })
final class LinkCommand implements Runnable {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([mhdw])");

  @ParentCommand RootCommand root;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file's id or its exact name.")
  String file;

  @Option(names = "--label", paramLabel = "TEXT", description = "What the link is for.")
  @Nullable String label;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      description =
          "In 30m, 12h, 7d or 2w; at a time (2027-01-31T17:00:00Z); or never. Default: the server's.")
  @Nullable String expires;

  @Option(
      names = "--max-downloads",
      paramLabel = "N",
      description = "How many downloads it allows.")
  @Nullable Integer maxDownloads;

  @Option(
      names = "--password",
      description = "Ask for a password the visitor must give (never stored here).")
  boolean password;

  @Option(
      names = "--password-stdin",
      description = "Read that password from the first line of standard input.")
  boolean passwordStdin;

  @Option(names = "--list", description = "List the file's links.")
  boolean list;

  @Option(names = "--revoke", paramLabel = "LINK-ID", description = "Revoke the link with this id.")
  @Nullable Long revoke;

  @Override
  public void run() {
    var api = root.api();
    var found = RemoteFiles.resolve(api, file);
    if (revoke != null) {
      api.delete("/api/links/" + revoke + "/");
      root.say("Revoked link " + revoke);
      return;
    }
    var path = "/api/files/" + RemoteFiles.id(found) + "/links/";
    if (list) {
      var links = api.page(api.uri(path)).items().stream().map(RemoteFiles::asObject).toList();
      if (root.json) {
        root.printJson(links);
        return;
      }
      for (var link : links) {
        root.context()
            .out()
            .printf(
                "%6s  %s  expires %s, %s downloads%s%s%n",
                link.get("id"),
                link.get("url"),
                link.get("expires") == null ? "never" : link.get("expires"),
                link.get("downloads"),
                link.get("max_downloads") == null ? "" : " of " + link.get("max_downloads"),
                link.get("label") == null ? "" : " — " + link.get("label"));
      }
      if (links.isEmpty()) {
        root.say(RemoteFiles.name(found) + " has no links");
      }
      return;
    }
    var body = new LinkedHashMap<String, Object>();
    if (label != null) {
      body.put("label", label);
    }
    if (expires != null) {
      body.put("expires", expiry(expires, Instant.now()));
    }
    if (maxDownloads != null) {
      body.put("max_downloads", maxDownloads);
    }
    if (password || passwordStdin) {
      var prompt = new Prompt(root.context());
      body.put(
          "password",
          passwordStdin
              ? prompt.stdinLine("the link's password")
              : prompt.secret("Link password: ", "--password-stdin"));
    }
    var link = api.postJson(path, body);
    if (root.json) {
      root.printJson(link);
      return;
    }
    if (root.quiet) {
      root.context().out().println(link.get("url"));
      return;
    }
    root.say(String.valueOf(link.get("url")));
    root.say(
        "  "
            + RemoteFiles.name(found)
            + ", expires "
            + (link.get("expires") == null ? "never" : link.get("expires"))
            + (link.get("max_downloads") == null
                ? ""
                : ", " + link.get("max_downloads") + " downloads")
            + (Boolean.TRUE.equals(link.get("has_password")) ? ", with a password" : ""));
  }

  /** An expiry as the API takes it: an ISO 8601 time, or null for never. */
  static @Nullable String expiry(String given, Instant now) {
    var text = given.strip().toLowerCase(Locale.ROOT);
    if (text.equals("never")) {
      return null;
    }
    var relative = DURATION.matcher(text);
    if (relative.matches()) {
      var amount = Long.parseLong(relative.group(1));
      var duration =
          switch (relative.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
          };
      return now.plus(duration).toString();
    }
    try {
      return Instant.parse(given.strip()).toString();
    } catch (DateTimeParseException e) {
      throw new CliException(
          Exit.USAGE, "--expires is like 12h, 7d, 2w, 2027-01-31T17:00:00Z or never; not " + given);
    }
  }
}
