package dev.fileshare.shared;

/** The database id of a user account, shared by every module that refers to a user. */
public record UserId(long value) {}
