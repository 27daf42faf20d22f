package dev.fileshare.auth;

import java.util.List;
import java.util.Optional;

/**
 * Who an identity provider says signed in, from the ID token and user info.
 *
 * @param registrationId the provider's name in this server's configuration
 * @param issuer the provider's issuer URL; with the subject, the person's lasting name
 * @param subject the provider's id of the person
 * @param email the address, if the provider sent one
 * @param emailVerified whether the provider says it confirmed the address
 * @param preferredUsername the name the person goes by at the provider, if any
 * @param groups the groups the provider lists for the person (the configured claim)
 */
record SsoPerson(
    String registrationId,
    String issuer,
    String subject,
    Optional<String> email,
    boolean emailVerified,
    Optional<String> preferredUsername,
    List<String> groups) {}
