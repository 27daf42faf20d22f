package dev.fileshare.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sets how many platform threads carry the virtual threads that serve requests (JDK 21+), before
 * the first virtual thread starts: {@code fileshare.virtual-threads.carriers}, by default one per
 * core, as the JDK would. Four per core gave a better p99 once, on a list that cost a tenth of what
 * it costs now; measured side by side since, with a quiet machine and beside a CPU hog, one per
 * core gave the higher throughput and a p99 five times shorter: more carriers than cores only take
 * turns on them (docs/performance.md, "Carriers again"). A {@code
 * -Djdk.virtualThreadScheduler.parallelism} given to the JVM wins.
 */
class VirtualThreadCarriers implements EnvironmentPostProcessor {

  static final String JDK_PROPERTY = "jdk.virtualThreadScheduler.parallelism";
  static final String PROPERTY = "fileshare.virtual-threads.carriers";
  static final int PER_CORE = 1;

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
