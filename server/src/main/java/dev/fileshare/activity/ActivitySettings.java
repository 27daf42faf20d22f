package dev.fileshare.activity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The activity feed ({@code fileshare.activity.*}).
 *
 * @param retention how long an entry is kept ({@code FILESHARE_ACTIVITY_RETENTION}, such as {@code
 *     90d})
 * @param cleanupInterval how often entries older than that are removed
 */
@ConfigurationProperties("fileshare.activity")
record ActivitySettings(
    @DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration cleanupInterval) {}
