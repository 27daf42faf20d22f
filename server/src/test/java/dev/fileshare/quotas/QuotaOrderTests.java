package dev.fileshare.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.quotas.QuotaService.Limit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the quota command makes of its words; the server's own --settings are left alone. */
class QuotaOrderTests {

  @Test
  void setTakesASizeAndOptionallyAFileCount() {
    assertThat(parse("quota", "set", "alice", "10GB"))
        .contains(new QuotaOrder("alice", Optional.of(Limit.of(10L << 30)), Optional.empty()));
    assertThat(parse("quota", "set", "alice@example.org", "500mb", "--files", "20"))
        .contains(
            new QuotaOrder(
                "alice@example.org", Optional.of(Limit.of(500L << 20)), Optional.of(Limit.of(20))));
    assertThat(parse("quota", "--spring.datasource.url=jdbc:x", "set", "bob", "1024", "--files=3"))
        .contains(new QuotaOrder("bob", Optional.of(Limit.of(1024)), Optional.of(Limit.of(3))));
  }

  @Test
  void unlimitedAndDefaultAreWords() {
    assertThat(parse("quota", "set", "alice", "unlimited", "--files", "default"))
        .contains(new QuotaOrder("alice", Optional.of(Limit.NONE), Optional.of(Limit.DEFAULT)));
    assertThat(parse("quota", "set", "alice", "Default"))
        .contains(new QuotaOrder("alice", Optional.of(Limit.DEFAULT), Optional.empty()));
  }

  @Test
  void showChangesNothing() {
    var order = parse("quota", "show", "alice");
    assertThat(order).contains(new QuotaOrder("alice", Optional.empty(), Optional.empty()));
    assertThat(order.orElseThrow().changes()).isFalse();
  }

  @Test
  void wrongWordsMakeNoOrder() {
    assertThat(parse("quota")).isEmpty();
    assertThat(parse("quota", "set", "alice")).isEmpty();
    assertThat(parse("quota", "set", "alice", "ten")).isEmpty();
    assertThat(parse("quota", "set", "alice", "-5GB")).isEmpty();
    assertThat(parse("quota", "set", "alice", "10GB", "--files", "-1")).isEmpty();
    assertThat(parse("quota", "set", "alice", "10GB", "--files", "many")).isEmpty();
    assertThat(parse("quota", "show", "alice", "--files", "3")).isEmpty();
    assertThat(parse("quota", "delete", "alice")).isEmpty();
  }

  private static Optional<QuotaOrder> parse(String... words) {
    return QuotaOrder.parse(words);
  }
}
