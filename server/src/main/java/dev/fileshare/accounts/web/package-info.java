/** The account endpoints of the JSON API, and the pages that mail links open. */
@NullMarked
package dev.fileshare.accounts.web;

import org.jspecify.annotations.NullMarked;
