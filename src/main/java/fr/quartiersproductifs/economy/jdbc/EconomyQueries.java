package fr.quartiersproductifs.economy.jdbc;

import fr.quartiersproductifs.economy.Aggregates;
import fr.quartiersproductifs.economy.Category;
import fr.quartiersproductifs.economy.EstablishmentRow;
import fr.quartiersproductifs.economy.GeoQuality;
import fr.quartiersproductifs.economy.InseeCheck;
import fr.quartiersproductifs.geography.QpvStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the SIRENE aggregates and establishment rows. */
@Repository
public class EconomyQueries {
  private final JdbcClient jdbc;

  public EconomyQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stock date and counts of an import. */
  public record Snapshot(long versionId, LocalDate stockDate, String keepMode, long establishments,
      long active, long kept, long disagreements) {}

  public Optional<Snapshot> snapshot(long versionId) {
    return jdbc.sql("select version_id, stock_date, keep_mode, establishments, active_establishments,"
            + " kept_establishments, disagreements from eco_snapshot where version_id = ?")
        .param(versionId)
        .query((rs, i) -> new Snapshot(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
        .optional();
  }

  /** History: the imports whose aggregates are kept, newest stock first. */
  public List<Snapshot> history() {
    return jdbc.sql("select version_id, stock_date, keep_mode, establishments, active_establishments,"
            + " kept_establishments, disagreements from eco_snapshot order by stock_date desc, version_id desc")
        .query((rs, i) -> new Snapshot(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
        .list();
  }

  private static final String WHERE = " where version_id = :v and (commune_code in (:communes) or qpv_code in (:qpv))";

  private static Map<String, Object> params(long v, Collection<String> communes, Collection<String> qpv) {
    return Map.of("v", v, "communes", communes.isEmpty() ? List.of("#") : communes,
        "qpv", qpv.isEmpty() ? List.of("#") : qpv);
  }

  public List<Aggregates.Activity> activity(long v, Collection<String> communes, Collection<String> qpv) {
    return jdbc.sql("select commune_code, qpv_status, qpv_code, naf_section, category, active, employer,"
            + " craft_rm, craft_naf from eco_activity" + WHERE)
        .params(params(v, communes, qpv))
        .query((rs, i) -> new Aggregates.Activity(rs.getString(1), QpvStatus.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4), Category.valueOf(rs.getString(5)), rs.getLong(6),
            rs.getLong(7), rs.getLong(8), rs.getLong(9)))
        .list();
  }

  public List<Aggregates.Quality> quality(long v, Collection<String> communes, Collection<String> qpv) {
    return jdbc.sql("select commune_code, qpv_status, qpv_code, geo_quality, insee_check,"
            + " partial_diffusion, active from eco_quality" + WHERE)
        .params(params(v, communes, qpv))
        .query((rs, i) -> new Aggregates.Quality(rs.getString(1), QpvStatus.valueOf(rs.getString(2)),
            rs.getString(3), GeoQuality.valueOf(rs.getString(4)), InseeCheck.valueOf(rs.getString(5)),
            rs.getBoolean(6), rs.getLong(7)))
        .list();
  }

  public List<Aggregates.Flow> flows(long v, Collection<String> communes, Collection<String> qpv) {
    // One row per zone and kind, its years in an array (ADR 0045): back to one flow per year.
    return jdbc.sql("select commune_code, qpv_status, qpv_code, kind, flow_years, counts from eco_flow" + WHERE)
        .params(params(v, communes, qpv))
        .query((rs, i) -> new Aggregates.ZoneFlows(rs.getString(1), QpvStatus.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4).charAt(0), ints(rs.getArray(5)), longs(rs.getArray(6))))
        .list().stream().flatMap(f -> f.yearly().stream()).toList();
  }

  /** A SQL array of numbers: {@code Integer[]} from PostgreSQL, {@code Object[]} of numbers from H2. */
  private static int[] ints(java.sql.Array array) throws java.sql.SQLException {
    return java.util.Arrays.stream((Object[]) array.getArray()).mapToInt(x -> ((Number) x).intValue()).toArray();
  }

  private static long[] longs(java.sql.Array array) throws java.sql.SQLException {
    return java.util.Arrays.stream((Object[]) array.getArray()).mapToLong(x -> ((Number) x).longValue()).toArray();
  }

  /** A page of active, publicly diffusible establishments (the table holds no other). */
  public record Page(long total, List<EstablishmentRow> items) {}

  public Page establishments(long v, Collection<String> communes, String qpvCode, Category category,
      String section, int offset, int limit) {
    StringBuilder where = new StringBuilder(" where version_id = :v and active = true");
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("v", v);
    if (qpvCode != null) {
      where.append(" and qpv_code = :qpv");
      p.put("qpv", qpvCode);
    } else {
      where.append(" and commune_code in (:communes)");
      p.put("communes", communes.isEmpty() ? List.of("#") : communes);
    }
    if (category != null) {
      where.append(" and category = :cat");
      p.put("cat", category.name());
    }
    if (section != null) {
      where.append(" and naf_section = :sec");
      p.put("sec", section);
    }
    long total = jdbc.sql("select count(*) from eco_establishment" + where).params(p).query(Long.class).single();
    p.put("limit", limit);
    p.put("offset", offset);
    List<EstablishmentRow> items = jdbc.sql("select siret, commune_code, qpv_status, qpv_code, insee_qp24,"
            + " geo_quality, naf, naf_section, category, craft, active, date_creation, date_fermeture,"
            + " employer, tranche, sign, address from eco_establishment" + where
            + " order by siret limit :limit offset :offset")
        .params(p)
        .query(EconomyQueries::establishment)
        .list();
    return new Page(total, items);
  }

  public List<Aggregates.Disagreement> disagreements(long v, Collection<String> communes, int offset, int limit) {
    return jdbc.sql("select siret, commune_code, qpv_status, qpv_code, insee_qp24, active from eco_disagreement"
            + " where version_id = :v and commune_code in (:communes) order by siret limit :limit offset :offset")
        .params(Map.of("v", v, "communes", communes.isEmpty() ? List.of("#") : communes, "limit", limit, "offset", offset))
        .query((rs, i) -> new Aggregates.Disagreement(rs.getString(1), rs.getString(2),
            QpvStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getBoolean(6)))
        .list();
  }

  private static EstablishmentRow establishment(ResultSet rs, int i) throws SQLException {
    java.sql.Date dc = rs.getDate(12);
    java.sql.Date df = rs.getDate(13);
    return new EstablishmentRow(rs.getString(1), rs.getString(2), QpvStatus.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5), GeoQuality.valueOf(rs.getString(6)), rs.getString(7),
        rs.getString(8), Category.valueOf(rs.getString(9)), rs.getString(10), rs.getBoolean(11),
        dc == null ? null : dc.toLocalDate(), df == null ? null : df.toLocalDate(), rs.getBoolean(14),
        rs.getString(15), rs.getString(16), rs.getString(17));
  }

  static List<String> copy(Collection<String> c) {
    return new ArrayList<>(c);
  }
}
