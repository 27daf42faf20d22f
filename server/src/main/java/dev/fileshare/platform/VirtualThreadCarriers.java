package dev.fileshare.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sets how many platform threads carry the virtual threads that serve requests (JDK 21+), before
 * the first virtual thread starts: {@code fileshare.virtual-threads.carriers}, by default four per
 * core. With one carrier per core (the JDK's default) a busy server answered most requests at once
 * but kept some waiting for hundreds of milliseconds, while a carrier sat parked; with more
 * carriers than cores no request waits behind a parked one (docs/performance.md). A {@code
 * -Djdk.virtualThreadScheduler.parallelism} given to the JVM wins.
 */
class VirtualThreadCarriers implements EnvironmentPostProcessor {

  static final String JDK_PROPERTY = "jdk.virtualThreadScheduler.parallelism";
  static final String PROPERTY = "fileshare.virtual-threads.carriers";
  static final int PER_CORE = 4;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (System.getProperty(JDK_PROPERTY) != null) {
      return;
    }
    var carriers =
        environment.getProperty(
            PROPERTY, Integer.class, PER_CORE * Runtime.getRuntime().availableProcessors());
    if (carriers < 1) {
      throw new IllegalArgumentException(PROPERTY + " must be at least 1, not " + carriers);
    }
    System.setProperty(JDK_PROPERTY, Integer.toString(carriers));
  }
}
