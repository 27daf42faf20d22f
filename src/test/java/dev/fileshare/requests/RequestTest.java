package dev.fileshare.requests;

import dev.fileshare.support.ApiTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The request suites share one server: mails about new uploads gathered for a few seconds, looked
 * for often, and rate limits out of the way (every test calls from 127.0.0.1).
 */
@TestPropertySource(
    properties = {
      "fileshare.requests.notify-delay=3s",
      "fileshare.requests.notify-check=200ms",
      "fileshare.requests.uploads-per-address=100000/1m",
      "fileshare.requests.visits-per-address=100000/1m"
    })
abstract class RequestTest extends ApiTest {}
