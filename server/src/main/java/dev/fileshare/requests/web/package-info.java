/** The file request endpoints: the owner's API, and the page, JSON and uploads a request opens. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.requests.web;
