package fr.quartiersproductifs.programme.jdbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Programme territories and their communes. */
@Repository
public class TerritoryRepository {
  private final JdbcClient jdbc;

  public TerritoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Row(
      String id, String label, String perimeterKind, String siren, Long population, boolean pilot, String team, long version) {}

  public List<Row> all() {
    return jdbc.sql(
            "select id, label, perimeter_kind, grouping_siren, population, pilot, team, version"
                + " from programme_territory order by pilot desc, id")
        .query(
            (rs, n) ->
                new Row(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    (Long) rs.getObject(5, Long.class), rs.getBoolean(6), rs.getString(7), rs.getLong(8)))
        .list();
  }

  public Optional<Row> find(String id) {
    return all().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public boolean exists(String id) {
    return jdbc.sql("select count(*) from programme_territory where id = ?").param(id).query(Integer.class).single() > 0;
  }

  public List<String> communes(String id) {
    return jdbc.sql("select commune_code from programme_territory_commune where territory_id = ? order by commune_code")
        .param(id)
        .query(String.class)
        .list();
  }

  public void insert(Row r, List<String> communes) {
    jdbc.sql(
            "insert into programme_territory (id, label, perimeter_kind, grouping_siren, population,"
                + " pilot, team, version, created_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?)")
        .params(r.id(), r.label(), r.perimeterKind(), r.siren(), r.population(), r.pilot(), r.team(),
            OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    for (String c : communes) {
      jdbc.sql("insert into programme_territory_commune (territory_id, commune_code) values (?, ?)")
          .params(r.id(), c)
          .update();
    }
  }
}
