package fr.quartiersproductifs.programme.jdbc;

import fr.quartiersproductifs.programme.Action;
import fr.quartiersproductifs.programme.ActionStatus;
import fr.quartiersproductifs.programme.Axis;
import fr.quartiersproductifs.programme.FundingLine;
import fr.quartiersproductifs.programme.Funder;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Actions and their funding lines. Updates are conditional on the version (optimistic lock). */
@Repository
public class ActionRepository {
  private final JdbcClient jdbc;

  public ActionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String ACTION_COLUMNS =
      "id, territory_id, title, description, axis, status, abandon_reason, lead_org, partners,"
          + " schemes, qpv_codes, start_date, end_date, fictitious, version";

  public Optional<Action> find(long id) {
    return jdbc.sql("select " + ACTION_COLUMNS + " from programme_action where id = ?")
        .param(id)
        .query(ActionRepository::action)
        .optional();
  }

  public List<Action> ofTerritory(String territory) {
    return jdbc.sql("select " + ACTION_COLUMNS + " from programme_action where territory_id = ? order by id")
        .param(territory)
        .query(ActionRepository::action)
        .list();
  }

  public List<Action> all() {
    return jdbc.sql("select " + ACTION_COLUMNS + " from programme_action order by id")
        .query(ActionRepository::action)
        .list();
  }

  public long insert(Action a) {
    var keys = new GeneratedKeyHolder();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.sql(
            "insert into programme_action (territory_id, title, description, axis, status,"
                + " abandon_reason, lead_org, partners, schemes, qpv_codes, start_date, end_date,"
                + " fictitious, version, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
        .params(
            a.territoire(), a.titre(), a.description(), a.axe().name(), a.statut().name(),
            a.motifAbandon(), a.porteur(), join(a.partenaires()), join(a.dispositifs()),
            join(a.qpv()), date(a.dateDebut()), date(a.dateFin()), a.fictif(), now, now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Writes the new content if the stored version is still {@code a.version()}; true if done. */
  public boolean update(Action a) {
    return jdbc.sql(
                "update programme_action set title = ?, description = ?, axis = ?, status = ?,"
                    + " abandon_reason = ?, lead_org = ?, partners = ?, schemes = ?, qpv_codes = ?,"
                    + " start_date = ?, end_date = ?, version = version + 1, updated_at = ?"
                    + " where id = ? and version = ?")
            .params(
                a.titre(), a.description(), a.axe().name(), a.statut().name(), a.motifAbandon(),
                a.porteur(), join(a.partenaires()), join(a.dispositifs()), join(a.qpv()),
                date(a.dateDebut()), date(a.dateFin()), OffsetDateTime.now(ZoneOffset.UTC),
                a.id(), a.version())
            .update()
        == 1;
  }

  public boolean delete(long id, long version) {
    jdbc.sql("delete from programme_funding where action_id = ?").param(id).update();
    return jdbc.sql("delete from programme_action where id = ? and version = ?").params(id, version).update() == 1;
  }

  // Funding lines

  private static final String FUNDING_COLUMNS =
      "f.id, f.action_id, f.funder, f.funding_year, f.planned, f.committed, f.paid, f.fictitious, f.version";

  public List<FundingLine> fundingOf(long action) {
    return jdbc.sql("select " + FUNDING_COLUMNS + " from programme_funding f where f.action_id = ? order by f.id")
        .param(action)
        .query(ActionRepository::funding)
        .list();
  }

  public List<FundingLine> fundingOfTerritory(String territory) {
    return jdbc.sql(
            "select " + FUNDING_COLUMNS + " from programme_funding f join programme_action a"
                + " on a.id = f.action_id where a.territory_id = ? order by f.id")
        .param(territory)
        .query(ActionRepository::funding)
        .list();
  }

  public List<FundingLine> allFunding() {
    return jdbc.sql("select " + FUNDING_COLUMNS + " from programme_funding f order by f.id")
        .query(ActionRepository::funding)
        .list();
  }

  public Optional<FundingLine> findFunding(long id) {
    return jdbc.sql("select " + FUNDING_COLUMNS + " from programme_funding f where f.id = ?")
        .param(id)
        .query(ActionRepository::funding)
        .optional();
  }

  public long insertFunding(FundingLine f) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into programme_funding (action_id, funder, funding_year, planned, committed, paid,"
                + " fictitious, version) values (?, ?, ?, ?, ?, ?, ?, 1)")
        .params(f.action(), f.financeur().name(), f.annee(), f.prevu(), f.engage(), f.verse(), f.fictif())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public boolean updateFunding(FundingLine f) {
    return jdbc.sql(
                "update programme_funding set funder = ?, funding_year = ?, planned = ?, committed = ?,"
                    + " paid = ?, version = version + 1 where id = ? and version = ?")
            .params(f.financeur().name(), f.annee(), f.prevu(), f.engage(), f.verse(), f.id(), f.version())
            .update()
        == 1;
  }

  public boolean deleteFunding(long id, long version) {
    return jdbc.sql("delete from programme_funding where id = ? and version = ?").params(id, version).update() == 1;
  }

  private static Action action(ResultSet rs, int n) throws SQLException {
    return new Action(
        rs.getLong("id"),
        rs.getString("territory_id"),
        rs.getString("title"),
        rs.getString("description"),
        Axis.valueOf(rs.getString("axis")),
        ActionStatus.valueOf(rs.getString("status")),
        rs.getString("abandon_reason"),
        rs.getString("lead_org"),
        split(rs.getString("partners")),
        split(rs.getString("schemes")),
        split(rs.getString("qpv_codes")),
        localDate(rs.getDate("start_date")),
        localDate(rs.getDate("end_date")),
        rs.getBoolean("fictitious"),
        rs.getLong("version"));
  }

  private static FundingLine funding(ResultSet rs, int n) throws SQLException {
    return new FundingLine(
        rs.getLong("id"),
        rs.getLong("action_id"),
        Funder.valueOf(rs.getString("funder")),
        rs.getInt("funding_year"),
        rs.getBigDecimal("planned"),
        rs.getBigDecimal("committed"),
        rs.getBigDecimal("paid"),
        rs.getBoolean("fictitious"),
        rs.getLong("version"));
  }

  static String join(List<String> values) {
    return values.isEmpty() ? null : String.join("|", values);
  }

  static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
