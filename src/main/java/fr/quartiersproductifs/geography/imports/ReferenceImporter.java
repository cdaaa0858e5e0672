package fr.quartiersproductifs.geography.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.geography.CommuneCode;
import fr.quartiersproductifs.geography.Generation;
import fr.quartiersproductifs.geography.QpvCode;
import fr.quartiersproductifs.geography.io.GeoJsonFeatureReader;
import fr.quartiersproductifs.geography.io.GeometryRepair;
import fr.quartiersproductifs.shared.QpException;
import fr.quartiersproductifs.shared.Sha256;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the reference files (official geographic code, QPV contours and indicators, pilot
 * territories, postcodes). Each import is one dataset version, written in a single transaction: a
 * crash or a bad file leaves the previous version in force; the same file twice (same SHA-256)
 * changes nothing. Bad rows are reported with their line (or feature) number and reason; invalid
 * polygons are repaired and reported, not dropped.
 */
@Service
public class ReferenceImporter {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceImporter.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int BATCH = 1000;

  private final DatasetVersions versions;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public ReferenceImporter(DatasetVersions versions, JdbcTemplate jdbc, TransactionTemplate tx) {
    this.versions = versions;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Options of a QPV contour import.
   *
   * @param generation 2015 or 2024; null = inferred from the codes (QP = 2015, QN = 2024)
   * @param validFrom overrides the generation's first day in force (all QPV of the file)
   * @param validTo overrides the generation's last day in force
   */
  public record QpvOptions(Generation generation, LocalDate validFrom, LocalDate validTo) {
    public static final QpvOptions DEFAULT = new QpvOptions(null, null, null);
  }

  /** The dataset kind a file would be imported as ({@code qpv-2024} for QPV 2024 contours...). */
  public String datasetKindOf(ReferenceKind kind, Path file) {
    if (kind != ReferenceKind.QPV) {
      return kind.datasetKind(null);
    }
    try {
      return kind.datasetKind(sniffGeneration(file));
    } catch (IOException e) {
      throw QpException.invalid("Lecture impossible de " + file + " : " + e.getMessage());
    }
  }

  public ImportOutcome importFile(ReferenceKind kind, Path file) {
    return importFile(kind, file, QpvOptions.DEFAULT);
  }

  public ImportOutcome importFile(ReferenceKind kind, Path file, QpvOptions qpvOptions) {
    if (!Files.isRegularFile(file)) {
      throw QpException.invalid("Fichier introuvable : " + file);
    }
    try {
      String sha;
      List<Path> sources = new ArrayList<>(List.of(file));
      if (kind == ReferenceKind.TERRITORIES) {
        sources.add(territoryCommunesFile(file));
        sha = Sha256.of((Sha256.of(sources.get(0)) + Sha256.of(sources.get(1))).getBytes(StandardCharsets.UTF_8));
      } else {
        sha = Sha256.of(file);
      }
      Generation generation =
          kind == ReferenceKind.QPV
              ? (qpvOptions.generation() != null ? qpvOptions.generation() : sniffGeneration(file))
              : null;
      String datasetKind = kind.datasetKind(generation);
      String parameters = parameters(kind, generation, qpvOptions);
      var active = versions.active(datasetKind);
      if (active.isPresent()
          && active.get().sha256().equals(sha)
          && java.util.Objects.equals(active.get().parameters(), parameters)) {
        return new ImportOutcome(true, active.get(), List.of());
      }
      String sourceName = String.join(" + ", sources.stream().map(p -> p.getFileName().toString()).toList());
      DatasetVersion done =
          tx.execute(
              status -> {
                long id = versions.create(datasetKind, sourceName, sha, parameters);
                ImportReport report = new ImportReport();
                try {
                  switch (kind) {
                    case REGIONS -> importRegions(id, file, report);
                    case DEPARTEMENTS -> importDepartements(id, file, report);
                    case COMMUNES -> importCommunes(id, file, report);
                    case EPCI -> importGroupings(id, file, "EPCI", report);
                    case EPT -> importGroupings(id, file, "EPT", report);
                    case DEPARTEMENT_OUTLINES -> importOutlines(id, file, report);
                    case QPV -> importQpv(id, file, generation, qpvOptions, report);
                    case QPV_INDICATORS -> importIndicators(id, file, report);
                    case TERRITORIES -> importTerritories(id, sources.get(0), sources.get(1), report);
                    case POSTCODES -> importPostcodes(id, file, report);
                  }
                } catch (IOException e) {
                  throw new QpException(
                      fr.quartiersproductifs.shared.ErrorCode.INVALID_INPUT,
                      "Lecture impossible de " + file + " : " + e.getMessage(),
                      e);
                }
                if (report.rowsImported() == 0) {
                  throw QpException.invalid(
                      "Aucune ligne valide dans "
                          + file.getFileName()
                          + " ("
                          + report.rowsRead()
                          + " lues) : la version précédente reste en vigueur.");
                }
                versions.complete(id, datasetKind, report);
                return versions.find(id).orElseThrow();
              });
      LOG.info(
          "Import {} v{}: {} read, {} imported, {} rejected, {} repaired",
          datasetKind, done.id(), done.rowsRead(), done.rowsImported(), done.rowsRejected(), done.rowsRepaired());
      return new ImportOutcome(false, done, versions.issues(done.id()));
    } catch (IOException e) {
      throw QpException.invalid("Lecture impossible de " + file + " : " + e.getMessage());
    } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
      throw QpException.invalid(
          "Fichier " + file.getFileName() + " illisible pour " + kind.cliName() + " : " + e.getMessage());
    }
  }

