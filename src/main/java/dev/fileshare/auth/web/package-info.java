/** Signing in and out through the JSON API. */
package dev.fileshare.auth.web;
