package dev.fileshare.accounts.web;

/** The original API's success answer: {@code {"message": "..."}}. */
record Message(String message) {}
