package dev.fileshare.documents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The thread that stops the reading of a document at its deadline. */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

  static final String DEADLINES = "documentDeadlines";

  /**
   * A thread of its own, stopped with the context. Not a default candidate: the application's
   * {@code @Scheduled} tasks keep the scheduler Spring Boot sets up for them, and only {@link
   * DocumentJob} asks for this one by name.
   */
  @Bean(name = DEADLINES, defaultCandidate = false)
  ThreadPoolTaskScheduler documentDeadlines() {
    var scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setThreadNamePrefix("document-deadline-");
    scheduler.setDaemon(true);
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }
}
