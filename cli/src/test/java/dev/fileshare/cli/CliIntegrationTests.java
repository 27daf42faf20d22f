package dev.fileshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the real server: signing in, the file commands, sharing, sync-up. */
class CliIntegrationTests {

  @TempDir static Path serverDir;
  static ServerUnderTest server;

  @TempDir Path home;
  @TempDir Path work;

  @BeforeAll
  static void start() throws Exception {
    server = ServerUnderTest.start(serverDir);
    for (var name : List.of("alice", "bob", "carol", "dave", "erin")) {
      server.register(name);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private CliRun cli() {
    return new CliRun(home.resolve("config")).env("FILESHARE_URL", server.url());
  }

  /** Signed in with a config directory of the person's own, as on their own computer. */
  private CliRun signedIn(String username) {
    var cli = new CliRun(home.resolve(username)).env("FILESHARE_URL", server.url());
    var login =
        cli.withInput(ServerUnderTest.PASSWORD + "\n", "login", "-u", username, "--password-stdin");
    assertThat(login.exit()).as(login.toString()).isZero();
    return cli;
  }

  @Test
  void signInKeepsTheTokenWhereOnlyItsOwnerReadsItAndSignOutEndsIt() throws Exception {
    var cli = cli();
    var login =
        cli.withInput(
            ServerUnderTest.PASSWORD + "\n",
            "login",
            "--server",
            server.url() + "/",
            "-u",
            "alice",
            "--password-stdin");
    assertThat(login.exit()).as(login.toString()).isZero();
    assertThat(login.out()).contains("Signed in to " + server.url() + " as alice");

    var config = home.resolve("config/config.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent())))
        .isEqualTo("rwx------");
    var token =
        (String)
            ((Map<?, ?>)
                    ((Map<?, ?>) JSON.std.mapFrom(Files.readString(config)).get("servers"))
                        .get(server.url()))
                .get("token");
    assertThat(server.call("GET", "/api/user/me/", token, null).statusCode()).isEqualTo(200);
    assertThat(server.call("GET", "/api/user/sign-ins/?limit=1", token, null).body())
        .as("the server's list of sign-ins names the command line")
        .contains("\"browser\":\"fileshare-cli\"");

    var whoami = cli.run("whoami");
    assertThat(whoami.exit()).isZero();
    assertThat(whoami.out()).startsWith("alice <alice@example.org> on " + server.url());
    var json = cli.run("whoami", "--json");
    assertThat(JSON.std.mapFrom(json.out())).containsEntry("username", "alice");

    var logout = cli.run("logout");
    assertThat(logout.exit()).isZero();
    assertThat(server.call("GET", "/api/user/me/", token, null).statusCode()).isEqualTo(401);
    var after = cli.run("whoami");
    assertThat(after.exit()).isEqualTo(Exit.AUTH);
    assertThat(after.err())
        .isEqualTo(
            "fileshare: Not signed in to "
                + server.url()
                + ": run fileshare login --server "
                + server.url()
                + "\n");
  }

  @Test
  void aWrongPasswordIsOneLineAndExitStatusThree() {
    var login =
        cli().withInput("not the password at all\n", "login", "-u", "alice", "--password-stdin");
    assertThat(login.exit()).isEqualTo(Exit.AUTH);
    assertThat(login.err()).isEqualTo("fileshare: Wrong username or password\n");
    assertThat(login.out()).isEmpty();
  }

  @Test
  void twoFactorSignInTakesTheCodeFromTheSecondLine() throws Exception {
    var token = server.signIn("dave");
    var secret = (String) server.json("POST", "/api/user/2fa/setup/", token, null).get("secret");
    server.json(
        "POST",
        "/api/user/2fa/confirm/",
        token,
        Map.of("code", OneTimeCode.at(secret, Instant.now().getEpochSecond() - 30)));

    var wrong =
        cli()
            .withInput(
                ServerUnderTest.PASSWORD + "\n000000\n", "login", "-u", "dave", "--password-stdin");
    assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(Exit.AUTH);
    assertThat(wrong.err()).isEqualTo("fileshare: Wrong two-factor code\n");

    var code = OneTimeCode.at(secret, Instant.now().getEpochSecond());
    var right =
        cli()
            .withInput(
                ServerUnderTest.PASSWORD + "\n" + code + "\n",
                "login",
                "-u",
                "dave",
                "--password-stdin");
    assertThat(right.exit()).as(right.toString()).isZero();
    assertThat(cli().run("whoami").out()).startsWith("dave <dave@example.org>");
  }

  @Test
  void anApiKeySignsInWithItsScopesAndAnExpiredOneIsRefused() throws Exception {
    var token = server.signIn("erin");
    var key =
        (String)
            server
                .json(
                    "POST",
                    "/api/keys/",
                    token,
                    Map.of("name", "reader", "scopes", List.of("files:read")))
                .get("key");
    var cli = cli();
    var login = cli.withInput(key + "\n", "login", "--api-key", "--password-stdin");
    assertThat(login.exit()).as(login.toString()).isZero();
    assertThat(login.out()).contains("with an API key");
    assertThat(cli.run("ls").exit()).isZero();
    var pdf = TestPdfs.write(work.resolve("erin.pdf"), 5_000, 1);
    var upload = cli.run("upload", pdf.toString());
    assertThat(upload.exit()).isEqualTo(Exit.FAILED);
    assertThat(upload.err()).contains("files:write").contains("(HTTP 403)").doesNotContain("\tat ");

    var expiring =
        (String)
            server
                .json(
                    "POST",
                    "/api/keys/",
                    token,
                    Map.of(
                        "name",
                        "short",
                        "scopes",
                        List.of("files:read"),
                        "expires",
                        Instant.now().plusSeconds(2).toString()))
                .get("key");
    var withExpiring = cli().env("FILESHARE_TOKEN", expiring);
    assertThat(withExpiring.run("ls").exit()).isZero();
    Thread.sleep(2_500);
    var expired = withExpiring.run("ls");
    assertThat(expired.exit()).as(expired.toString()).isEqualTo(Exit.AUTH);
    assertThat(expired.err())
        .startsWith("fileshare: The server no longer accepts this sign-in")
        .endsWith("run fileshare login\n");
  }

  @Test
  void aTokenEndedElsewhereIsExitStatusThree() throws Exception {
    var cli = signedIn("carol");
    assertThat(cli.run("ls").exit()).isZero();
    server.json("POST", "/api/user/logout-all/", server.signIn("carol"), null);
    var ls = cli.run("ls");
    assertThat(ls.exit()).isEqualTo(Exit.AUTH);
    assertThat(ls.err().lines()).hasSize(1);
  }

  @Test
  void aServerThatIsDownIsExitStatusFive() throws Exception {
    var down = "http://127.0.0.1:" + ServerUnderTest.freePort();
    var ls = cli().env("FILESHARE_TOKEN", "0123456789abcdef").run("ls", "--server", down);
    assertThat(ls.exit()).isEqualTo(Exit.UNREACHABLE);
    assertThat(ls.err())
        .isEqualTo("fileshare: Cannot reach " + down + ": the connection was refused\n");
    var login =
        cli().withInput("x\n", "login", "--server", down, "-u", "alice", "--password-stdin");
    assertThat(login.exit()).isEqualTo(Exit.UNREACHABLE);
  }

  @Test
  void aWrongCommandLineIsExitStatusTwo() {
    assertThat(cli().run("frobnicate").exit()).isEqualTo(Exit.USAGE);
    assertThat(cli().run("upload").exit()).isEqualTo(Exit.USAGE);
    assertThat(cli().run("ls", "--server", "ftp://example.org").exit()).isEqualTo(Exit.USAGE);
    assertThat(new CliRun(home.resolve("none")).run("ls").err())
        .contains("Give --server URL or set FILESHARE_URL");
  }

  @Test
  void uploadListRenameDownloadAndRemove() throws Exception {
    var cli = signedIn("alice");
    var folder = work.resolve("reports");
    TestPdfs.write(folder.resolve("q1.pdf"), 20_000, 11);
    TestPdfs.write(folder.resolve("deep/q2.pdf"), 300_000, 12);
    Files.writeString(folder.resolve("notes.txt"), "not a pdf");
    var single = TestPdfs.write(work.resolve("plan.pdf"), 40_000, 13);

    var upload =
        cli.run(
            "upload", folder.toString(), single.toString(), "--visibility", "private", "--json");
    assertThat(upload.exit()).as(upload.toString()).isZero();
    var uploaded = JSON.std.listFrom(upload.out());
    assertThat(uploaded).hasSize(3);
    assertThat(uploaded)
        .allSatisfy(file -> assertThat(((Map<?, ?>) file).get("visibility")).isEqualTo("private"));

    var glob = cli.run("upload", work.resolve("reports").toString() + "/**.pdf");
    assertThat(glob.exit()).as(glob.toString()).isZero();
    assertThat(glob.out().lines()).hasSize(2).allMatch(line -> line.startsWith("Uploaded "));

    var ls = cli.run("ls", "--mine", "--sort", "name", "--json");
    var names =
        JSON.std.listFrom(ls.out()).stream()
            .map(f -> (Object) ((Map<?, ?>) f).get("name"))
            .toList();
    assertThat(names).containsExactly("plan.pdf", "q1.pdf", "q1.pdf", "q2.pdf", "q2.pdf");
    var table = cli.run("ls", "--search", "plan");
    assertThat(table.out().lines().toList()).hasSize(2);
    assertThat(table.out())
        .contains("plan.pdf")
        .contains(Sizes.human(Files.size(single)))
        .contains("private");
    assertThat(cli.run("ls", "--sort", "size", "-n", "1", "--json").out()).contains("q2.pdf");
    assertThat(cli.run("ls", "--sort", "size", "-r", "-n", "1", "--json").out()).contains("q1.pdf");

    var ambiguous = cli.run("download", "q1.pdf");
    assertThat(ambiguous.exit()).isEqualTo(Exit.FAILED);
    assertThat(ambiguous.err()).contains("2 files are named q1.pdf: give the id of one");

    var renamed = cli.run("mv", "plan.pdf", "plan-2027.pdf");
    assertThat(renamed.exit()).as(renamed.toString()).isZero();
    assertThat(renamed.out()).isEqualTo("Renamed plan.pdf to plan-2027.pdf\n");

    var target = work.resolve("out");
    var download = cli.run("download", "plan-2027.pdf", "-o", target.toString() + "/");
    assertThat(download.exit()).as(download.toString()).isZero();
    assertThat(target.resolve("plan-2027.pdf")).hasSameBinaryContentAs(single);
    var again = cli.run("download", "plan-2027.pdf", "-o", target.toString());
    assertThat(again.out()).contains("is already there");
    Files.writeString(target.resolve("plan-2027.pdf"), "changed locally");
    assertThat(cli.run("download", "plan-2027.pdf", "-o", target.toString()).exit())
        .isEqualTo(Exit.FAILED);
    assertThat(cli.run("download", "plan-2027.pdf", "-o", target.toString(), "--force").exit())
        .isZero();
    assertThat(target.resolve("plan-2027.pdf")).hasSameBinaryContentAs(single);

    var id = String.valueOf(((Map<?, ?>) uploaded.get(0)).get("id"));
    var remove = cli.run("rm", id, "plan-2027.pdf");
    assertThat(remove.exit()).as(remove.toString()).isZero();
    assertThat(remove.out().lines()).hasSize(2).allMatch(line -> line.endsWith("to the trash"));
    var gone = cli.run("download", id);
    assertThat(gone.exit()).isEqualTo(Exit.NOT_FOUND);
    assertThat(cli.run("rm", "no-such-file.pdf").exit()).isEqualTo(Exit.NOT_FOUND);

    var notPdf = cli.run("upload", folder.resolve("notes.txt").toString());
    assertThat(notPdf.exit()).isEqualTo(Exit.FAILED);
    assertThat(notPdf.err()).contains("(HTTP 415)").hasLineCount(1);
  }

  @Test
  void shareWithPeopleAndMakeALink() throws Exception {
    var cli = signedIn("bob");
    var pdf = TestPdfs.write(work.resolve("brief.pdf"), 10_000, 21);
    assertThat(cli.run("upload", pdf.toString(), "--visibility", "private").exit()).isZero();

    var share = cli.run("share", "brief.pdf", "alice", "--edit");
    assertThat(share.exit()).as(share.toString()).isZero();
    assertThat(share.out()).isEqualTo("Shared brief.pdf with alice (edit)\n");
    var invite = cli.run("share", "brief.pdf", "someone@example.net");
    assertThat(invite.out()).isEqualTo("Invited someone@example.net (read)\n");
    var list = cli.run("share", "brief.pdf", "--list");
    assertThat(list.out()).contains("alice").contains("edit").contains("someone@example.net");

    var alice = signedIn("alice");
    var shared = alice.run("ls", "--shared", "with-me", "--json");
    assertThat(shared.out()).contains("brief.pdf");

    assertThat(cli.run("share", "brief.pdf", "--revoke", "alice").exit()).isZero();
    assertThat(alice.run("ls", "--shared", "with-me", "--json").out()).doesNotContain("brief.pdf");

    var link =
        cli.run(
            "link",
            "brief.pdf",
            "--expires",
            "7d",
            "--max-downloads",
            "3",
            "--label",
            "auditors",
            "--json");
    assertThat(link.exit()).as(link.toString()).isZero();
    var made = JSON.std.mapFrom(link.out());
    assertThat(made).containsEntry("max_downloads", 3).containsEntry("label", "auditors");
    var url = (String) made.get("url");
    assertThat(url).startsWith(server.url() + "/s/");
    var visit =
        server.call("GET", "/api/s/" + url.substring(url.lastIndexOf('/') + 1) + "/", null, null);
    assertThat(visit.statusCode()).isEqualTo(200);
    assertThat(visit.body()).contains("brief.pdf");

    var quiet = cli.withInput("open sesame 42\n", "link", "brief.pdf", "--password-stdin", "-q");
    assertThat(quiet.out()).matches("http://127\\.0\\.0\\.1:\\d+/s/[0-9a-zA-Z_-]+\\n");
    assertThat(cli.run("link", "brief.pdf", "--list").out().lines()).hasSize(2);
    var never = cli.run("link", "brief.pdf", "--expires", "sometime");
    assertThat(never.exit()).isEqualTo(Exit.USAGE);
  }

  @Test
  void syncUpSendsWhatIsNewOrChangedAndNothingTheSecondTime() throws Exception {
    var cli = signedIn("carol");
    var folder = work.resolve("scans");
    TestPdfs.write(folder.resolve("a.pdf"), 8_000, 31);
    TestPdfs.write(folder.resolve("2026/b.pdf"), 9_000, 32);
    TestPdfs.write(folder.resolve(".hidden/c.pdf"), 9_000, 33);

    var first = cli.run("sync-up", folder.toString());
    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.out()).endsWith("2 uploaded, 0 replaced, 0 unchanged\n");
    var second = cli.run("sync-up", folder.toString());
    assertThat(second.out()).isEqualTo("0 uploaded, 0 replaced, 2 unchanged\n");

    TestPdfs.write(folder.resolve("2026/b.pdf"), 9_500, 34);
    TestPdfs.write(folder.resolve("d.pdf"), 7_000, 35);
    var dry = cli.run("sync-up", folder.toString(), "--dry-run");
    assertThat(dry.out())
        .contains("would replace")
        .contains("would upload")
        .endsWith("Nothing sent (dry run): 0 uploaded, 0 replaced, 1 unchanged\n");
    var third = cli.run("sync-up", folder.toString(), "--json");
    assertThat(third.exit()).isZero();
    var actions =
        JSON.std.listFrom(third.out()).stream()
            .map(r -> (Object) ((Map<?, ?>) r).get("action"))
            .toList();
    assertThat(actions).containsExactlyInAnyOrder("replaced", "unchanged", "uploaded");
    assertThat(cli.run("sync-up", folder.toString()).out())
        .isEqualTo("0 uploaded, 0 replaced, 3 unchanged\n");

    var files = JSON.std.listFrom(cli.run("ls", "--mine", "--json").out());
    assertThat(files).hasSize(3);
    var b =
        files.stream()
            .map(f -> (Map<?, ?>) f)
            .filter(f -> "b.pdf".equals(f.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(b.get("version")).isEqualTo(2);
  }
}
