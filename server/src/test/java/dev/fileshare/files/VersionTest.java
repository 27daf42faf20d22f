package dev.fileshare.files;

import dev.fileshare.support.ApiTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The server keeping at most three versions of a file, for 30 days, and recording the file events
 * it publishes. Subclasses share one application context.
 */
@TestPropertySource(
    properties = {"fileshare.versions.max-count=3", "fileshare.versions.max-age=30d"})
@Import(RecordedFileEvents.class)
abstract class VersionTest extends ApiTest {}
