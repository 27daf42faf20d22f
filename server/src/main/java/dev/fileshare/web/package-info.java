/**
 * The browser UI: its pages and scripts, their Content-Security-Policy and the settings they read.
 */
@NullMarked
package dev.fileshare.web;

import org.jspecify.annotations.NullMarked;
