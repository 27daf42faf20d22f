package dev.fileshare.accounts;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may register ({@code fileshare.registration.*}).
 *
 * @param policy open, domains, invite or closed; unset: {@code fileshare.registration} itself (as
 *     {@code FILESHARE_REGISTRATION=invite}), else open
 * @param domains the address domains the domains policy lets in: {@code example.org} is that domain
 *     only, {@code *.example.org} any domain under it (not example.org itself)
 * @param approval whether accounts that registered without an administrator's invitation wait for
 *     an administrator's approval before they may sign in
 * @param usersMayInvite whether every user, not only administrators, may send invitations
 * @param invitationTtl how long an invitation works when its sender does not say
 */
@ConfigurationProperties("fileshare.registration")
record RegistrationSettings(
    @Nullable String policy,
    @DefaultValue List<String> domains,
    @DefaultValue("false") boolean approval,
    @DefaultValue("false") boolean usersMayInvite,
    @DefaultValue("7d") Duration invitationTtl) {}
