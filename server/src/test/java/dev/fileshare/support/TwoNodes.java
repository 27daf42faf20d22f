package dev.fileshare.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two server nodes on their own ports sharing one PostgreSQL database and one S3 bucket, as behind
 * a load balancer, for the tests of a class that registers this extension. They start once for the
 * class and stop after it; on SQLite (one node's database) every test of the class is skipped.
 * Sign-up and sign-in limits are out of the way; {@code settings} add to them.
 */
public final class TwoNodes implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final Map<String, String> settings;
  private final BiConsumer<Node, Node> started;
  private @Nullable Node one;
  private @Nullable Node two;

  /** {@code started} is given the two nodes once they answer. */
  public TwoNodes(Map<String, String> settings, BiConsumer<Node, Node> started) {
    this.settings = settings;
    this.started = started;
  }

  private static boolean postgres() {
    return "postgres".equals(TestPeers.database());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!postgres()) {
      return;
    }
    var all = new HashMap<String, String>();
    all.put("fileshare.storage.type", "s3");
    all.put("fileshare.rate-limit.login-per-ip", "100000/1m");
    all.put("fileshare.rate-limit.register-per-ip", "100000/1m");
    all.putAll(settings);
    var shared =
        Node.merged(
            Node.postgres(TestPeers.newPostgresDatabase()), Node.s3(S3TestServer.newBucket()), all);
    one = Node.start(shared);
    two = Node.start(shared);
    started.accept(one, two);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    assumeTrue(postgres(), "several nodes need PostgreSQL");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (var node : new Node[] {one, two}) {
      if (node != null) {
        node.close();
      }
    }
  }
}
