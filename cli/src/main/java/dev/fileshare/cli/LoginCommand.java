package dev.fileshare.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "login",
    description = {
      "Sign in, and keep the token (owner-only) for the next commands.",
      "Asks for the password without echo, and for a two-factor code when the account has one."
    })
final class LoginCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Option(
      names = {"-u", "--username"},
      description = "Your username or email address (asked for when not given).")
  @Nullable String username;

  @Option(
      names = "--password-stdin",
      description =
          "Read the password (or the API key) from the first line of standard input, and a"
              + " two-factor code, when asked, from the second.")
  boolean passwordStdin;

  @Option(names = "--code", description = "The two-factor code (asked for when needed).")
  @Nullable String code;

  @Option(
      names = "--api-key",
      description = "Sign in with an API key (fsk_…) made on the web page, in place of a password.")
  boolean apiKey;

  @Override
  public void run() {
    var api = root.anonymous();
    var server = api.server().toString();
    var prompt = new Prompt(root.context());
    var signIn = apiKey ? withKey(api, prompt) : withPassword(api, prompt);
    var signIns = root.signIns();
    var previous = signIns.get(server);
    signIns.put(server, signIn);
    if (previous != null && !previous.apiKey() && !previous.token().equals(signIn.token())) {
      LogoutCommand.endQuietly(new Api(api.server(), previous.token()));
    }
    if (root.json) {
      var answer = new LinkedHashMap<String, Object>();
      answer.put("server", server);
      answer.put("user", signIn.user());
      answer.put("api_key", signIn.apiKey());
      root.printJson(answer);
    }
    root.say(
        "Signed in to "
            + server
            + (signIn.user() == null ? " with an API key" : " as " + signIn.user())
            + " (kept in "
            + signIns.file()
            + ")");
  }

  private SignIns.SignIn withPassword(Api api, Prompt prompt) {
    var name = username != null ? username : prompt.line("Username: ", "--username");
    var password =
        passwordStdin
            ? prompt.stdinLine("the password")
            : prompt.secret("Password: ", "--password-stdin");
    Map<String, Object> answer;
    try {
      answer = api.postJson("/api/user/login/", Map.of("username", name, "password", password));
    } catch (CliException refused) {
      throw signInRefused(refused);
    }
    if (Boolean.TRUE.equals(answer.get("two_factor_required"))) {
      var given =
          code != null
              ? code
              : passwordStdin
                  ? prompt.stdinLine("the two-factor code")
                  : prompt.line("Two-factor code (or a recovery code): ", "--code");
      try {
        answer =
            api.postJson(
                "/api/user/login/2fa/",
                Map.of(
                    "challenge", String.valueOf(answer.get("challenge")), "code", given.strip()));
      } catch (CliException refused) {
        throw signInRefused(refused);
      }
    }
    if (!(answer.get("token") instanceof String token)) {
      throw new CliException(Exit.FAILED, "The server's answer holds no token");
    }
    var user = new Api(api.server(), token).getObject("/api/user/me/").get("username");
    return new SignIns.SignIn(token, user instanceof String u ? u : name, false);
  }

  private SignIns.SignIn withKey(Api api, Prompt prompt) {
    var key =
        passwordStdin
            ? prompt.stdinLine("the API key")
            : prompt.secret("API key: ", "--password-stdin");
    try {
      var user = new Api(api.server(), key.strip()).getObject("/api/user/me/").get("username");
      return new SignIns.SignIn(key.strip(), user instanceof String u ? u : null, true);
    } catch (CliException refused) {
      if (refused.status() == 401) {
        throw new CliException(
            Exit.AUTH,
            "The server does not accept this API key: it is revoked, expired or mistyped");
      }
      if (refused.status() == 403) {
        // a key without the account scope: valid, but it may not read the profile
        return new SignIns.SignIn(key.strip(), null, true);
      }
      throw refused;
    }
  }

  /** A refused sign-in is exit status 3 with the server's reason, except when it is busy. */
  private static CliException signInRefused(CliException refused) {
    var status = refused.status();
    if (status == 400 || status == 401 || status == 403) {
      var error = refused.problem().get("error");
      var message =
          "two_factor_setup_required".equals(error)
              ? "This server requires two-factor sign-in and the account has none: set it up on"
                  + " the web page first"
              : "Invalid credentials".equals(error)
                  ? "Wrong username or password"
                  : "Invalid two-factor code".equals(error)
                      ? "Wrong two-factor code"
                      : Api.message(refused.problem(), status);
      return new CliException(Exit.AUTH, message, status, refused.problem());
    }
    return refused;
  }
}
