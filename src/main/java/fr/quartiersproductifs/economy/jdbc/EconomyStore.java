package fr.quartiersproductifs.economy.jdbc;

import fr.quartiersproductifs.economy.Aggregates;
import fr.quartiersproductifs.economy.EstablishmentRow;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of the SIRENE import (batched, inside the importer's transaction). */
@Repository
public class EconomyStore {
  private static final int BATCH = 2000;
  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public EconomyStore(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  /** Buffers establishment rows and writes them by batches. */
  public final class EstablishmentWriter {
    private final long versionId;
    private final List<EstablishmentRow> buffer = new ArrayList<>(BATCH);

    EstablishmentWriter(long versionId) {
      this.versionId = versionId;
    }

    public void accept(EstablishmentRow row) {
      buffer.add(row);
      if (buffer.size() >= BATCH) {
        flush();
      }
    }

    public void flush() {
      if (buffer.isEmpty()) {
        return;
      }
      jdbc.batchUpdate(
          "insert into eco_establishment (version_id, siret, commune_code, qpv_status, qpv_code,"
              + " insee_qp24, geo_quality, naf, naf_section, category, craft, active, date_creation,"
              + " date_fermeture, employer, tranche, sign, address)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          buffer,
          buffer.size(),
          (ps, e) -> {
            ps.setLong(1, versionId);
            ps.setString(2, e.siret());
            ps.setString(3, e.communeCode());
            ps.setString(4, e.status().name());
            ps.setString(5, e.qpvCode());
            ps.setString(6, cut(e.inseeQp24(), 12));
            ps.setString(7, e.geoQuality().name());
            ps.setString(8, cut(e.naf(), 8));
            ps.setString(9, e.section());
            ps.setString(10, e.category().name());
            ps.setString(11, e.craft());
            ps.setBoolean(12, e.active());
            setDate(ps, 13, e.dateCreation());
            setDate(ps, 14, e.dateFermeture());
            ps.setBoolean(15, e.employer());
            ps.setString(16, cut(e.trancheEffectifs(), 2));
            ps.setString(17, cut(e.sign(), 200));
            ps.setString(18, cut(e.address(), 500));
          });
      buffer.clear();
    }
  }

  public EstablishmentWriter establishmentWriter(long versionId) {
    return new EstablishmentWriter(versionId);
  }

  private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setDate(i, Date.valueOf(d));
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public void writeAggregates(
      long versionId,
      List<Aggregates.Activity> activity,
      List<Aggregates.Quality> quality,
      List<Aggregates.Flow> flows,
      List<Aggregates.Disagreement> disagreements) {
    jdbc.batchUpdate(
        "insert into eco_activity (version_id, commune_code, qpv_status, qpv_code, naf_section,"
            + " category, active, employer, craft_rm, craft_naf) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        activity,
        BATCH,
        (ps, a) -> {
          ps.setLong(1, versionId);
          ps.setString(2, a.communeCode() == null ? "" : a.communeCode());
          ps.setString(3, a.status().name());
          ps.setString(4, a.qpvCode());
          ps.setString(5, a.section());
          ps.setString(6, a.category().name());
          ps.setLong(7, a.active());
          ps.setLong(8, a.employer());
          ps.setLong(9, a.craftRm());
          ps.setLong(10, a.craftNaf());
        });
    jdbc.batchUpdate(
        "insert into eco_quality (version_id, commune_code, qpv_status, qpv_code, geo_quality,"
            + " insee_check, partial_diffusion, active) values (?, ?, ?, ?, ?, ?, ?, ?)",
        quality,
        BATCH,
        (ps, q) -> {
          ps.setLong(1, versionId);
          ps.setString(2, q.communeCode() == null ? "" : q.communeCode());
          ps.setString(3, q.status().name());
          ps.setString(4, q.qpvCode());
          ps.setString(5, q.geoQuality().name());
          ps.setString(6, q.inseeCheck().name());
          ps.setBoolean(7, q.partialDiffusion());
          ps.setLong(8, q.active());
        });
    jdbc.batchUpdate(
        "insert into eco_flow (version_id, commune_code, qpv_status, qpv_code, kind, flow_year, n)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        flows,
        BATCH,
        (ps, f) -> {
          ps.setLong(1, versionId);
          ps.setString(2, f.communeCode() == null ? "" : f.communeCode());
          ps.setString(3, f.status().name());
          ps.setString(4, f.qpvCode());
          ps.setString(5, String.valueOf(f.kind()));
          ps.setInt(6, f.year());
          ps.setLong(7, f.count());
        });
    jdbc.batchUpdate(
        "insert into eco_disagreement (version_id, siret, commune_code, qpv_status, qpv_code,"
            + " insee_qp24, active) values (?, ?, ?, ?, ?, ?, ?)",
        disagreements,
        BATCH,
        (ps, d) -> {
          ps.setLong(1, versionId);
          ps.setString(2, d.siret());
          ps.setString(3, d.communeCode());
          ps.setString(4, d.status().name());
          ps.setString(5, d.qpvCode());
          ps.setString(6, cut(d.inseeQp24(), 12));
          ps.setBoolean(7, d.active());
        });
  }

  public void writeSnapshot(
      long versionId, LocalDate stockDate, String keepMode, long establishments, long active,
      long kept, long disagreements) {
    client.sql(
            "insert into eco_snapshot (version_id, stock_date, keep_mode, establishments,"
                + " active_establishments, kept_establishments, disagreements)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(versionId, Date.valueOf(stockDate), keepMode, establishments, active, kept, disagreements)
        .update();
  }

  /** Rows kept for the active import only: those of other versions go (aggregates stay). */
  public void deleteDetailsExcept(long versionId) {
    client.sql("delete from eco_establishment where version_id <> ?").param(versionId).update();
    client.sql("delete from eco_disagreement where version_id <> ?").param(versionId).update();
  }

  public void setSha256(long versionId, String sha256) {
    client.sql("update dataset_version set sha256 = ? where id = ?").params(sha256, versionId).update();
  }
}
