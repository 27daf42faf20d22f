package dev.fileshare.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Commands;
import dev.fileshare.support.SignUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Requests generated from the API's own OpenAPI document, sent to the real server: every operation,
 * with tokens of the owner (or the owner's API key), of another user, revoked, foreign or none, and
 * with parameters, headers and bodies that are wrong in one place or many. No answer may be a 5xx,
 * and every error must be an RFC 9457 problem whose {@code status} is the answer's, with no trace
 * of the server's insides.
 *
 * <p>{@code -Dfileshare.fuzz.requests=N} sets the budget (a short one here; {@code bench/fuzz.sh}
 * runs a long one) and {@code -Dfileshare.fuzz.seed=S} repeats a run: a failure prints its seed.
 */
class ApiFuzzIntegrationTests extends ApiTest {

  private static final Logger log = LoggerFactory.getLogger(ApiFuzzIntegrationTests.class);

  private static final int REQUESTS = Integer.getInteger("fileshare.fuzz.requests", 1500);
  private static final long SEED = Long.getLong("fileshare.fuzz.seed", System.nanoTime());
  private static final int MAX_REPORTED = 15;

  @Autowired Environment environment;

  @Test
  void noGeneratedRequestGetsA5xxAndEveryErrorIsAProblem() {
    var alice = SignUp.verifiedUser(api, SignUp.newName("fuzz"));
    var bob = SignUp.newName("fuzz");
    var bobToken = SignUp.verifiedUser(api, bob);
    var revoked = SignUp.login(api, bob, SignUp.PASSWORD);
    assertThat(api.post("/api/user/logout/").token(revoked).send().status()).isEqualTo(200);
    var ids = new ArrayList<>(List.of(upload(alice), upload(bobToken), "0", "999999999"));
    // the admin endpoints are fuzzed as an administrator, at bob and at the administrator
    var carol = SignUp.newName("fuzzadmin");
    var carolToken = SignUp.verifiedUser(api, carol);
    assertThat(Commands.run(environment, "admin", "grant", carol)).isZero();
    var userIds = List.of(userId(bobToken), userId(carolToken), "0", "999999999");
    var fixture =
        new RequestGenerator.Fixture(
            ids,
            alice,
            key(alice),
            bobToken,
            revoked,
            carolToken,
            userIds,
            TestPdfs.pdf("fuzzing"));
    var operations = Operation.all(api.get("/api/schema").send().json());
    assertThat(operations).hasSizeGreaterThan(20);

    var random = new Random(SEED);
    var generator = new RequestGenerator(random);
    var failures = new ArrayList<String>();
    var statuses = new int[6];
    for (var i = 0; i < REQUESTS; i++) {
      var request = generator.next(operations.get(random.nextInt(operations.size())), fixture);
      var answer = send(request);
      statuses[Math.min(answer.status() / 100, 5)]++;
      check(request, answer).ifPresent(failures::add);
      if (request.method().equals("DELETE") && answer.status() == 204) {
        ids.replaceAll(id -> request.path().contains("/" + id) ? upload(alice) : id);
      }
    }
    assertThat(failures)
        .as(
            "seed %d, %d requests (%d 2xx, %d 3xx, %d 4xx, %d 5xx); the first failures:%n%s",
            SEED,
            REQUESTS,
            statuses[2],
            statuses[3],
            statuses[4],
            statuses[5],
            String.join("\n", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))))
        .isEmpty();
    assertThat(statuses[4]).as("most generated requests are refused").isGreaterThan(REQUESTS / 4);
    log.info(
        "API fuzz: seed {}, {} requests over {} operations ({} 2xx, {} 3xx, {} 4xx, {} 5xx), 0"
            + " failures",
        SEED,
        REQUESTS,
        operations.size(),
        statuses[2],
        statuses[3],
        statuses[4],
        statuses[5]);
  }

  private Api.Answer send(Fuzzed request) {
    var call = api.call(request.method(), request.path());
    request.headers().forEach(call::header);
    if (request.body().length > 0 || request.headers().containsKey("Content-Type")) {
      call.body(request.headers().getOrDefault("Content-Type", "x/y"), request.body());
    }
    return call.send();
  }

  private static boolean isProblem(Api.Answer answer) {
    return String.valueOf(answer.contentType()).startsWith("application/problem+json")
        && answer.json().path("status").asInt() == answer.status();
  }

  static java.util.Optional<String> check(Fuzzed request, Api.Answer answer) {
    var status = answer.status();
    var problem = "";
    // 507 is an answer the API promises (a quota or the disk is full), not a failure: a
    // generated admin call can set a quota of a few bytes before an upload
    if (status >= 500 && !(status == 507 && isProblem(answer))) {
      problem = "a server error";
    } else if (status >= 400 && !request.method().equals("HEAD")) {
      var type = String.valueOf(answer.contentType());
      if (!type.startsWith("application/problem+json")) {
        problem = "an error that is not a problem (" + type + ")";
      } else if (answer.json().path("status").asInt() != status) {
        problem = "a problem whose status is not the answer's";
      }
    }
    var text = answer.text();
    if (text.contains("Exception") || text.contains("\tat ") || text.contains("org.apache")) {
      problem = "an answer that shows the server's insides";
    }
    if (problem.isEmpty()) {
      return java.util.Optional.empty();
    }
    var shown = text.length() > 300 ? text.substring(0, 300) : text;
    return java.util.Optional.of(
        problem + ": " + request + "\n    -> " + status + " " + shown.replace('\n', ' '));
  }

  private String key(String token) {
    var answer =
        api.post("/api/keys/")
            .token(token)
            .json(
                java.util.Map.of(
                    "name",
                    "fuzz",
                    "scopes",
                    List.of("files:read", "files:write", "shares", "account")))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("key").asString();
  }

  private String userId(String token) {
    return api.get("/api/user/me/").token(token).send().json().get("id").asString();
  }

  private String upload(String token) {
    var answer =
        api.post("/api/files/?name=fuzz.pdf")
            .token(token)
            .body("application/pdf", TestPdfs.pdf("fuzz " + System.nanoTime()))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asString();
  }
}
