package dev.fileshare.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user_identities table: the account of each person of an identity provider. */
@Repository
class SsoIdentityRows {

  record Row(long id, long userId, boolean adminFromGroup) {}

  private final JdbcClient jdbc;

  SsoIdentityRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(String issuer, String subject) {
    return jdbc.sql(
            "SELECT id, user_id, admin_from_group FROM user_identities"
                + " WHERE issuer = ? AND subject = ?")
        .params(issuer, subject)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
        .optional();
  }

  long insert(long userId, String registrationId, String issuer, String subject, long now) {
    return jdbc.sql(
            """
            INSERT INTO user_identities (user_id, registration_id, issuer, subject, linked_at)
            VALUES (?, ?, ?, ?, ?) RETURNING id""")
        .params(userId, registrationId, issuer, subject, now)
        .query(Long.class)
        .single();
  }

  void setAdminFromGroup(long id, boolean fromGroup) {
    jdbc.sql("UPDATE user_identities SET admin_from_group = ? WHERE id = ?")
        .params(fromGroup, id)
        .update();
  }
}
