package dev.fileshare.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "logout",
    description = {
      "Sign out: the server ends the token and it is removed from this computer.",
      "An API key is only forgotten here; revoke it on the web page."
    })
final class LogoutCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Override
  public void run() {
    var server = root.serverUri();
    var signIns = root.signIns();
    var signIn = signIns.get(server.toString());
    if (signIn == null) {
      root.say("Not signed in to " + server);
      return;
    }
    if (!signIn.apiKey()) {
      endQuietly(new Api(server, signIn.token()));
    }
    signIns.remove(server.toString());
    root.say("Signed out of " + server);
  }

  /**
   * Ends a token on the server; one the server no longer knows, or cannot be told about, is fine.
   */
  static void endQuietly(Api api) {
    try {
      api.postJson("/api/user/logout/", Map.of());
    } catch (CliException gone) {
      // already ended, or the server is away: the token is forgotten here either way
    }
  }
}
