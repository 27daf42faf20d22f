package dev.fileshare.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account rules ({@code fileshare.accounts.*}).
 *
 * @param verificationTtl how long an email verification link works
 * @param resetTtl how long a password reset link works
 * @param passwordMinLength the fewest characters a password may have
 * @param passwordMaxLength the most characters a password may have; longer ones are refused, never
 *     cut
 * @param passwordMinScore the lowest zxcvbn strength score (0 to 4) a password may have
 */
@ConfigurationProperties("fileshare.accounts")
record AccountsSettings(
    @DefaultValue("24h") Duration verificationTtl,
    @DefaultValue("60m") Duration resetTtl,
    @DefaultValue("12") int passwordMinLength,
    @DefaultValue("1024") int passwordMaxLength,
    @DefaultValue("3") int passwordMinScore) {}
