/** The original API's file endpoints: listing, uploads, changes and downloads over HTTP. */
package dev.fileshare.files.web;
