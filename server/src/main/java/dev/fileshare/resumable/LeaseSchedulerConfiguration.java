package dev.fileshare.resumable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The thread that renews the holds on uploads being written. */
@Configuration(proxyBeanMethods = false)
class LeaseSchedulerConfiguration {

  static final String SCHEDULER = "uploadLeaseScheduler";

  /**
   * A thread of its own, so that a long {@code @Scheduled} sweep never delays a renewal. Not a
   * default candidate: the application's {@code @Scheduled} tasks keep the scheduler Spring Boot
   * sets up for them, and only {@link HoldService} asks for this one by name. It accepts renewals
   * until the context is destroyed, after the web server has let its last requests finish, since
   * those requests hold uploads that must not be taken from them meanwhile.
   */
  @Bean(name = SCHEDULER, defaultCandidate = false)
  ThreadPoolTaskScheduler uploadLeaseScheduler() {
    var scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setThreadNamePrefix("upload-lease-");
    scheduler.setDaemon(true);
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setAcceptTasksAfterContextClose(true);
    return scheduler;
  }
}
