package fr.quartiersproductifs.economy.jdbc;

import fr.quartiersproductifs.economy.Aggregates;
import fr.quartiersproductifs.economy.EstablishmentRow;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of the SIRENE import (COPY on PostgreSQL, batches on H2; inside the importer's transaction). */
@Repository
public class EconomyStore {
  /** A SIRET in a database's message: 14 digits alone. */
  private static final Pattern SIRET = Pattern.compile("(?<!\\d)\\d{14}(?!\\d)");
  private final JdbcClient client;
  private final BulkInsert bulk;

  public EconomyStore(JdbcTemplate jdbc, JdbcClient client) {
    this.client = client;
    this.bulk = new BulkInsert(jdbc);
  }

  /**
   * Writes establishment rows as they come, in one stream ({@link BulkInsert#stream}): the database
   * takes them in while the import goes on reading. Until {@link #flush()} or {@link #abort()}, the
   * connection is the writer's.
   */
  public final class EstablishmentWriter {
    private final BulkInsert.Stream<EstablishmentRow> stream;

    EstablishmentWriter(long versionId) {
      stream = bulk.stream("eco_establishment", "version_id, siret, commune_code, qpv_status, qpv_code,"
          + " insee_qp24, geo_quality, naf, naf_section, category, craft, active, date_creation,"
          + " date_fermeture, employer, tranche, sign, address", (e, row) -> {
            row.number(versionId);
            row.text(e.siret());
            row.text(e.communeCode());
            row.text(e.status().name());
            row.text(e.qpvCode());
            row.text(cut(e.inseeQp24(), 12));
            row.text(e.geoQuality().name());
            row.text(cut(e.naf(), 8));
            row.text(e.section());
            row.text(e.category().name());
            row.text(e.craft());
            row.bool(e.active());
            row.date(e.dateCreation());
            row.date(e.dateFermeture());
            row.bool(e.employer());
            row.text(cut(e.trancheEffectifs(), 2));
            row.text(cut(e.sign(), 200));
            row.text(cut(e.address(), 500));
          });
    }

    public void accept(EstablishmentRow row) {
      try {
        stream.add(row);
      } catch (DuplicateKeyException e) {
        throw twice(e);
      }
    }

    /** Writes what is left; the connection is free again. */
    public void flush() {
      try {
        stream.finish();
      } catch (DuplicateKeyException e) {
        throw twice(e);
      }
    }

    /**
     * A SIRET kept twice, told as what it is: the pipeline lists a repeated SIRET once when its rows
     * are next to each other, as in INSEE's order; elsewhere the table's key meets it.
     */
    private QpException twice(DuplicateKeyException e) {
      // The database names the key (H2 and PostgreSQL each in their words): only the SIRET is told.
      Matcher siret = SIRET.matcher(String.valueOf(e.getMostSpecificCause().getMessage()));
      return new QpException(ErrorCode.INVALID_INPUT, "SIRET en double dans le stock"
          + (siret.find() ? " (" + siret.group() + ")" : "")
          + ", à des lignes éloignées (fichier hors de l'ordre SIRET de l'INSEE) : import annulé,"
          + " l'import actif reste en place.", e);
    }

    /** Gives up (the import failed; its transaction is rolled back) and frees the connection. */
    public void abort() {
      stream.abort();
    }
  }

  public EstablishmentWriter establishmentWriter(long versionId) {
    return new EstablishmentWriter(versionId);
  }

  /**
   * The rows in the order of the tables' indexes, (commune, QPV): each index then grows at one end
   * instead of everywhere at once (the pipeline's rows come in hash order).
   */
  private static <T> List<T> byZone(List<T> rows, Function<T, String> commune, Function<T, String> qpv) {
    Comparator<String> code = Comparator.nullsFirst(Comparator.naturalOrder());
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(commune, code).thenComparing(qpv, code));
    return sorted;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public void writeAggregates(
      long versionId,
      List<Aggregates.Activity> activity,
      List<Aggregates.Quality> quality,
      List<Aggregates.ZoneFlows> flows,
      List<Aggregates.Disagreement> disagreements) {
    activity = byZone(activity, Aggregates.Activity::communeCode, Aggregates.Activity::qpvCode);
    quality = byZone(quality, Aggregates.Quality::communeCode, Aggregates.Quality::qpvCode);
    flows = byZone(flows, Aggregates.ZoneFlows::communeCode, Aggregates.ZoneFlows::qpvCode);
    disagreements = byZone(disagreements, Aggregates.Disagreement::communeCode, Aggregates.Disagreement::qpvCode);
    bulk.insert("eco_activity", "version_id, commune_code, qpv_status, qpv_code, naf_section, category,"
        + " active, employer, craft_rm, craft_naf", activity, (a, row) -> {
          row.number(versionId);
          row.text(a.communeCode() == null ? "" : a.communeCode());
          row.text(a.status().name());
          row.text(a.qpvCode());
          row.text(a.section());
          row.text(a.category().name());
          row.number(a.active());
          row.number(a.employer());
          row.number(a.craftRm());
          row.number(a.craftNaf());
        });
    bulk.insert("eco_quality", "version_id, commune_code, qpv_status, qpv_code, geo_quality, insee_check,"
        + " partial_diffusion, active", quality, (q, row) -> {
          row.number(versionId);
          row.text(q.communeCode() == null ? "" : q.communeCode());
          row.text(q.status().name());
          row.text(q.qpvCode());
          row.text(q.geoQuality().name());
          row.text(q.inseeCheck().name());
          row.bool(q.partialDiffusion());
          row.number(q.active());
        });
    bulk.insert("eco_flow", "version_id, commune_code, qpv_status, qpv_code, kind, flow_years, counts",
        flows, (f, row) -> {
          row.number(versionId);
          row.text(f.communeCode() == null ? "" : f.communeCode());
          row.text(f.status().name());
          row.text(f.qpvCode());
          row.text(String.valueOf(f.kind()));
          row.ints(f.years());
          row.longs(f.counts());
        });
    bulk.insert("eco_disagreement", "version_id, siret, commune_code, qpv_status, qpv_code, insee_qp24, active",
        disagreements, (d, row) -> {
          row.number(versionId);
          row.text(d.siret());
          row.text(d.communeCode());
          row.text(d.status().name());
          row.text(d.qpvCode());
          row.text(cut(d.inseeQp24(), 12));
          row.bool(d.active());
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
