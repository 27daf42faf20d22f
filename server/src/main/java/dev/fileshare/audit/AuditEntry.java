package dev.fileshare.audit;

import java.time.Instant;
import java.util.Optional;

/** One entry of the audit log as it is read back. */
public record AuditEntry(
    long id,
    Instant at,
    String action,
    Optional<Long> actorId,
    Optional<String> actorName,
    Optional<Long> subjectId,
    Optional<String> address,
    String detail) {}
