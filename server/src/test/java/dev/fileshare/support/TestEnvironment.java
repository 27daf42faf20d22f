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
 * PostgreSQL database when {@code -Dfileshare.test.db=postgres}), its own blob store (local disk,
 * or a fresh bucket of {@link S3TestServer} when {@code -Dfileshare.test.storage=s3}), and points
 * mail at GreenMail. The public URL is deliberately not the address the tests call, so that a link
 * built from a request's Host header would be caught (unless a test sets its own, as the single
 * sign-on tests do: the identity provider sends the browser back to it).
 */
public class TestEnvironment
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PUBLIC_URL = "https://files.example.test";

  /** A test that needs a public URL of its own sets it here (as well as the public URL itself). */
  public static final String OWN_PUBLIC_URL = "fileshare.test.public-url";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      var dataDir = Files.createTempDirectory("fileshare-test-");
      var values = new ArrayList<String>();
      values.add("fileshare.data-dir=" + dataDir);
      // (application.properties has a default, so a test's own is asked for by a name of its own)
      values.add(
          "fileshare.public-url="
              + context.getEnvironment().getProperty(OWN_PUBLIC_URL, PUBLIC_URL));
      // the test identity provider's Spring Authorization Server is on the test classpath: it is
      // no part of the server under test
      values.add(
          "spring.autoconfigure.exclude="
              + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure"
              + ".servlet.OAuth2AuthorizationServerAutoConfiguration,"
              + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure"
              + ".servlet.OAuth2AuthorizationServerJwtAutoConfiguration");
      values.add("spring.mail.host=127.0.0.1");
      values.add("spring.mail.port=" + TestPeers.smtp().getSmtp().getPort());
      values.add("fileshare.mail.poll-interval=200ms");
      values.add("fileshare.mail.retry-initial-delay=200ms");
      // Every test calls from 127.0.0.1: limits are generous here and tested on their own.
      for (var limit :
          new String[] {
            "login-per-ip",
            "register-per-ip",
            "register-admitted-per-ip",
            "resend-per-ip",
            "reset-per-ip",
            "shares-per-user",
            "user-search-per-user"
          }) {
        if (!context.getEnvironment().containsProperty("fileshare.rate-limit." + limit)) {
          values.add("fileshare.rate-limit." + limit + "=100000/1m");
        }
      }
      if ("postgres".equals(TestPeers.database())) {
        values.add("spring.datasource.url=" + TestPeers.newPostgresDatabase());
        values.add("spring.datasource.username=postgres");
        values.add("spring.datasource.password=postgres");
      }
      if ("s3".equals(TestPeers.storage())) {
        values.add("fileshare.storage.type=s3");
        values.add("fileshare.storage.s3.endpoint=" + S3TestServer.endpoint());
        values.add("fileshare.storage.s3.bucket=" + S3TestServer.newBucket());
        values.add("fileshare.storage.s3.access-key=" + S3TestServer.ACCESS_KEY);
        values.add("fileshare.storage.s3.secret-key=" + S3TestServer.SECRET_KEY);
        values.add("fileshare.storage.s3.path-style=true");
        // the smallest part S3 accepts, so that uploads of a few megabytes go through multipart
        values.add("fileshare.storage.s3.part-size=5MB");
      }
      TestPropertyValues.of(values).applyTo(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
