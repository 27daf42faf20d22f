package dev.fileshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The calls a visitor of a restricted link makes: ask for a code, read it from the mail, give it.
 */
final class CodeCalls {

  private static final Pattern CODE = Pattern.compile("Your code: (\\d{6})");

  private CodeCalls() {}

  /** A new address nobody has used, at the domain. */
  static String newAddress(String domain) {
    return SignUp.newName("visitor") + "@" + domain;
  }

  static Api.Answer ask(Api api, String linkToken, String address) {
    return api.post("/api/s/" + linkToken + "/code/").json(Map.of("address", address)).send();
  }

  static Api.Answer verify(Api api, String linkToken, String address, String code) {
    return api.post("/api/s/" + linkToken + "/verify/")
        .json(Map.of("address", address, "code", code))
        .send();
  }

  /** The code in the {@code count}-th mail to the address, waiting for it. */
  static String mailedCode(String address, int count) {
    var text = Mailbox.text(Mailbox.await(address, count));
    var matcher = CODE.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  /** Asks for a code, reads it from the mail and gives it: answers the access. */
  static String proved(Api api, String linkToken, String address) {
    var before = Mailbox.all(address).size();
    assertThat(ask(api, linkToken, address).status()).isEqualTo(202);
    var answer = verify(api, linkToken, address, mailedCode(address, before + 1));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("access").asString();
  }

  /** A code that is not the right one. */
  static String other(String code) {
    return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
  }
}
