package dev.fileshare.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "whoami", description = "Who you are signed in as, and where.")
final class WhoamiCommand implements Runnable {

  @ParentCommand RootCommand root;

  @Override
  public void run() {
    var api = root.api();
    try {
      var me = api.getObject("/api/user/me/");
      if (root.json) {
        root.printJson(me);
      }
      var line = new StringBuilder().append(me.get("username"));
      if (me.get("email") != null) {
        line.append(" <").append(me.get("email")).append('>');
      }
      line.append(" on ").append(api.server());
      if (me.get("usage") instanceof java.util.Map<?, ?> usage
          && usage.get("bytes") instanceof Number bytes) {
        line.append(" — ")
            .append(usage.get("files"))
            .append(" files, ")
            .append(Sizes.human(bytes.longValue()));
        if (usage.get("quota_bytes") instanceof Number quota) {
          line.append(" of ").append(Sizes.human(quota.longValue()));
        }
      }
      root.say(line.toString());
    } catch (CliException refused) {
      if (refused.status() != 403) {
        throw refused;
      }
      // an API key without the account scope: it works, but may not read the profile
      if (root.json) {
        root.printJson(java.util.Map.of("server", api.server().toString(), "api_key", true));
      }
      root.say("An API key without the account scope, on " + api.server());
    }
  }
}
