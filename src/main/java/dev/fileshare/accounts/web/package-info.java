/** The account endpoints of the JSON API, and the pages that mail links open. */
package dev.fileshare.accounts.web;
