package dev.fileshare.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (mail delivery, sweeps, cleanups) runs on serving nodes only: a command such as
 * {@code migrate-storage} starts without a web server and must not, for example, send the outbox's
 * mail through settings of its own. Its failures are logged by {@link BackgroundFailures},
 * whichever scheduler Spring Boot makes (virtual threads on JDK 21+, a pool before).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class SchedulingConfiguration {

  @Bean
  BackgroundFailures backgroundFailures(Clock clock) {
    return new BackgroundFailures(clock);
  }

  @Bean
  ThreadPoolTaskSchedulerCustomizer backgroundFailuresOnPool(BackgroundFailures failures) {
    return scheduler -> scheduler.setErrorHandler(failures);
  }

  @Bean
  SimpleAsyncTaskSchedulerCustomizer backgroundFailuresOnVirtualThreads(
      BackgroundFailures failures) {
    return scheduler -> scheduler.setErrorHandler(failures);
  }
}
