package dev.fileshare.auth;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on rules ({@code fileshare.sso.*}); the identity providers themselves are Spring
 * Boot's {@code spring.security.oauth2.client.*} settings.
 *
 * @param createAccounts whether a person without an account gets one at their first single sign-on
 *     (else only existing accounts may sign in that way)
 * @param adminGroup members of this group (in the ID token's groups claim) are administrators; none
 *     by default
 * @param groupsClaim the claim of the ID token or user info that lists the person's groups
 * @param requestTtl how long a sign-in started at the identity provider may take to come back
 * @param codeTtl how long the web page has to exchange the one-time code for a token
 */
@ConfigurationProperties("fileshare.sso")
record SsoSettings(
    @DefaultValue("true") boolean createAccounts,
    @Nullable String adminGroup,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue("10m") Duration requestTtl,
    @DefaultValue("60s") Duration codeTtl) {

  Optional<String> group() {
    return Optional.ofNullable(adminGroup).map(String::strip).filter(group -> !group.isEmpty());
  }
}
