package fr.quartiersproductifs.account.audit;

import fr.quartiersproductifs.account.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The append-only audit trail. Changes are recorded in the transaction of the change itself (the
 * caller's), so a change and its audit line commit or roll back together. There is no update or
 * delete on this table anywhere in the code.
 */
@Service
public class AuditTrail {
  public static final String CREATION = "CREATION";
  public static final String MODIFICATION = "MODIFICATION";
  public static final String SUPPRESSION = "SUPPRESSION";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public AuditTrail(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records a change; {@code before}/{@code after} are serialised to JSON (null allowed). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      Actor actor, String entity, Object entityId, String territory, String operation, Object before, Object after) {
    jdbc.sql(
            "insert into audit_event (occurred_at, author, entity, entity_id, territory_id, operation,"
                + " before_state, after_state) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            OffsetDateTime.now(ZoneOffset.UTC),
            actor.name(),
            entity,
            String.valueOf(entityId),
            territory,
            operation,
            before == null ? null : json.writeValueAsString(before),
            after == null ? null : json.writeValueAsString(after))
        .update();
  }

  public List<AuditEvent> ofEntity(String entity, String entityId) {
    return jdbc.sql(SELECT + " where entity = ? and entity_id = ? order by id")
        .params(entity, entityId)
        .query(AuditTrail::map)
        .list();
  }

  public List<AuditEvent> ofTerritory(String territory, int limit) {
    int rows = Math.max(1, Math.min(limit, 10_000));
    return jdbc.sql(SELECT + " where territory_id = ? order by id desc limit " + rows)
        .param(territory)
        .query(AuditTrail::map)
        .list();
  }

  private static final String SELECT =
      "select id, occurred_at, author, entity, entity_id, territory_id, operation, before_state,"
          + " after_state from audit_event";

  private static AuditEvent map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("author"),
        rs.getString("entity"),
        rs.getString("entity_id"),
        rs.getString("territory_id"),
        rs.getString("operation"),
        rs.getString("before_state"),
        rs.getString("after_state"));
  }
}
