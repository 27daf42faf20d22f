package dev.fileshare.requests;

import java.time.Instant;

/**
 * A file received through a request, as its owner sees it (an uploader sees their own, without the
 * addresses).
 *
 * @param id the receipt's id
 * @param request the request's id
 * @param file the id of the file it became among the owner's files
 * @param name the file's name as it arrived
 * @param size its size in bytes
 * @param uploaderName the name the uploader gave; empty if none
 * @param uploaderEmail the address the uploader gave; empty if none
 * @param clientAddress the address the upload came from
 * @param received when it arrived
 */
public record Receipt(
    long id,
    long request,
    long file,
    String name,
    long size,
    String uploaderName,
    String uploaderEmail,
    String clientAddress,
    Instant received) {}
