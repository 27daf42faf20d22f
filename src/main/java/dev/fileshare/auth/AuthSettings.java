package dev.fileshare.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in token rules ({@code fileshare.auth.*}).
 *
 * @param tokenIdleTimeout a token unused this long stops working
 * @param tokenMaxAge a token stops working this long after sign-in, however much it is used
 * @param touchInterval how often at most a token's last use is written (fewer writes per request)
 */
@ConfigurationProperties("fileshare.auth")
record AuthSettings(
    @DefaultValue("30d") Duration tokenIdleTimeout,
    @DefaultValue("90d") Duration tokenMaxAge,
    @DefaultValue("1m") Duration touchInterval) {}
