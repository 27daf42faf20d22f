package dev.fileshare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives every test application context its own data directory and database (SQLite, or a fresh
 * PostgreSQL database when {@code -Dfileshare.test.db=postgres}), and points mail at GreenMail. The
 * public URL is deliberately not the address the tests call, so that a link built from a request's
 * Host header would be caught.
 */
public class TestEnvironment
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PUBLIC_URL = "https://files.example.test";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      var dataDir = Files.createTempDirectory("fileshare-test-");
      var values = new ArrayList<String>();
      values.add("fileshare.data-dir=" + dataDir);
      values.add("fileshare.public-url=" + PUBLIC_URL);
      values.add("spring.mail.host=127.0.0.1");
      values.add("spring.mail.port=" + TestPeers.smtp().getSmtp().getPort());
      values.add("fileshare.mail.poll-interval=200ms");
      values.add("fileshare.mail.retry-initial-delay=200ms");
      // Every test calls from 127.0.0.1: limits are generous here and tested on their own.
      for (var limit :
          new String[] {"login-per-ip", "register-per-ip", "resend-per-ip", "reset-per-ip"}) {
        if (!context.getEnvironment().containsProperty("fileshare.rate-limit." + limit)) {
          values.add("fileshare.rate-limit." + limit + "=100000/1m");
        }
      }
      if ("postgres".equals(TestPeers.database())) {
        values.add("spring.datasource.url=" + TestPeers.newPostgresDatabase());
        values.add("spring.datasource.username=postgres");
        values.add("spring.datasource.password=postgres");
      }
      TestPropertyValues.of(values).applyTo(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
