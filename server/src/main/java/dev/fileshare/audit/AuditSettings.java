package dev.fileshare.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's settings ({@code fileshare.audit.*}).
 *
 * @param retention how long entries are kept
 * @param cleanupInterval how often older entries are removed
 */
@ConfigurationProperties("fileshare.audit")
record AuditSettings(
    @DefaultValue("365d") Duration retention, @DefaultValue("1h") Duration cleanupInterval) {}
