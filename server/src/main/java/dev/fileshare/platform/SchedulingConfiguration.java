package dev.fileshare.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (mail delivery, sweeps, cleanups) runs on serving nodes only: a command such as
 * {@code migrate-storage} starts without a web server and must not, for example, send the outbox's
 * mail through settings of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class SchedulingConfiguration {}
