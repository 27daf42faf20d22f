package dev.fileshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, a new verification mail and a password reset take the same time for an account that
 * exists and one that does not, so that their timing does not tell who has an account: many
 * requests of each kind, interleaved, compared by their medians and by the largest gap between
 * their distributions (Kolmogorov-Smirnov). {@code -Dtiming.samples} sets how many (200 here;
 * {@code bench/timing.sh} runs thousands).
 */
class TimingIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(TimingIntegrationTests.class);
  private static final int SAMPLES = Integer.getInteger("timing.samples", 200);

  private static Node node;
  private static Api api;
  private static String verified;
  private static String unverified;

  @BeforeAll
  static void start() throws Exception {
    var settings = new HashMap<String, String>();
    settings.put("fileshare.data-dir", Files.createTempDirectory("fileshare-timing-").toString());
    settings.put("fileshare.rate-limit.enabled", "false");
    if ("postgres".equals(TestPeers.database())) {
      settings.putAll(Node.postgres(TestPeers.newPostgresDatabase()));
    }
    node = Node.start(settings);
    api = node.api();
    verified = SignUp.newName("known");
    SignUp.verifiedUser(api, verified);
    unverified = SignUp.newName("waiting");
    SignUp.register(api, unverified);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void signInWithAWrongPasswordTakesAsLongForAnUnknownName() {
    compare(
        "sign-in",
        name ->
            api.post("/api/user/login/")
                .json(Map.of("username", name, "password", "not the password at all"))
                .send()
                .status(),
        verified,
        400,
        SAMPLES / 2); // each one hashes a password: half as many are as telling and take seconds
  }

  @Test
  void aPasswordResetTakesAsLongForAnUnknownAddress() {
    compare(
        "password reset",
        name ->
            api.post("/api/user/password-reset/")
                .json(Map.of("email", SignUp.email(name)))
                .send()
                .status(),
        verified,
        202);
  }

  @Test
  void aNewVerificationMailTakesAsLongForAnUnknownAddress() {
    compare(
        "resend verification",
        name ->
            api.post("/api/user/resend-verification/")
                .json(Map.of("email", SignUp.email(name)))
                .send()
                .status(),
        unverified,
        202);
  }

  /**
   * Calls the request for the known name and for unknown ones in turn, after a warm-up, and
   * compares the two sets of times.
   */
  private static void compare(
      String what, Function<String, Integer> request, String known, int status) {
    compare(what, request, known, status, SAMPLES);
  }

  private static void compare(
      String what, Function<String, Integer> request, String known, int status, int samples) {
    for (var i = 0; i < 20; i++) {
      request.apply(known);
      request.apply(SignUp.newName("nobody"));
    }
    var knownTimes = new long[samples];
    var unknownTimes = new long[samples];
    for (var i = 0; i < samples; i++) {
      var first = i % 2 == 0;
      var a = timed(request, first ? known : SignUp.newName("nobody"), status);
      var b = timed(request, first ? SignUp.newName("nobody") : known, status);
      knownTimes[i] = first ? a : b;
      unknownTimes[i] = first ? b : a;
    }
    var knownMedian = median(knownTimes);
    var unknownMedian = median(unknownTimes);
    var gap = ksDistance(knownTimes, unknownTimes);
    log.info(
        "Timing of {}: {} samples each, median {} µs (account) and {} µs (none), KS distance {}",
        what,
        samples,
        knownMedian / 1000,
        unknownMedian / 1000,
        String.format("%.3f", gap));
    var larger = Math.max(knownMedian, unknownMedian);
    assertThat(Math.abs(knownMedian - unknownMedian))
        .as("%s: medians %d and %d ns", what, knownMedian, unknownMedian)
        .isLessThanOrEqualTo(Math.max(1_000_000L, larger / 5));
    assertThat(gap).as("%s: KS distance", what).isLessThan(0.3);
  }

  private static long timed(Function<String, Integer> request, String name, int status) {
    var started = System.nanoTime();
    var answered = request.apply(name);
    var took = System.nanoTime() - started;
    assertThat(answered).isEqualTo(status);
    return took;
  }

  private static long median(long[] times) {
    var sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The largest gap between the two samples' cumulative distributions, from 0 to 1. */
  static double ksDistance(long[] a, long[] b) {
    var sa = a.clone();
    var sb = b.clone();
    Arrays.sort(sa);
    Arrays.sort(sb);
    var i = 0;
    var j = 0;
    var gap = 0.0;
    while (i < sa.length && j < sb.length) {
      if (sa[i] <= sb[j]) {
        i++;
      } else {
        j++;
      }
      gap = Math.max(gap, Math.abs((double) i / sa.length - (double) j / sb.length));
    }
    return gap;
  }
}
