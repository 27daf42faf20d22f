/** The link endpoints: the owner's API, and the public page and JSON twin a link opens. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.sharing.web;