  private static String parameters(ReferenceKind kind, Generation g, QpvOptions o) {
    if (kind != ReferenceKind.QPV) {
      return null;
    }
    StringBuilder sb = new StringBuilder("generation=" + g.year());
    if (o.validFrom() != null) {
      sb.append(";valide_du=").append(o.validFrom());
    }
    if (o.validTo() != null) {
      sb.append(";valide_au=").append(o.validTo());
    }
    return sb.toString();
  }

  static Path territoryCommunesFile(Path territoriesFile) {
    Path communes = territoriesFile.resolveSibling("territoires_communes.csv");
    if (!Files.isRegularFile(communes)) {
      throw QpException.invalid(
          "Fichier des communes des territoires introuvable à côté de "
              + territoriesFile
              + " (territoires_communes.csv attendu).");
    }
    return communes;
  }

  /** Generation from the first QPV code of the file: QN = 2024, QP = 2015. */
  static Generation sniffGeneration(Path file) throws IOException {
    Generation[] found = new Generation[1];
    try {
      GeoJsonFeatureReader.read(
          file,
          f -> {
            if (found[0] == null) {
              String code = f.text("code_qp");
              if (code != null) {
                try {
                  found[0] = QpvCode.of(code).generation();
                } catch (IllegalArgumentException ignored) {
                  // keep looking
                }
              }
              if (found[0] != null) {
                throw new StopReading();
              }
            }
          });
    } catch (StopReading done) {
      return found[0];
    }
    throw QpException.invalid(
        "Génération des QPV impossible à déduire de " + file.getFileName() + " : précisez --generation.");
  }

  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  // ---------------------------------------------------------------- official geographic code

