package fr.quartiersproductifs.programme.jdbc;

import fr.quartiersproductifs.programme.Aggregation;
import fr.quartiersproductifs.programme.Frequency;
import fr.quartiersproductifs.programme.IndicatorDefinition;
import fr.quartiersproductifs.programme.IndicatorTarget;
import fr.quartiersproductifs.programme.IndicatorValue;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Indicator definitions, targets, values and the history of corrected values. */
@Repository
public class IndicatorRepository {
  private final JdbcClient jdbc;

  public IndicatorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String DEF =
      "select code, label, unit, method, source, frequency, direction, aggregation, automatic,"
          + " territory_id, version from indicator_definition";

  public List<IndicatorDefinition> definitions() {
    return jdbc.sql(DEF + " order by territory_id nulls first, code").query(IndicatorRepository::definition).list();
  }

  public Optional<IndicatorDefinition> definition(String code) {
    return jdbc.sql(DEF + " where code = ?").param(code).query(IndicatorRepository::definition).optional();
  }

  public void insertDefinition(IndicatorDefinition d) {
    jdbc.sql(
            "insert into indicator_definition (code, label, unit, method, source, frequency,"
                + " direction, aggregation, automatic, territory_id, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
        .params(d.code(), d.libelle(), d.unite(), d.methode(), d.source(), d.frequence().name(), d.sens(),
            d.agregation().name(), d.automatique(), d.territoire())
        .update();
  }

  private static IndicatorDefinition definition(ResultSet rs, int n) throws SQLException {
    return new IndicatorDefinition(
        rs.getString("code"), rs.getString("label"), rs.getString("unit"), rs.getString("method"),
        rs.getString("source"), Frequency.valueOf(rs.getString("frequency")), rs.getString("direction"),
        Aggregation.valueOf(rs.getString("aggregation")), rs.getBoolean("automatic"),
        rs.getString("territory_id"), rs.getLong("version"));
  }

  // Values

  private static final String VALUE =
      "select id, indicator_code, territory_id, period, measure, source, note, entered_by,"
          + " entered_at, fictitious, version from indicator_value";

  public List<IndicatorValue> values(String territory) {
    return jdbc.sql(VALUE + " where territory_id = ? order by indicator_code, period")
        .param(territory).query(IndicatorRepository::value).list();
  }

  public List<IndicatorValue> allValues() {
    return jdbc.sql(VALUE + " order by territory_id, indicator_code, period").query(IndicatorRepository::value).list();
  }

  public Optional<IndicatorValue> value(String code, String territory, String period) {
    return jdbc.sql(VALUE + " where indicator_code = ? and territory_id = ? and period = ?")
        .params(code, territory, period).query(IndicatorRepository::value).optional();
  }

  public long insertValue(IndicatorValue v) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into indicator_value (indicator_code, territory_id, period, measure, source,"
                + " note, entered_by, entered_at, fictitious, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
        .params(v.indicateur(), v.territoire(), v.periode(), v.valeur(), v.source(), v.commentaire(),
            v.saisiPar(), v.saisiLe(), v.fictif())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Appends the replaced state to the history, then writes the correction if the version holds. */
  public boolean correctValue(IndicatorValue old, IndicatorValue next) {
    int n =
        jdbc.sql(
                "update indicator_value set measure = ?, source = ?, note = ?, entered_by = ?,"
                    + " entered_at = ?, version = version + 1 where id = ? and version = ?")
            .params(next.valeur(), next.source(), next.commentaire(), next.saisiPar(), next.saisiLe(),
                old.id(), old.version())
            .update();
    if (n != 1) {
      return false;
    }
    jdbc.sql(
            "insert into indicator_value_history (value_id, measure, source, note, entered_by,"
                + " entered_at, replaced_by, replaced_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(old.id(), old.valeur(), old.source(), old.commentaire(), old.saisiPar(), old.saisiLe(),
            next.saisiPar(), next.saisiLe())
        .update();
    return true;
  }

  /** Previous states of a value, oldest first. */
  public List<IndicatorValue> history(IndicatorValue current) {
    return jdbc.sql(
            "select measure, source, note, entered_by, entered_at from indicator_value_history"
                + " where value_id = ? order by id")
        .param(current.id())
        .query(
            (rs, n) ->
                new IndicatorValue(
                    current.id(), current.indicateur(), current.territoire(), current.periode(),
                    rs.getBigDecimal("measure"), rs.getString("source"), rs.getString("note"),
                    rs.getString("entered_by"), rs.getObject("entered_at", OffsetDateTime.class),
                    current.fictif(), 0))
        .list();
  }

  private static IndicatorValue value(ResultSet rs, int n) throws SQLException {
    return new IndicatorValue(
        rs.getLong("id"), rs.getString("indicator_code"), rs.getString("territory_id"),
        rs.getString("period"), rs.getBigDecimal("measure"), rs.getString("source"),
        rs.getString("note"), rs.getString("entered_by"),
        rs.getObject("entered_at", OffsetDateTime.class), rs.getBoolean("fictitious"), rs.getLong("version"));
  }

  // Targets

  private static final String TARGET =
      "select id, indicator_code, territory_id, target_value, deadline, fictitious, version from indicator_target";

  public List<IndicatorTarget> targets(String territory) {
    return jdbc.sql(TARGET + " where territory_id = ? order by indicator_code, deadline")
        .param(territory).query(IndicatorRepository::target).list();
  }

  public List<IndicatorTarget> allTargets() {
    return jdbc.sql(TARGET + " order by territory_id, indicator_code, deadline").query(IndicatorRepository::target).list();
  }

  public Optional<IndicatorTarget> target(String code, String territory, java.time.LocalDate deadline) {
    return jdbc.sql(TARGET + " where indicator_code = ? and territory_id = ? and deadline = ?")
        .params(code, territory, Date.valueOf(deadline)).query(IndicatorRepository::target).optional();
  }

  public long insertTarget(IndicatorTarget t) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into indicator_target (indicator_code, territory_id, target_value, deadline,"
                + " fictitious, version) values (?, ?, ?, ?, ?, 1)")
        .params(t.indicateur(), t.territoire(), t.valeur(), Date.valueOf(t.echeance()), t.fictif())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public boolean updateTarget(IndicatorTarget t, BigDecimal value) {
    return jdbc.sql("update indicator_target set target_value = ?, version = version + 1 where id = ? and version = ?")
            .params(value, t.id(), t.version()).update() == 1;
  }

  private static IndicatorTarget target(ResultSet rs, int n) throws SQLException {
    return new IndicatorTarget(
        rs.getLong("id"), rs.getString("indicator_code"), rs.getString("territory_id"),
        rs.getBigDecimal("target_value"), rs.getDate("deadline").toLocalDate(),
        rs.getBoolean("fictitious"), rs.getLong("version"));
  }
}
