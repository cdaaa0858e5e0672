package fr.quartiersproductifs.dataset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Dataset versions and their issues (JDBC). Writes happen inside the importer's transaction, so a
 * failed import leaves no version and the previous one active.
 */
@Repository
public class DatasetVersions {
  private static final String COLUMNS =
      "id, kind, source_name, sha256, rows_read, rows_imported, rows_rejected, rows_repaired,"
          + " imported_at, active, superseded_at, parameters";

  private final JdbcClient jdbc;

  public DatasetVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<DatasetVersion> active(String kind) {
    return jdbc.sql("select " + COLUMNS + " from dataset_version where kind = ? and active")
        .param(kind)
        .query(DatasetVersions::map)
        .optional();
  }

  public Optional<DatasetVersion> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from dataset_version where id = ?")
        .param(id)
        .query(DatasetVersions::map)
        .optional();
  }

  public List<DatasetVersion> all() {
    return jdbc.sql("select " + COLUMNS + " from dataset_version order by id desc")
        .query(DatasetVersions::map)
        .list();
  }

  public List<DatasetVersion> allActive() {
    return jdbc.sql("select " + COLUMNS + " from dataset_version where active order by kind")
        .query(DatasetVersions::map)
        .list();
  }

  /**
   * Creates a new, not yet active version; returns its id. Locks the kind's existing versions
   * first, so that two imports of the same kind (e.g. {@code qp import} beside {@code qp serve})
   * run one after the other and never both end up active.
   */
  public long create(String kind, String sourceName, String sha256, String parameters) {
    jdbc.sql("select id from dataset_version where kind = ? for update").param(kind).query(Long.class).list();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into dataset_version (kind, source_name, sha256, rows_read, rows_imported,"
                + " rows_rejected, rows_repaired, imported_at, active, parameters)"
                + " values (?, ?, ?, 0, 0, 0, 0, ?, false, ?)")
        .params(kind, sourceName, sha256, Timestamp.from(Instant.now()), parameters)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  /** Records the outcome and makes the version the active one of its kind. */
  public void complete(long id, String kind, ImportReport report) {
    jdbc.sql(
            "update dataset_version set active = false, superseded_at = ?"
                + " where kind = ? and active and id <> ?")
        .params(Timestamp.from(Instant.now()), kind, id)
        .update();
    jdbc.sql(
            "update dataset_version set rows_read = ?, rows_imported = ?, rows_rejected = ?,"
                + " rows_repaired = ?, active = true where id = ?")
        .params(report.rowsRead(), report.rowsImported(), report.rejected(), report.repaired(), id)
        .update();
    for (ImportIssue issue : report.issues()) {
      jdbc.sql(
              "insert into dataset_issue (version_id, line_number, severity, identifier, reason)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              id,
              issue.lineNumber(),
              issue.severity().name(),
              truncate(issue.identifier(), 200),
              truncate(issue.reason(), 1000))
          .update();
    }
  }

  public List<ImportIssue> issues(long versionId) {
    return jdbc.sql(
            "select line_number, severity, identifier, reason from dataset_issue"
                + " where version_id = ? order by line_number, id")
        .param(versionId)
        .query(
            (rs, i) ->
                new ImportIssue(
                    rs.getLong(1),
                    ImportIssue.Severity.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static DatasetVersion map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp superseded = rs.getTimestamp("superseded_at");
    return new DatasetVersion(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("source_name"),
        rs.getString("sha256"),
        rs.getInt("rows_read"),
        rs.getInt("rows_imported"),
        rs.getInt("rows_rejected"),
        rs.getInt("rows_repaired"),
        rs.getTimestamp("imported_at").toInstant(),
        rs.getBoolean("active"),
        superseded == null ? null : superseded.toInstant(),
        rs.getString("parameters"));
  }
}
