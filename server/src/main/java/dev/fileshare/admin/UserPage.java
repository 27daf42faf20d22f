package dev.fileshare.admin;

import dev.fileshare.accounts.UserCursor;
import java.util.List;
import java.util.Optional;

/**
 * A page of the administrators' list of users.
 *
 * @param users the users of the page, in the list's order
 * @param next where the next page starts; empty on the last page
 */
public record UserPage(List<AdminUser> users, Optional<UserCursor> next) {}
