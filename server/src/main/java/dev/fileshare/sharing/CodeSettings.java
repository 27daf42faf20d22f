package dev.fileshare.sharing;

import dev.fileshare.auth.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-time codes that prove an address ({@code fileshare.sharing.codes.*}).
 *
 * @param ttl how long a code is valid
 * @param tries how many times a code may be entered, right or wrong
 * @param perAddress codes asked for one address, on anything
 * @param perScope codes asked for one link (or other restricted thing), for any address
 * @param perClient codes asked from one client address
 * @param failuresPerClient wrong codes entered from one client address, for anything
 */
@ConfigurationProperties("fileshare.sharing.codes")
public record CodeSettings(
    @DefaultValue("10m") Duration ttl,
    @DefaultValue("5") int tries,
    @DefaultValue("5/1h") Limit perAddress,
    @DefaultValue("50/1h") Limit perScope,
    @DefaultValue("20/1h") Limit perClient,
    @DefaultValue("30/15m") Limit failuresPerClient) {}
