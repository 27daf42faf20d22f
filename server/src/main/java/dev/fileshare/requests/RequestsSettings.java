package dev.fileshare.requests;

import dev.fileshare.auth.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * File requests ({@code fileshare.requests.*}).
 *
 * @param notifyDelay how long new uploads are gathered before the owner's mail about them
 * @param notifyInterval the least time between two mails about one request
 * @param notifyCheck how often the server looks for mails that are due
 * @param visitTtl how long a visit of a request's page lasts: its uploads are the visitor's own
 * @param cleanupInterval how often expired visits are removed
 * @param uploadsPerAddress uploads (and resumable uploads started) from one client address
 * @param visitsPerAddress visits started from one client address
 * @param passwordFailuresPerRequest wrong passwords allowed for one request, from any address
 * @param passwordFailuresPerAddress wrong passwords allowed from one address, for any request
 * @param passwordMinLength the fewest characters a request's password may have
 */
@ConfigurationProperties("fileshare.requests")
public record RequestsSettings(
    @DefaultValue("1m") Duration notifyDelay,
    @DefaultValue("5m") Duration notifyInterval,
    @DefaultValue("30s") Duration notifyCheck,
    @DefaultValue("12h") Duration visitTtl,
    @DefaultValue("1h") Duration cleanupInterval,
    @DefaultValue("200/1h") Limit uploadsPerAddress,
    @DefaultValue("100/1h") Limit visitsPerAddress,
    @DefaultValue("10/15m") Limit passwordFailuresPerRequest,
    @DefaultValue("30/15m") Limit passwordFailuresPerAddress,
    @DefaultValue("6") int passwordMinLength) {}
