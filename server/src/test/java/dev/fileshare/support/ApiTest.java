package dev.fileshare.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that call the real server: an {@link Api} client for its port, and the clock,
 * put back after every test.
 */
@IntegrationTest
public abstract class ApiTest {

  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;
  protected Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }
}
