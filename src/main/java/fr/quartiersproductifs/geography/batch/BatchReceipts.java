package fr.quartiersproductifs.geography.batch;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Batch receipts (JDBC). */
@Repository
public class BatchReceipts {
  private final JdbcClient jdbc;

  public BatchReceipts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void save(BatchReceipt r) {
    jdbc.sql(
            "insert into batch_receipt (id, kind, started_at, finished_at, input_sha256, input_name,"
                + " rows_total, reference_date, counts, dataset_versions, parameters)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.id(),
            r.type(),
            Timestamp.from(r.debut()),
            Timestamp.from(r.fin()),
            r.sha256Entree(),
            r.nomEntree(),
            r.lignes(),
            java.sql.Date.valueOf(r.date()),
            encode(r.parStatut()),
            String.join(",", r.versionsDonnees()),
            r.parametres())
        .update();
  }

  public Optional<BatchReceipt> find(String id) {
    return jdbc.sql(
            "select id, kind, started_at, finished_at, input_sha256, input_name, rows_total,"
                + " reference_date, counts, dataset_versions, parameters from batch_receipt where id = ?")
        .param(id)
        .query(
            (rs, i) ->
                new BatchReceipt(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getLong(7),
                    rs.getDate(8).toLocalDate(),
                    decode(rs.getString(9)),
                    rs.getString(10).isEmpty() ? List.of() : Arrays.asList(rs.getString(10).split(",")),
                    rs.getString(11)))
        .optional();
  }

  private static String encode(Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
    return sb.toString();
  }

  private static Map<String, Long> decode(String s) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String part : s.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        m.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
      }
    }
    return m;
  }
}
