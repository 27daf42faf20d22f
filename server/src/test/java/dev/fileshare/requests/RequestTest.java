package dev.fileshare.requests;

import dev.fileshare.support.ApiTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The request suites share one server: mails about new uploads gathered for a few seconds, looked
 * for often, and rate limits (of uploads, visits and one-time codes) out of the way (every test
 * calls from 127.0.0.1).
 */
@TestPropertySource(
    properties = {
      "fileshare.requests.notify-delay=3s",
      "fileshare.requests.notify-check=200ms",
      "fileshare.requests.uploads-per-address=100000/1m",
      "fileshare.requests.visits-per-address=100000/1m",
      "fileshare.sharing.codes.per-client=100000/1h",
      "fileshare.sharing.codes.per-scope=100000/1h",
      "fileshare.sharing.codes.failures-per-client=100000/15m"
    })
abstract class RequestTest extends ApiTest {}
