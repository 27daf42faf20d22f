package dev.fileshare.files.web.multipart;

import dev.fileshare.files.StagedUpload;
import java.util.Map;
import java.util.Optional;

/**
 * What a multipart body carried.
 *
 * @param file the file part's bytes, already stored; empty if the body had no file
 * @param fields the other form fields, by name, as text
 */
public record MultipartForm(Optional<StagedUpload> file, Map<String, String> fields) {}
