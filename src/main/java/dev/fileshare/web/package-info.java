/**
 * The browser UI: its pages and scripts, their Content-Security-Policy and the settings they read.
 */
package dev.fileshare.web;