  private void importRegions(long id, Path file, ImportReport report) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    forEachJsonRow(file, report, (line, n) -> {
      String code = text(n, "code");
      String name = text(n, "nom");
      if (code == null || name == null) {
        report.reject(line, code, "code ou nom manquant");
        return;
      }
      rows.add(new Object[] {id, code, name});
      report.imported();
    });
    batch("insert into region (version_id, code, name) values (?, ?, ?)", rows);
  }

  private void importDepartements(long id, Path file, ImportReport report) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    forEachJsonRow(file, report, (line, n) -> {
      String code = text(n, "code");
      String name = text(n, "nom");
      String region = text(n, "region");
      if (code == null || name == null || region == null) {
        report.reject(line, code, "code, nom ou région manquant");
        return;
      }
      String zone = text(n, "zone");
      rows.add(new Object[] {id, code, name, region, zone == null ? "metro" : zone});
      report.imported();
    });
    batch("insert into departement (version_id, code, name, region_code, zone) values (?, ?, ?, ?, ?)", rows);
  }

  private void importCommunes(long id, Path file, ImportReport report) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    forEachJsonRow(file, report, (line, n) -> {
      String rawCode = text(n, "code");
      String name = text(n, "nom");
      String type = text(n, "type");
      if (rawCode == null || name == null) {
        report.reject(line, rawCode, "code ou nom manquant");
        return;
      }
      CommuneCode code;
      try {
        code = CommuneCode.of(rawCode);
      } catch (IllegalArgumentException e) {
        report.reject(line, rawCode, e.getMessage());
        return;
      }
      String dbType =
          switch (type == null ? "commune-actuelle" : type) {
            case "commune-actuelle" -> "COMMUNE";
            case "arrondissement-municipal" -> "ARRONDISSEMENT_MUNICIPAL";
            case "commune-deleguee" -> "COMMUNE_DELEGUEE";
            case "commune-associee" -> "COMMUNE_ASSOCIEE";
            default -> null;
          };
      if (dbType == null) {
        report.reject(line, rawCode, "type de commune inconnu : " + type);
        return;
      }
      if (!seen.add(code.value() + "/" + dbType)) {
        report.reject(line, rawCode, "commune en double");
        return;
      }
      String parent = text(n, "commune");
      if (parent == null) {
        parent = text(n, "chefLieu");
      }
      rows.add(
          new Object[] {
            id,
            code.value(),
            dbType,
            name,
            dbType.equals("COMMUNE") ? null : parent,
            text(n, "departement"),
            text(n, "region"),
            n.hasNonNull("population") ? n.get("population").asInt() : null,
            joinArray(n.path("codesPostaux"))
          });
      report.imported();
      flushIfFull(
          "insert into commune (version_id, code, type, name, parent_code, departement, region,"
              + " population, postcodes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
    });
    batch(
        "insert into commune (version_id, code, type, name, parent_code, departement, region,"
            + " population, postcodes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  private void importGroupings(long id, Path file, String kind, ImportReport report) throws IOException {
    List<Object[]> groupings = new ArrayList<>();
    List<Object[]> members = new ArrayList<>();
    forEachJsonRow(file, report, (line, n) -> {
      String siren = text(n, "code");
      String name = text(n, "nom");
      if (siren == null || !siren.matches("\\d{9}") || name == null) {
        report.reject(line, siren, "SIREN (9 chiffres) ou nom manquant");
        return;
      }
      Integer population =
          n.hasNonNull("populationMunicipale")
              ? Integer.valueOf(n.get("populationMunicipale").asInt())
              : null;
      String type = text(n, "type");
      groupings.add(new Object[] {id, siren, kind, type == null ? kind : type, name, population});
      Set<String> seen = new HashSet<>();
      for (JsonNode m : n.path("membres")) {
        String code = text(m, "code");
        if (code == null || !seen.add(code)) {
          continue;
        }
        members.add(
            new Object[] {
              id,
              siren,
              code,
              text(m, "nom") == null ? code : text(m, "nom"),
              m.hasNonNull("populationMunicipale")
                  ? Integer.valueOf(m.get("populationMunicipale").asInt())
                  : null
            });
      }
      report.imported();
    });
    batch(
        "insert into intercommunality (version_id, siren, kind, type, name, population)"
            + " values (?, ?, ?, ?, ?, ?)",
        groupings);
    batch(
        "insert into intercommunality_member (version_id, siren, commune_code, commune_name,"
            + " population) values (?, ?, ?, ?, ?)",
        members);
  }

  private void importOutlines(long id, Path file, ImportReport report) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    WKBWriter wkb = new WKBWriter();
    GeoJsonFeatureReader.read(
        file,
        f -> {
          report.read();
          String code = f.text("code");
          if (code == null) {
            report.reject(f.number(), null, "propriété code manquante");
            return;
          }
          Geometry g = checkedArea(f, code, report);
          if (g == null) {
            return;
          }
          if (!seen.add(code)) {
            report.reject(f.number(), code, "département en double");
            return;
          }
          rows.add(new Object[] {id, code, wkb.write(g)});
          report.imported();
        });
    batch("insert into departement_outline (version_id, code, geometry_wkb) values (?, ?, ?)", rows);
  }

  // ---------------------------------------------------------------- QPV

  private void importQpv(
      long id, Path file, Generation generation, QpvOptions options, ImportReport report)
      throws IOException {
    String sql =
        "insert into qpv (version_id, code, name, generation, commune_code, commune_name,"
            + " departement, region, epci_sirens, valid_from, valid_to, geometry_wkb)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    List<Object[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    WKBWriter wkb = new WKBWriter();
    GeoJsonFeatureReader.read(
        file,
        f -> {
          report.read();
          String rawCode = f.text("code_qp");
          QpvCode code;
          try {
            code = QpvCode.of(rawCode);
          } catch (IllegalArgumentException e) {
            report.reject(f.number(), rawCode, "code_qp manquant ou invalide : " + rawCode);
            return;
          }
          boolean anct = f.properties().has("lib_qp");
          String name = anct ? f.text("lib_qp") : f.text("nom_qp");
          if (name == null) {
            report.reject(f.number(), code.value(), anct ? "lib_qp manquant" : "nom_qp manquant");
            return;
          }
          String commune = anct ? f.text("insee_com") : f.text("code_commune");
          String communeName = anct ? f.text("lib_com") : f.text("nom_commune");
          String dep = anct ? f.text("insee_dep") : f.text("code_departement");
          if (commune != null) {
            try {
              commune = CommuneCode.parseLenient(commune).value();
            } catch (IllegalArgumentException e) {
              report.warn(f.number(), code.value(), "code commune illisible ignoré : " + commune);
              commune = null;
            }
          }
          if (dep == null && commune != null) {
            dep = CommuneCode.of(commune).departement();
          }
          if (dep != null && dep.length() == 1) {
            dep = "0" + dep;
          }
          if (code.generation() != generation) {
            report.warn(
                f.number(),
                code.value(),
                "code de la génération " + code.generation().year() + " importé en génération " + generation.year());
          }
          if (!seen.add(code.value())) {
            report.reject(f.number(), code.value(), "QPV en double dans le fichier");
            return;
          }
          Geometry g = checkedArea(f, code.value(), report);
          if (g == null) {
            return;
          }
          boolean overseas = (dep != null && dep.startsWith("97")) || code.overseas();
          LocalDate from = options.validFrom() != null ? options.validFrom() : generation.validFrom(overseas);
          LocalDate to = options.validTo() != null ? options.validTo() : generation.validTo(overseas);
          rows.add(
              new Object[] {
                id,
                code.value(),
                name,
                generation.year(),
                commune,
                communeName,
                dep,
                anct ? f.text("insee_reg") : null,
                anct ? normaliseSirens(f.text("siren_epci")) : null,
                Date.valueOf(from),
                to == null ? null : Date.valueOf(to),
                wkb.write(g)
              });
          report.imported();
          flushIfFull(sql, rows);
        });
    batch(sql, rows);
  }

  private static Geometry checkedArea(
      GeoJsonFeatureReader.Feature f, String identifier, ImportReport report) {
    if (f.geometry() == null) {
      report.reject(f.number(), identifier, f.error());
      return null;
    }
    GeometryRepair.Result r = GeometryRepair.repairArea(f.geometry());
    if (r.geometry() == null) {
      report.reject(f.number(), identifier, r.refusal());
      return null;
    }
    if (r.degenerate()) {
      report.warn(f.number(), identifier, r.repairNote());
    } else if (r.repaired()) {
      report.repaired(f.number(), identifier, r.repairNote());
    }
    return r.geometry();
  }

  /** Columns of the indicators file kept as numeric indicators (besides the identifiers). */
  private static final Set<String> INDICATOR_ID_COLUMNS =
      Set.of("COG", "lib_com", "codeQPV", "lib_qp", "insee_reg", "lib_reg", "insee_dep", "lib_dep", "siren_epci", "lib_epci");

  private void importIndicators(long id, Path file, ImportReport report) throws IOException {
    String sql =
        "insert into qpv_commune_indicator (version_id, qpv_code, commune_code, commune_name,"
            + " qpv_name, epci_sirens, epci_name, population, indicators, flags)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    List<Object[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
      boolean headerChecked = false;
      for (NamedCsvRecord r : csv) {
        if (!headerChecked) {
          requireColumns(file, r.getHeader(), "COG", "codeQPV", "popMuniQPV");
          headerChecked = true;
        }
        long line = r.getStartingLineNumber();
        report.read();
        String qpv = r.getField("codeQPV").trim();
        CommuneCode commune;
        try {
          QpvCode.of(qpv);
          commune = CommuneCode.parseLenient(r.getField("COG"));
        } catch (IllegalArgumentException e) {
          report.reject(line, qpv, e.getMessage());
          continue;
        }
        if (!seen.add(qpv + "/" + commune.value())) {
          report.reject(line, qpv, "couple (QPV, commune) en double");
          continue;
        }
        Map<String, Double> indicators = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (String column : r.getHeader()) {
          if (INDICATOR_ID_COLUMNS.contains(column)) {
            continue;
          }
          String v = r.getField(column).trim();
          if (v.isEmpty()) {
            continue; // statistical secrecy
          }
          try {
            double d = Double.parseDouble(v.replace(',', '.'));
            indicators.put(column, d);
            if ((column.startsWith("taux") || column.startsWith("part")) && d > 100) {
              flags.add(column + " = " + v + " (> 100, conservé tel quel)");
            }
          } catch (NumberFormatException e) {
            report.warn(line, qpv, "valeur non numérique ignorée pour " + column + " : " + v);
          }
        }
        if (!flags.isEmpty()) {
          report.warn(line, qpv, "valeur atypique : " + String.join(", ", flags));
        }
        Double pop = indicators.get("popMuniQPV");
        rows.add(
            new Object[] {
              id,
              qpv,
              commune.value(),
              r.getField("lib_com"),
              fieldOrNull(r, "lib_qp"),
              normaliseSirens(fieldOrNull(r, "siren_epci")),
              fieldOrNull(r, "lib_epci"),
              pop == null ? null : (int) Math.round(pop),
              JSON.writeValueAsString(indicators),
              flags.isEmpty() ? null : String.join("; ", flags)
            });
        report.imported();
        flushIfFull(sql, rows);
      }
    }
    batch(sql, rows);
  }

  private static String normaliseSirens(String raw) {
    if (raw == null) {
      return null;
    }
    List<String> sirens = new ArrayList<>();
    for (String s : raw.split("[;,]")) {
      String t = s.trim();
      if (t.endsWith(".0")) {
        t = t.substring(0, t.length() - 2);
      }
      if (!t.isEmpty()) {
        sirens.add(t);
      }
    }
    return String.join(";", sirens);
  }

  // ---------------------------------------------------------------- territories, postcodes

  private void importTerritories(long id, Path territoriesFile, Path communesFile, ImportReport report)
      throws IOException {
    List<Object[]> territories = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Reader reader = Files.newBufferedReader(territoriesFile, StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
      boolean headerChecked = false;
      for (NamedCsvRecord r : csv) {
        if (!headerChecked) {
          requireColumns(territoriesFile, r.getHeader(), "territoire_id", "libelle", "perimetre");
          headerChecked = true;
        }
        report.read();
        String tid = r.getField("territoire_id").trim();
        if (!tid.matches("[A-Z0-9_]{2,32}") || !ids.add(tid)) {
          report.reject(r.getStartingLineNumber(), tid, "identifiant de territoire invalide ou en double");
          continue;
        }
        territories.add(
            new Object[] {
              id,
              tid,
              r.getField("libelle").trim(),
              r.getField("perimetre").trim(),
              fieldOrNull(r, "siren_groupement"),
              fieldOrNull(r, "nom_groupement"),
              fieldOrNull(r, "type_groupement"),
              intOrNull(fieldOrNull(r, "population_municipale_perimetre"))
            });
        report.imported();
      }
    }
    List<Object[]> communes = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(communesFile, StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
      Set<String> seen = new HashSet<>();
      boolean headerChecked = false;
      for (NamedCsvRecord r : csv) {
        if (!headerChecked) {
          requireColumns(communesFile, r.getHeader(), "territoire_id", "code_commune", "nom_commune");
          headerChecked = true;
        }
        String tid = r.getField("territoire_id").trim();
        String code;
        try {
          code = CommuneCode.parseLenient(r.getField("code_commune")).value();
        } catch (IllegalArgumentException e) {
          report.reject(r.getStartingLineNumber(), tid, "territoires_communes.csv : " + e.getMessage());
          continue;
        }
        if (!ids.contains(tid) || !seen.add(tid + "/" + code)) {
          report.reject(
              r.getStartingLineNumber(), tid, "territoires_communes.csv : territoire inconnu ou commune en double");
          continue;
        }
        communes.add(
            new Object[] {
              id,
              tid,
              code,
              r.getField("nom_commune").trim(),
              fieldOrNull(r, "code_departement"),
              intOrNull(fieldOrNull(r, "population_municipale")),
              fieldOrNull(r, "codes_postaux")
            });
      }
    }
    batch(
        "insert into pilot_territory (version_id, id, label, perimeter_kind, grouping_siren,"
            + " grouping_name, grouping_type, population) values (?, ?, ?, ?, ?, ?, ?, ?)",
        territories);
    batch(
        "insert into pilot_territory_commune (version_id, territory_id, commune_code, commune_name,"
            + " departement, population, postcodes) values (?, ?, ?, ?, ?, ?, ?)",
        communes);
  }

  private void importPostcodes(long id, Path file, ImportReport report) throws IOException {
    String sql =
        "insert into postcode (version_id, postcode, commune_code, commune_name, delivery_label)"
            + " values (?, ?, ?, ?, ?)";
    List<Object[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    forEachJsonRow(file, report, (line, n) -> {
      String pc = text(n, "codePostal");
      String commune = text(n, "codeCommune");
      if (pc == null || !pc.matches("\\d{5}") || commune == null) {
        report.reject(line, pc, "code postal (5 chiffres) ou code commune manquant");
        return;
      }
      if (!seen.add(pc + "/" + commune)) {
        return; // several delivery labels for the same pair: one row is enough
      }
      rows.add(new Object[] {id, pc, commune, text(n, "nomCommune"), text(n, "libelleAcheminement")});
      report.imported();
      flushIfFull(sql, rows);
    });
    batch(sql, rows);
  }

  // ---------------------------------------------------------------- helpers

  private static void requireColumns(Path file, List<String> header, String... required) {
    for (String column : required) {
      if (!header.contains(column)) {
        throw QpException.invalid(
            "Colonne « " + column + " » absente de " + file.getFileName() + " (colonnes : " + header + ")");
      }
    }
  }

  private static String fieldOrNull(NamedCsvRecord r, String column) {
    var v = r.findField(column);
    if (v.isEmpty()) {
      return null;
    }
    String s = v.get().trim();
    return s.isEmpty() ? null : s;
  }

  private static Integer intOrNull(String s) {
    if (s == null) {
      return null;
    }
    try {
      return (int) Math.round(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    String s = v.asString().trim();
    return s.isEmpty() ? null : s;
  }

  private static String joinArray(JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode item : array) {
      items.add(item.asString());
    }
    return items.isEmpty() ? null : String.join(";", items);
  }

  /** Receives one element of a JSON array file with its 1-based position. */
  @FunctionalInterface
  private interface JsonRow {
    void accept(int line, JsonNode node);
  }

  /** Calls the handler for each element of a JSON array file, counting each as read. */
  private static void forEachJsonRow(Path file, ImportReport report, JsonRow handler) throws IOException {
    int line = 0;
    for (JsonNode n : JSON.readTree(file.toFile())) {
      report.read();
      handler.accept(++line, n);
    }
  }

  private void flushIfFull(String sql, List<Object[]> rows) {
    if (rows.size() >= BATCH) {
      batch(sql, rows);
    }
  }

  private void batch(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
      rows.clear();
    }
  }
}
