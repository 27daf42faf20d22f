package dev.fileshare.sharing;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The link_unlocks table: grants to visitors of a link, under the hash of what shows them. */
@Repository
class UnlockRows {

  private static final int DELETE_BATCH = 1000;

  /** What a grant allows. */
  enum Kind {
    PASSWORD,
    RESUME,
    /** A recipient of a restricted link proved their address with a code. */
    RECIPIENT
  }

  /** A recipient grant: under which hash, for which address. */
  record Recipient(String grantHash, String address) {}

  private final JdbcClient jdbc;

  UnlockRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Grants, or extends the grant; a grant already there is kept with the later expiry. */
  void grant(String hash, long linkId, Kind kind, long expiresAt) {
    jdbc.sql(
            "INSERT INTO link_unlocks (grant_hash, link_id, kind, expires_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (grant_hash) DO UPDATE SET expires_at = excluded.expires_at")
        .params(hash, linkId, kind.name(), expiresAt)
        .update();
  }

  /** Grants a recipient of the link, naming the address they proved; or extends the grant. */
  void grantRecipient(String hash, long linkId, String address, long expiresAt) {
    jdbc.sql(
            "INSERT INTO link_unlocks (grant_hash, link_id, kind, expires_at, address)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (grant_hash) DO UPDATE SET"
                + " expires_at = excluded.expires_at, address = excluded.address")
        .params(hash, linkId, Kind.RECIPIENT.name(), expiresAt, address)
        .update();
  }

  /** The address a recipient grant names, while it lasts. */
  Optional<String> recipient(String hash, long linkId, long now) {
    return jdbc.sql(
            "SELECT address FROM link_unlocks WHERE grant_hash = ? AND link_id = ? AND kind = ?"
                + " AND expires_at > ?")
        .params(hash, linkId, Kind.RECIPIENT.name(), now)
        .query(String.class)
        .optional();
  }

  /** Every recipient grant of a link. */
  List<Recipient> recipients(long linkId) {
    return jdbc.sql("SELECT grant_hash, address FROM link_unlocks WHERE link_id = ? AND kind = ?")
        .params(linkId, Kind.RECIPIENT.name())
        .query(Recipient.class)
        .list();
  }

  void revoke(String hash) {
    jdbc.sql("DELETE FROM link_unlocks WHERE grant_hash = ?").param(hash).update();
  }

  boolean holds(String hash, long linkId, Kind kind, long now) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM link_unlocks WHERE grant_hash = ? AND link_id = ? AND kind = ?"
                    + " AND expires_at > ?")
            .params(hash, linkId, kind.name(), now)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Ends every grant of one kind for a link, such as the unlocks of a password that changed. */
  void revokeAll(long linkId, Kind kind) {
    jdbc.sql("DELETE FROM link_unlocks WHERE link_id = ? AND kind = ?")
        .params(linkId, kind.name())
        .update();
  }

  int deleteExpired(long now) {
    return jdbc.sql(
            "DELETE FROM link_unlocks WHERE grant_hash IN"
                + " (SELECT grant_hash FROM link_unlocks WHERE expires_at <= ? LIMIT ?)")
        .params(now, DELETE_BATCH)
        .update();
  }
}
