package dev.fileshare.audit;

import dev.fileshare.platform.Paging;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records security events and reads them back. An entry is written with the caller's JDBC
 * connection, so inside a transaction it commits or rolls back with the change it records. The
 * client's address is taken from the request being served, if any (behind a proxy, as {@code
 * server.forward-headers-strategy} makes it); a command or a background job records none.
 */
@Service
public class AuditLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditRows rows;
  private final Clock clock;

  AuditLog(AuditRows rows, Clock clock) {
    this.rows = rows;
    this.clock = clock;
  }

  /**
   * Records one event.
   *
   * @param actor who did it, with their name at the time; empty for nobody signed in or the command
   *     line
   * @param subject whose account it concerns, if anyone's
   * @param detail what else it needs; never a password, token or code
   */
  public void record(
      AuditAction action,
      Optional<Actor> actor,
      Optional<UserId> subject,
      Map<String, ? extends @Nullable Object> detail) {
    rows.insert(
        clock.millis(),
        action.wire(),
        actor.map(a -> a.id().value()).orElse(null),
        actor.map(Actor::name).orElse(null),
        subject.map(UserId::value).orElse(null),
        clientAddress(),
        JSON.writeValueAsString(detail));
  }

  /** Who did something: a user and the name they had then. */
  public record Actor(UserId id, String name) {}

  /** Entries newest first, all of them or one user's (as actor or subject). */
  public List<AuditEntry> page(Paging paging, Optional<Long> user) {
    return rows.page(paging.before(), paging.limit(), user);
  }

  private static @Nullable String clientAddress() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        ? request.getRequest().getRemoteAddr()
        : null;
  }
}
