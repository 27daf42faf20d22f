/** Administrators: the admin command, and what the admin API does to accounts; site totals. */
@NullMarked
package dev.fileshare.admin;

import org.jspecify.annotations.NullMarked;
