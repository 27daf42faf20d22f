package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationIntegrationTests extends ApiTest {

  Api.Answer register(String username, String password, String email) {
    var body = new HashMap<String, String>();
    if (username != null) body.put("username", username);
    if (password != null) body.put("password", password);
    if (email != null) body.put("email", email);
    return api.post("/api/user/register/").json(body).send();
  }

  static void assertError(Api.Answer answer, int status, String error) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("error").asString()).isEqualTo(error);
    assertThat(answer.json().get("detail").asString()).isEqualTo(error);
    assertThat(answer.json().get("status").asInt()).isEqualTo(status);
  }

  @Test
  void registersWithJsonAsTheOriginalDid() {
    var name = SignUp.newName("alice");
    var answer = register(name, SignUp.PASSWORD, SignUp.email(name));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().toString()).isEqualTo("{\"message\":\"Registration successful\"}");
    assertThat(answer.header("Set-Cookie")).isNull();
  }

  @Test
  void registersWithAFormAndWithoutTheTrailingSlash() {
    var name = SignUp.newName("form");
    var answer =
        api.post("/api/user/register")
            .form(
                Map.of("username", name, "password", SignUp.PASSWORD, "email", SignUp.email(name)))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("message").asString()).isEqualTo("Registration successful");
  }

  @Test
  void missingFieldsGetTheOriginalMessage() {
    var expected = "Username, password, and email are required";
    assertError(register(null, SignUp.PASSWORD, "x@example.org"), 400, expected);
    assertError(register("bob", null, "x@example.org"), 400, expected);
    assertError(register("bob", SignUp.PASSWORD, null), 400, expected);
    assertError(register("", "", ""), 400, expected);
    assertError(api.post("/api/user/register/").json("{}").send(), 400, expected);
  }

  @Test
  void duplicatesGetTheOriginalMessagesWhateverTheCase() {
    var name = SignUp.newName("Carol");
    assertThat(register(name, SignUp.PASSWORD, SignUp.email(name)).status()).isEqualTo(200);
    assertError(
        register(name.toLowerCase(), SignUp.PASSWORD, "other-" + SignUp.email(name)),
        400,
        "Username already taken");
    assertError(
        register(name + "x", SignUp.PASSWORD, SignUp.email(name).toUpperCase()),
        400,
        "Email address already registered");
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "semi;colon", "slash/", "<script>", "tab\tname"})
  void usernamesFollowDjangosRule(String username) {
    var answer = register(username, SignUp.PASSWORD, SignUp.newName("u") + "@example.org");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asString()).startsWith("Username may contain only");
  }

  @Test
  void usernamesMayHaveLettersOfAnyScriptAndAtMost150Characters() {
    var unicode = SignUp.newName("Zoë.O_日本+");
    assertThat(register(unicode, SignUp.PASSWORD, SignUp.newName("z") + "@example.org").status())
        .isEqualTo(200);
    var suffix = SignUp.newName("");
    var longest = "a".repeat(150 - suffix.length()) + suffix;
    assertThat(register(longest, SignUp.PASSWORD, SignUp.newName("l") + "@example.org").status())
        .isEqualTo(200);
    var tooLong = "b".repeat(151);
    assertThat(register(tooLong, SignUp.PASSWORD, SignUp.newName("l") + "@example.org").status())
        .isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-address", "a@b", "two@@example.org", "sp ace@example.org"})
  void emailSyntaxIsChecked(String email) {
    assertError(
        register(SignUp.newName("e"), SignUp.PASSWORD, email), 400, "Enter a valid email address");
  }

  @Test
  void weakPasswordsAreRefusedWithAReason() {
    var name = SignUp.newName("dave");
    var email = SignUp.email(name);
    assertError(
        register(name, "short", email), 400, "Password must be at least 12 characters long");
    assertThat(register(name, "password1234", email).json().get("error").asString())
        .startsWith("Password is too easy to guess");
    assertThat(register(name, "aaaaaaaaaaaaaaaa", email).json().get("error").asString())
        .startsWith("Password is too easy to guess");
    assertError(
        register(name, name + "-Secret!", email),
        400,
        "Password is too similar to the username or email address");
    assertError(
        register(name, "x".repeat(1025), email),
        400,
        "Password must be at most 1024 characters long");
  }

  @Test
  void longPasswordsAreNeverCut() {
    var name = SignUp.newName("erin");
    var password = "Unusual-Words glide over 7 quiet harbours " + "and more ".repeat(20);
    assertThat(register(name, password, SignUp.email(name)).status()).isEqualTo(200);
    SignUp.verify(api, name);
    assertThat(SignUp.login(api, name, password)).hasSize(40);
    var cut = password.substring(0, 72);
    var answer =
        api.post("/api/user/login/").json(Map.of("username", name, "password", cut)).send();
    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void malformedBodiesAreClientErrorsNeverServerErrors() {
    var bodies =
        new String[] {
          "{\"username\": ",
          "[]",
          "[{\"username\":\"a\"}]",
          "\"text\"",
          "42",
          "null",
          "{\"username\": {\"a\": 1}, \"password\": \"x\", \"email\": \"y\"}",
          "{\"username\": [1,2], \"password\": true, \"email\": 3}"
        };
    for (var body : bodies) {
      var answer = api.post("/api/user/register/").json(body).send();
      assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.text()).doesNotContain("Exception").doesNotContain("tools.jackson");
    }
    var head = "{\"username\":\"a".getBytes(StandardCharsets.UTF_8);
    var tail = "\",\"password\":\"x\",\"email\":\"y\"}".getBytes(StandardCharsets.UTF_8);
    var badUtf8 = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, badUtf8, 0, head.length);
    badUtf8[head.length] = (byte) 0xC3; // a lead byte followed by no continuation byte
    badUtf8[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, badUtf8, head.length + 2, tail.length);
    var answer = api.post("/api/user/register/").body("application/json", badUtf8).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    var empty = api.post("/api/user/register/").body("application/json", new byte[0]).send();
    assertThat(empty.status()).isEqualTo(400);
    var wrongType = api.post("/api/user/register/").body("text/plain", "hello".getBytes()).send();
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.contentType()).startsWith("application/problem+json");
  }
}
