package dev.fileshare.cli;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
    name = "fileshare",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Upload, download, share and sync files with a fileshare server.",
    footer = {
      "",
      "The server is --server, else FILESHARE_URL, else the one you signed in to last.",
      "FILESHARE_TOKEN (a sign-in token or an API key) is used in place of a stored sign-in.",
      "Exit status: 0 done, 1 refused or failed, 2 wrong command line, 3 not signed in or wrong",
      "password, 4 not found, 5 server unreachable, 6 checksum mismatch."
    },
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      WhoamiCommand.class,
      ListCommand.class,
      UploadCommand.class,
      DownloadCommand.class,
      RemoveCommand.class,
      RenameCommand.class,
      ShareCommand.class,
      LinkCommand.class,
      SyncUpCommand.class
    })
final class RootCommand implements Runnable {

  private final Context context;

  @Option(
      names = "--server",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "The server, e.g. https://files.example.org")
  @Nullable String server;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print nothing but errors (and what --json asks for).")
  boolean quiet;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the server's answers as JSON, for scripts.")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  RootCommand(Context context) {
    this.context = context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }

  Context context() {
    return context;
  }

  SignIns signIns() {
    return new SignIns(context.configDir());
  }

  /** The server to talk to, normalized to scheme, host, port and path without a trailing slash. */
  URI serverUri() {
    var given = server;
    if (given == null || given.isBlank()) {
      given = context.env().get("FILESHARE_URL");
    }
    if (given == null || given.isBlank()) {
      given = signIns().lastServer();
    }
    if (given == null || given.isBlank()) {
      throw new CliException(Exit.USAGE, "Which server? Give --server URL or set FILESHARE_URL");
    }
    return normalize(given);
  }

  static URI normalize(String given) {
    try {
      var uri = new URI(given.strip());
      if (uri.getScheme() == null
          || !(uri.getScheme().equalsIgnoreCase("http")
              || uri.getScheme().equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new CliException(
            Exit.USAGE, "The server must be an http:// or https:// URL, not " + given);
      }
      var path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
      return new URI(
          uri.getScheme().toLowerCase(java.util.Locale.ROOT),
          null,
          uri.getHost().toLowerCase(java.util.Locale.ROOT),
          uri.getPort(),
          path,
          null,
          null);
    } catch (URISyntaxException e) {
      throw new CliException(Exit.USAGE, "Not a URL: " + given);
    }
  }

  /** An API client without a token, for signing in. */
  Api anonymous() {
    return new Api(serverUri(), null);
  }

  /** An API client with the sign-in's token; not signed in is exit status 3. */
  Api api() {
    var uri = serverUri();
    var token = context.env().get("FILESHARE_TOKEN");
    if (token == null || token.isBlank()) {
      var signIn = signIns().get(uri.toString());
      if (signIn == null) {
        throw new CliException(
            Exit.AUTH, "Not signed in to " + uri + ": run fileshare login --server " + uri);
      }
      token = signIn.token();
    }
    return new Api(uri, token.strip());
  }

  /** A line for people: not printed with --quiet, nor with --json (whose output is the JSON). */
  void say(String line) {
    if (!quiet && !json) {
      context.out().println(line);
    }
  }

  void printJson(Object value) {
    Json.print(context.out(), value);
  }

  Progress progress() {
    return new Progress(context.terminal() && !quiet && !json);
  }
}
