package dev.fileshare.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code fileshare.rate-limit.*}), each written {@code requests/period}. Counted in
 * the database, so they hold across all server nodes. {@code registerPerIp} counts open
 * registrations and refused ones; {@code registerAdmittedPerIp} those that an invitation or an
 * allowed domain lets in, so that a class or an office behind one address can sign up on its first
 * day. {@code sharesPerUser} counts the new shares (each mails someone) a user makes; {@code
 * userSearchPerUser} the username suggestions they ask for. {@code codeTriesPerChallenge} counts
 * the codes tried for one sign-in halfway, {@code codeFailuresPerAccount} the wrong two-factor
 * codes given for one account.
 */
@ConfigurationProperties("fileshare.rate-limit")
public record RateLimitSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("30/1m") Limit loginPerIp,
    @DefaultValue("10/15m") Limit loginFailuresPerAccount,
    @DefaultValue("10/1h") Limit registerPerIp,
    @DefaultValue("1000/1h") Limit registerAdmittedPerIp,
    @DefaultValue("5/1h") Limit resendPerIp,
    @DefaultValue("5/1h") Limit resetPerIp,
    @DefaultValue("100/1h") Limit sharesPerUser,
    @DefaultValue("120/1m") Limit userSearchPerUser,
    @DefaultValue("5/5m") Limit codeTriesPerChallenge,
    @DefaultValue("10/15m") Limit codeFailuresPerAccount) {}
