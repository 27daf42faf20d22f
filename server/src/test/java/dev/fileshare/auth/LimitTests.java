package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTests {

  @Test
  void readsRequestsPerPeriod() {
    assertThat(Limit.parse("10/1h")).isEqualTo(new Limit(10, Duration.ofHours(1)));
    assertThat(Limit.parse(" 5 / 15m ")).isEqualTo(new Limit(5, Duration.ofMinutes(15)));
    assertThat(Limit.parse("3/PT30S")).isEqualTo(new Limit(3, Duration.ofSeconds(30)));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Limit.parse("10")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Limit.parse("0/1h")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Limit.parse("x/1h")).isInstanceOf(IllegalArgumentException.class);
  }
}
