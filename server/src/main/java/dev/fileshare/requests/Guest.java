package dev.fileshare.requests;

import org.jspecify.annotations.Nullable;

/**
 * Someone using a request's link.
 *
 * @param address the client's address (the connection's, or the one a trusted proxy forwards)
 * @param visit the secret of their visit, if they show one
 */
public record Guest(String address, @Nullable String visit) {}
