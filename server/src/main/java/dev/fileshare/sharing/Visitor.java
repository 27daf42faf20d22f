package dev.fileshare.sharing;

import org.jspecify.annotations.Nullable;

/**
 * Someone opening a link.
 *
 * @param address the client's address (the connection's, or the one a trusted proxy forwards)
 * @param userAgent the client's User-Agent, if it sent one
 * @param access the secret of the grant a correct password gave them, if they show one
 */
public record Visitor(String address, @Nullable String userAgent, @Nullable String access) {}
