package dev.fileshare.shared;

/**
 * Who is calling: the principal of an authenticated request.
 *
 * @param userId the signed-in user
 * @param tokenId the id of the token the request presented, so that "every other sign-in" can be
 *     told apart from this one
 */
public record AuthenticatedUser(UserId userId, long tokenId) {}
