package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class VirtualThreadCarriersTests {

  private String before;

  @BeforeEach
  void remember() {
    before = System.clearProperty(VirtualThreadCarriers.JDK_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(VirtualThreadCarriers.JDK_PROPERTY);
    } else {
      System.setProperty(VirtualThreadCarriers.JDK_PROPERTY, before);
    }
  }

  private static void prepare(MockEnvironment environment) {
    new VirtualThreadCarriers().postProcessEnvironment(environment, new SpringApplication());
  }

  @Test
  void oneCarrierPerCoreByDefault() {
    prepare(new MockEnvironment());

    assertThat(System.getProperty(VirtualThreadCarriers.JDK_PROPERTY))
        .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void theSettingChoosesTheNumber() {
    prepare(new MockEnvironment().withProperty(VirtualThreadCarriers.PROPERTY, "3"));

    assertThat(System.getProperty(VirtualThreadCarriers.JDK_PROPERTY)).isEqualTo("3");
  }

  @Test
  void aJvmOptionWins() {
    System.setProperty(VirtualThreadCarriers.JDK_PROPERTY, "5");

    prepare(new MockEnvironment().withProperty(VirtualThreadCarriers.PROPERTY, "3"));

    assertThat(System.getProperty(VirtualThreadCarriers.JDK_PROPERTY)).isEqualTo("5");
  }

  @Test
  void refusesNoCarriers() {
    var environment = new MockEnvironment().withProperty(VirtualThreadCarriers.PROPERTY, "0");

    assertThatThrownBy(() -> prepare(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(VirtualThreadCarriers.PROPERTY);
  }
}
