package fr.quartiersproductifs.geography.jdbc;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.geography.Commune;
import fr.quartiersproductifs.geography.Generation;
import fr.quartiersproductifs.geography.Grouping;
import fr.quartiersproductifs.geography.PilotTerritory;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvRef;
import fr.quartiersproductifs.geography.ReferenceGeography;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the active versions of the reference tables into an immutable {@link ReferenceGeography}. */
@Repository
public class GeographyRepository {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private final JdbcClient jdbc;
  private final DatasetVersions versions;

  public GeographyRepository(JdbcClient jdbc, DatasetVersions versions) {
    this.jdbc = jdbc;
    this.versions = versions;
  }

  public ReferenceGeography load() {
    List<DatasetVersion> active = versions.allActive();
    Map<String, Long> ids = new HashMap<>();
    active.forEach(v -> ids.put(v.kind(), v.id()));

    // EPCI / EPT membership
    Map<String, String> epciOf = new HashMap<>();
    Map<String, String> eptOf = new HashMap<>();
    List<Grouping> groupings = new ArrayList<>();
    for (String kind : List.of("epci", "ept")) {
      Long v = ids.get(kind);
      if (v == null) {
        continue;
      }
      Map<String, List<String>> members = new HashMap<>();
      jdbc.sql("select siren, commune_code from intercommunality_member where version_id = ?")
          .param(v)
          .query(
              rs -> {
                members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                (kind.equals("epci") ? epciOf : eptOf).put(rs.getString(2), rs.getString(1));
              });
      jdbc.sql("select siren, kind, type, name, population from intercommunality where version_id = ?")
          .param(v)
          .query(
              rs -> {
                groupings.add(
                    new Grouping(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        List.copyOf(members.getOrDefault(rs.getString(1), List.of()))));
              });
    }

    Map<String, Commune> communes = new LinkedHashMap<>();
    Long communesVersion = ids.get("communes");
    if (communesVersion != null) {
      jdbc.sql(
              "select code, type, name, parent_code, departement, region, population, postcodes"
                  + " from commune where version_id = ? and type in ('COMMUNE', 'ARRONDISSEMENT_MUNICIPAL')"
                  + " order by code")
          .param(communesVersion)
          .query(
              rs -> {
                boolean arrondissement = rs.getString(2).equals("ARRONDISSEMENT_MUNICIPAL");
                String code = rs.getString(1);
                String parent = rs.getString(4);
                String key = arrondissement && parent != null ? parent : code;
                communes.put(
                    code,
                    new Commune(
                        code,
                        rs.getString(3),
                        arrondissement,
                        parent,
                        rs.getString(5),
                        rs.getString(6),
                        (Integer) rs.getObject(7),
                        split(rs.getString(8), ";"),
                        epciOf.get(key),
                        eptOf.get(key)));
              });
    }

    List<ReferenceGeography.Departement> departements = new ArrayList<>();
    Long depVersion = ids.get("departements");
    if (depVersion != null) {
      jdbc.sql("select code, name, region_code, zone from departement where version_id = ? order by code")
          .param(depVersion)
          .query(
              rs -> {
                departements.add(
                    new ReferenceGeography.Departement(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
              });
    }
    Map<String, String> regionOfDep = new HashMap<>();
    departements.forEach(d -> regionOfDep.put(d.code(), d.region()));

    List<ReferenceGeography.DepartementOutline> outlines = new ArrayList<>();
    Long outlineVersion = ids.get("departements-contours");
    if (outlineVersion != null) {
      jdbc.sql("select code, geometry_wkb from departement_outline where version_id = ? order by code")
          .param(outlineVersion)
          .query(
              rs -> {
                outlines.add(
                    new ReferenceGeography.DepartementOutline(rs.getString(1), wkb(rs.getBytes(2))));
              });
    }

    // QPV indicators, by QPV code
    Map<String, List<IndicatorRow>> indicators = new HashMap<>();
    Long indicatorVersion = ids.get("qpv-indicateurs");
    if (indicatorVersion != null) {
      jdbc.sql(
              "select qpv_code, commune_code, commune_name, epci_sirens, population, indicators, flags"
                  + " from qpv_commune_indicator where version_id = ? order by qpv_code, commune_code")
          .param(indicatorVersion)
          .query(
              rs -> {
                indicators
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(
                        new IndicatorRow(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            (Integer) rs.getObject(5),
                            rs.getString(6),
                            rs.getString(7)));
              });
    }

    List<Qpv> qpv = new ArrayList<>();
    for (Generation g : Generation.values()) {
      Long v = ids.get("qpv-" + g.year());
      if (v == null) {
        continue;
      }
      jdbc.sql(
              "select code, name, commune_code, commune_name, departement, region, epci_sirens,"
                  + " valid_from, valid_to, geometry_wkb from qpv where version_id = ? order by code")
          .param(v)
          .query(
              rs -> {
                String code = rs.getString(1);
                List<IndicatorRow> rows = indicators.getOrDefault(code, List.of());
                List<QpvRef.CommuneRef> refs = new ArrayList<>();
                for (IndicatorRow r : rows) {
                  refs.add(new QpvRef.CommuneRef(r.commune(), nameOf(communes, r.commune(), r.communeName())));
                }
                String contourCommune = rs.getString(3);
                if (contourCommune != null && refs.stream().noneMatch(c -> c.code().equals(contourCommune))) {
                  refs.add(0, new QpvRef.CommuneRef(contourCommune, nameOf(communes, contourCommune, rs.getString(4))));
                }
                List<String> epci = new ArrayList<>();
                for (IndicatorRow r : rows) {
                  for (String s : split(r.epciSirens(), ";")) {
                    if (!epci.contains(s)) {
                      epci.add(s);
                    }
                  }
                }
                if (epci.isEmpty()) {
                  epci.addAll(split(rs.getString(7), ";"));
                }
                if (epci.isEmpty()) {
                  for (QpvRef.CommuneRef c : refs) {
                    Commune commune = communes.get(c.code());
                    if (commune != null) {
                      for (String s : Arrays.asList(commune.epciSiren(), commune.eptSiren())) {
                        if (s != null && !epci.contains(s)) {
                          epci.add(s);
                        }
                      }
                    }
                  }
                }
                String dep = rs.getString(5);
                String region = rs.getString(6) != null ? rs.getString(6) : regionOfDep.get(dep);
                Map<String, Double> values = rows.isEmpty() ? Map.of() : parseIndicators(rows.get(0).indicators());
                List<String> flags = rows.isEmpty() || rows.get(0).flags() == null ? List.of() : List.of(rows.get(0).flags().split("; "));
                Date to = rs.getDate(9);
                qpv.add(
                    new Qpv(
                        code,
                        rs.getString(2),
                        g,
                        List.copyOf(refs),
                        dep,
                        region,
                        List.copyOf(epci),
                        rows.isEmpty() ? null : rows.get(0).population(),
                        values,
                        flags,
                        rs.getDate(8).toLocalDate(),
                        to == null ? null : to.toLocalDate(),
                        wkb(rs.getBytes(10)),
                        v));
              });
    }

    List<PilotTerritory> territories = new ArrayList<>();
    Long territoryVersion = ids.get("territoires");
    if (territoryVersion != null) {
      Map<String, List<PilotTerritory.TerritoryCommune>> byTerritory = new HashMap<>();
      jdbc.sql(
              "select territory_id, commune_code, commune_name, departement, population, postcodes"
                  + " from pilot_territory_commune where version_id = ? order by territory_id, commune_code")
          .param(territoryVersion)
          .query(
              rs -> {
                byTerritory
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(
                        new PilotTerritory.TerritoryCommune(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            (Integer) rs.getObject(5),
                            split(rs.getString(6), "|")));
              });
      jdbc.sql(
              "select id, label, perimeter_kind, grouping_siren, grouping_name, grouping_type, population"
                  + " from pilot_territory where version_id = ?")
          .param(territoryVersion)
          .query(
              rs -> {
                territories.add(
                    new PilotTerritory(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (Integer) rs.getObject(7),
                        List.copyOf(byTerritory.getOrDefault(rs.getString(1), List.of()))));
              });
    }

    Map<String, List<String>> communesByPostcode = new HashMap<>();
    Long postcodeVersion = ids.get("codes-postaux");
    if (postcodeVersion != null) {
      jdbc.sql("select postcode, commune_code from postcode where version_id = ? order by postcode, commune_code")
          .param(postcodeVersion)
          .query(
              rs -> {
                communesByPostcode.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
              });
    }
    communesByPostcode.replaceAll((k, v) -> List.copyOf(v));

    return new ReferenceGeography(
        communes.values(), departements, groupings, qpv, territories, communesByPostcode, outlines, active);
  }

  private record IndicatorRow(
      String commune, String communeName, String epciSirens, Integer population, String indicators, String flags) {}

  private static String nameOf(Map<String, Commune> communes, String code, String fallback) {
    return Optional.ofNullable(communes.get(code)).map(Commune::nom).orElse(fallback);
  }

  private static Map<String, Double> parseIndicators(String json) {
    return json == null ? Map.of() : Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, Double>>() {}));
  }

  private static List<String> split(String s, String separator) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String p : s.split(java.util.regex.Pattern.quote(separator))) {
      if (!p.isBlank()) {
        parts.add(p.trim());
      }
    }
    return List.copyOf(parts);
  }

  private static Geometry wkb(byte[] bytes) {
    try {
      Geometry g = new WKBReader(WGS84).read(bytes);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("Géométrie illisible en base", e);
    }
  }
}
