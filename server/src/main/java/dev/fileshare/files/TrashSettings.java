package dev.fileshare.files;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long deleted files stay in the trash.
 *
 * @param retention how long a file stays in the trash before it is removed for good ({@code
 *     FILESHARE_TRASH_RETENTION})
 * @param purgeInterval time between two runs of the job that removes them ({@code
 *     FILESHARE_TRASH_PURGE_INTERVAL})
 */
@ConfigurationProperties("fileshare.trash")
record TrashSettings(
    @DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {}
