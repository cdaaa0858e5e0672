package fr.quartiersproductifs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.support.DatabaseTest;
import fr.quartiersproductifs.support.Http;
import fr.quartiersproductifs.support.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import and the diagnostic on the real sample of ../shared/data/samples/sirene, plus three
 * rows of our own appended to copies of the files (a partially diffusible establishment, one placed
 * at random in its commune, a malformed row). Expected figures were computed independently by
 * src/test/scripts/sirene_expected_counts.py (pure-Python ray casting of the sample's own WGS84
 * columns against the QPV 2024 contours, no Java, no projection library).
 */
@DatabaseTest
// The import stays in this context's database: discard it so other test classes start without it.
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SireneImportTest {
  static final String PARTIAL = "99999999900011";
  static final String RANDOM_IN_COMMUNE = "99999999900029";

  @Autowired SireneImportService importer;
  @Autowired DiagnosticService diagnostics;
  @Autowired DatasetVersions versions;
  @Autowired fr.quartiersproductifs.programme.AutomaticIndicatorSource indicators;
  @LocalServerPort int port;

  Path stock;
  Path geo;
  SireneImportService.Outcome outcome;

  @BeforeAll
  void importSample() throws IOException {
    Path dir = Files.createTempDirectory("qp-sirene-test");
    Path sampleStock = SharedData.file("samples/sirene/StockEtablissement_echantillon.csv");
    Path sampleGeo = SharedData.file("samples/sirene/GeolocalisationEtablissement_echantillon.csv");
    String header = Files.readAllLines(sampleStock).get(0);
    List<String> cols = Arrays.asList(header.split(","));
    stock = dir.resolve("StockEtablissement.csv");
    geo = dir.resolve("GeolocalisationEtablissement.csv.gz");
    try (OutputStream out = Files.newOutputStream(stock)) {
      Files.copy(sampleStock, out);
      out.write(row(cols, Map.of("siren", "999999999", "nic", "00011", "siret", PARTIAL,
          "statutDiffusionEtablissement", "P", "dateCreationEtablissement", "2020-05-04",
          "codeCommuneEtablissement", "13202", "etatAdministratifEtablissement", "A",
          "activitePrincipaleEtablissement", "56.30Z", "nomenclatureActivitePrincipaleEtablissement", "NAFRev2",
          "enseigne1Etablissement", "DIFFUSION PARTIELLE")).getBytes(StandardCharsets.UTF_8));
      out.write(row(cols, Map.of("siren", "999999999", "nic", "00029", "siret", RANDOM_IN_COMMUNE,
          "statutDiffusionEtablissement", "O", "dateCreationEtablissement", "2021-01-01",
          "codeCommuneEtablissement", "13202", "etatAdministratifEtablissement", "A",
          "activitePrincipaleEtablissement", "47.11B", "nomenclatureActivitePrincipaleEtablissement", "NAFRev2"))
          .getBytes(StandardCharsets.UTF_8));
      out.write("123,456,12345,O,2020-01-01\n".getBytes(StandardCharsets.UTF_8));
    }
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(geo))) {
      Files.copy(sampleGeo, out);
      // Same point as 39009842400034 (in QN01330M by the independent script).
      out.write((PARTIAL + ";892251.5;6247972.5;11;2154;HZ;;;;;13202;;;;;;;43.304965;5.368438\n"
              + RANDOM_IN_COMMUNE + ";892251.5;6247972.5;33;2154;QN01330M;;;;;13202;;;;;;;43.304965;5.368438\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    outcome = importer.importFiles(stock, geo, LocalDate.of(2025, 11, 1), SireneImportService.KeepMode.PILOTES);
  }

  private static String row(List<String> cols, Map<String, String> values) {
    String[] v = new String[cols.size()];
    Arrays.fill(v, "");
    values.forEach((k, x) -> v[cols.indexOf(k)] = x);
    return String.join(",", v) + "\n";
  }

  @Test
  void readsEveryRowAndReportsTheMalformedOneWithItsLine() {
    var r = outcome.result();
    assertThat(outcome.unchanged()).isFalse();
    assertThat(r.establishments()).isEqualTo(22_606);
    assertThat(r.activeEstablishments()).isEqualTo(22_606);
    assertThat(r.geoEntries()).isEqualTo(22_332);
    List<ImportIssue> issues = versions.issues(outcome.version().id());
    assertThat(issues).filteredOn(i -> i.severity() == ImportIssue.Severity.REJETEE)
        .containsExactly(new ImportIssue(22_608, ImportIssue.Severity.REJETEE, "StockEtablissement",
            "nombre de champs incorrect (5 au lieu de 48)"));
    assertThat(outcome.version().rowsRead()).isEqualTo(22_607);
    assertThat(outcome.version().rowsRejected()).isEqualTo(1);
    // The sample gives the overseas establishments Lambert-93 x/y (EPSG 2154), off that system's
    // domain: the 162 rows the script finds outside the mainland extent are located by their
    // WGS84 columns instead, each reported with its line.
    assertThat(outcome.version().rowsRepaired()).isEqualTo(162);
    assertThat(issues).filteredOn(i -> i.severity() == ImportIssue.Severity.REPAREE).hasSize(162)
        .allSatisfy(i -> assertThat(i.reason()).isEqualTo(
            "x/y hors du domaine de l'EPSG 2154 : établissement localisé par y_latitude/x_longitude"))
        .contains(new ImportIssue(1771, ImportIssue.Severity.REPAREE, "GeolocalisationEtablissement 20005132400016",
            "x/y hors du domaine de l'EPSG 2154 : établissement localisé par y_latitude/x_longitude"));
    // INSEE's plg_qp24 is empty in the sample: only our own HZ row is compared, and disagrees.
    assertThat(r.disagreementCount()).isEqualTo(1);
    assertThat(r.disagreements()).isEmpty(); // partial diffusion: counted, not listed
  }

  @Test
  void countsPerQpvMatchTheIndependentComputation() {
    // Script: QN01330M 180, QN01332M 76, QN01362I 42, QN01329I 10; Montpellier QN03405M 4,
    // QN03401M 2; overseas (located by their WGS84 columns) Mayotte QN97624M 8, Martinique
    // QN97204M 4, Guyane QN97316M 2, La Réunion QN97407M 1. Plus our partially diffusible
    // establishment in QN01330M; the one placed at random in the commune is never counted in a QPV.
    Map<String, Long> expected = Map.of("QN01330M", 181L, "QN01332M", 76L, "QN01362I", 42L,
        "QN01329I", 10L, "QN03405M", 4L, "QN03401M", 2L, "QN97624M", 8L, "QN97204M", 4L, "QN97316M", 2L,
        "QN97407M", 1L);
    expected.forEach((code, n) -> {
      Diagnostic d = diagnostics.diagnostic(diagnostics.qpv(code));
      assertThat(d.zones().get(0).type()).isEqualTo(Diagnostic.QPV);
      assertThat(d.zones().get(0).etablissementsActifs()).as(code).isEqualTo(n);
    });
  }

  @Test
  void marseilleArrondissementsAreTheCommuneAndCreationsAreCountedByYear() {
    Diagnostic d = diagnostics.diagnostic(diagnostics.commune("13055"));
    Diagnostic.Zone whole = d.zones().get(d.zones().size() - 1);
    assertThat(whole.type()).isEqualTo(Diagnostic.PERIMETRE);
    // Script: 976 rows with codes 13201..13216, plus our two rows.
    assertThat(whole.etablissementsActifs()).isEqualTo(978);
    assertThat(d.annees()).containsExactly(2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025);
    // Script: 67 creations in 2016, 43 in 2017 (the sample stops in 2017); ours: 2020 and 2021.
    assertThat(whole.creations()).containsEntry(2016, 67L).containsEntry(2017, 43L)
        .containsEntry(2018, 0L).containsEntry(2020, 1L).containsEntry(2021, 1L);
    Diagnostic.Zone qpvPart = d.zones().stream().filter(z -> z.type().equals(Diagnostic.QPV_PERIMETRE)).findFirst().orElseThrow();
    Diagnostic.Zone rest = d.zones().stream().filter(z -> z.type().equals(Diagnostic.RESTE)).findFirst().orElseThrow();
    assertThat(qpvPart.etablissementsActifs() + rest.etablissementsActifs() + Math.round(whole.qualite().partIndetermines() * whole.etablissementsActifs()))
        .isEqualTo(978);
  }

  @Test
  void theRestOfACommuneExcludesAllItsQpvFromBothCountsAndPopulation() {
    Diagnostic commune = diagnostics.diagnostic(diagnostics.commune("34172"));
    Diagnostic qpv = diagnostics.diagnostic(diagnostics.qpv("QN03405M"));
    Diagnostic.Zone communeRest = commune.zones().stream().filter(z -> z.type().equals(Diagnostic.RESTE)).findFirst().orElseThrow();
    Diagnostic.Zone qpvRest = qpv.zones().stream().filter(z -> z.type().equals(Diagnostic.RESTE)).findFirst().orElseThrow();
    assertThat(qpvRest.population()).isEqualTo(communeRest.population());
    assertThat(qpvRest.etablissementsActifs()).isEqualTo(communeRest.etablissementsActifs());
    Diagnostic.Zone whole = commune.zones().get(commune.zones().size() - 1);
    Diagnostic.Zone part = commune.zones().stream().filter(z -> z.type().equals(Diagnostic.QPV_PERIMETRE)).findFirst().orElseThrow();
    assertThat(communeRest.population()).isEqualTo(whole.population() - part.population());
  }

  @Test
  void automaticIndicatorsOfTheProgrammeComeFromTheDiagnostic() {
    var amp = diagnostics.territory("AMP");
    List<String> communes = List.copyOf(amp.communes());
    List<String> qpv = amp.qpv().stream().map(fr.quartiersproductifs.geography.Qpv::code).toList();
    Diagnostic.Zone part = diagnostics.diagnostic(amp).zones().stream()
        .filter(z -> z.type().equals(Diagnostic.QPV_PERIMETRE)).findFirst().orElseThrow();
    assertThat(indicators.value("ETABLISSEMENTS_ACTIFS_QPV", "AMP", communes, qpv, "2025"))
        .contains(java.math.BigDecimal.valueOf(part.etablissementsActifs()));
    // Only our partially diffusible row (created 2020-05-04, in QN01330M) has a recent creation date.
    assertThat(indicators.value("CREATIONS_QPV", "AMP", communes, qpv, "2020")).contains(java.math.BigDecimal.ONE);
    assertThat(indicators.value("ETABLISSEMENTS_ACTIFS_QPV", "AMP", communes, qpv, "2023")).isEmpty();
    assertThat(indicators.value("UNKNOWN", "AMP", communes, qpv, "2025")).isEmpty();
    assertThat(indicators.source()).isEqualTo("SIRENE 2025-11-01");
  }

  @Test
  void partiallyDiffusibleEstablishmentIsNeverListed() {
    Http http = new Http(port);
    var page = http.get("/api/v1/qpv/QN01330M/etablissements?taille=500");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("\"total\":180").doesNotContain(PARTIAL).contains("39009842400034");
    var csv = http.get("/api/v1/territoires/AMP/etablissements?format=csv");
    assertThat(csv.body()).doesNotContain(PARTIAL).contains(RANDOM_IN_COMMUNE);
    assertThat(http.get("/api/v1/territoires/AMP/desaccords-insee").body()).isEqualTo("[]");
    assertThat(http.get("/api/v1/sirene/imports").body()).contains("\"stockDate\":\"2025-11-01\"");
    // Script: 4 establishments in QN03405M (Mosson), all public; one has no commune code.
    assertThat(http.get("/api/v1/qpv/QN03405M/etablissements").body()).contains("\"total\":4");
    // Script: 976 sample rows with codes 13201..13216, all O and active, plus our O row.
    assertThat(http.get("/api/v1/communes/13055/etablissements?taille=1").body()).contains("\"total\":977");
    var cafes = http.get("/api/v1/qpv/QN01330M/etablissements?categorie=commerce&section=I&taille=1");
    assertThat(cafes.body()).contains("\"taille\":1");
  }

  @Test
  void diagnosticExportsHaveTheRequiredColumns() throws IOException {
    Http http = new Http(port);
    var csv = http.get("/api/v1/territoires/AMP/diagnostic?format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    String header = csv.body().lines().findFirst().orElseThrow();
    assertThat(header).startsWith("code_zone,libelle_zone,type_zone,population,etablissements_actifs,"
        + "etablissements_pour_1000_hab,part_commerce,part_artisanat,part_activites_productives,part_numerique")
        .contains("creations_2016").contains("creations_2025");
    assertThat(csv.body()).contains("QN01330M");
    var xlsx = http.getBytes("/api/v1/qpv/QN01330M/diagnostic?format=xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("QN01330M");
      assertThat(wb.getSheetAt(0).getRow(1).getCell(4).getNumericCellValue()).isEqualTo(181.0);
    }
    assertThat(http.get("/api/v1/territoires/NOWHERE/diagnostic").statusCode()).isEqualTo(404);
  }

  @Test
  void sameFilesAgainChangeNothing() {
    var again = importer.importFiles(stock, geo, LocalDate.of(2025, 11, 1), SireneImportService.KeepMode.PILOTES);
    assertThat(again.unchanged()).isTrue();
    assertThat(again.version().id()).isEqualTo(outcome.version().id());
  }

  @Test
  void aFileThatIsNotInseesLayoutFailsClearlyAndKeepsTheActiveImport() throws IOException {
    Path bad = Files.createTempFile("qp-stock-", ".csv");
    Files.writeString(bad, "siret,nic\n12345678900011,00011\n");
    assertThatThrownBy(() -> importer.importFiles(bad, geo, LocalDate.of(2025, 12, 1), SireneImportService.KeepMode.PILOTES))
        .isInstanceOf(fr.quartiersproductifs.shared.QpException.class)
        .hasMessageContaining("statutDiffusionEtablissement");
    assertThat(versions.active("sirene")).map(v -> v.id()).contains(outcome.version().id());
  }

  @Autowired javax.sql.DataSource dataSource;

  /** ADR 0044: no per-row key check on the tables COPY fills by millions; the snapshot keeps its key. */
  @Test
  void theBulkTablesHaveNoForeignKeyToTheVersionsButTheSnapshotHasOne() throws java.sql.SQLException {
    try (var c = dataSource.getConnection()) {
      var meta = c.getMetaData();
      for (String table : List.of("eco_establishment", "eco_activity", "eco_quality", "eco_flow", "eco_disagreement",
          "eco_snapshot")) {
        boolean toVersions = false;
        try (var keys = meta.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
          while (keys.next()) {
            toVersions |= keys.getString("PKTABLE_NAME").equalsIgnoreCase("dataset_version");
          }
        }
        assertThat(toVersions).as(table).isEqualTo(table.equals("eco_snapshot"));
      }
    }
  }

  @Autowired fr.quartiersproductifs.economy.jdbc.EconomyStore store;
  @Autowired fr.quartiersproductifs.economy.jdbc.EconomyQueries queries;

  /**
   * ADR 0045: a row per zone and kind, its years in arrays; read back as one flow per year, by
   * commune or by QPV, counts past 2^31 included.
   */
  @Test
  void flowsReadBackYearByYearFromTheirRowPerZone() {
    long version = 987_654_321L; // a version of this test only: these tables have no key to the versions
    var dans = fr.quartiersproductifs.geography.QpvStatus.DANS_QPV;
    var hors = fr.quartiersproductifs.geography.QpvStatus.HORS_QPV;
    var indet = fr.quartiersproductifs.geography.QpvStatus.INDETERMINE;
    List<Aggregates.ZoneFlows> written = List.of(
        new Aggregates.ZoneFlows("13201", dans, "QN01330M", 'C', new int[] {2017, 2024}, new long[] {2, 7}),
        new Aggregates.ZoneFlows("13201", dans, "QN01330M", 'F', new int[] {2017}, new long[] {1}),
        new Aggregates.ZoneFlows("13201", hors, null, 'C', new int[] {2016, 2025}, new long[] {3, 5}),
        new Aggregates.ZoneFlows("13201", indet, null, 'C', new int[] {2025}, new long[] {4_000_000_000L}),
        new Aggregates.ZoneFlows("34172", hors, null, 'F', new int[] {2020}, new long[] {9}));
    var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    try {
      store.writeAggregates(version, List.of(), List.of(), written, List.of());
      assertThat(queries.flows(version, List.of("13201"), List.of())).containsExactlyInAnyOrderElementsOf(
          written.stream().filter(f -> f.communeCode().equals("13201")).flatMap(f -> f.yearly().stream()).toList());
      assertThat(queries.flows(version, List.of(), List.of("QN01330M"))).containsExactlyInAnyOrder(
          new Aggregates.Flow("13201", dans, "QN01330M", 'C', 2017, 2),
          new Aggregates.Flow("13201", dans, "QN01330M", 'C', 2024, 7),
          new Aggregates.Flow("13201", dans, "QN01330M", 'F', 2017, 1));
      assertThat(jdbc.queryForObject("select count(*) from eco_flow where version_id = ?", Integer.class, version))
          .as("rows: one per zone and kind").isEqualTo(5);
    } finally {
      jdbc.update("delete from eco_flow where version_id = ?", version);
    }
  }

  /**
   * The kept establishments go to the database while the files are read (one COPY on PostgreSQL):
   * an archive cut past the rows already sent fails the import and leaves none of them behind.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60) // a COPY left open makes PostgreSQL's rollback wait for ever
  void anArchiveCutAfterRowsWereWrittenLeavesNoneOfThem() throws IOException {
    Path dir = Files.createTempDirectory("qp-sirene-cut-late");
    Path cut = dir.resolve("StockEtablissement.csv.gz");
    List<String> lines = Files.readAllLines(SharedData.file("samples/sirene/StockEtablissement_echantillon.csv"));
    java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new java.util.zip.GZIPOutputStream(whole)) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      // Nine more copies of the sample under new SIRET (SIREN 7xxxxxxxx, NIC 9999k): some 29 MB,
      // more chunks than the reader holds in flight (five of 4 MiB), so the first ones are merged
      // and their kept establishments sent before the cut is met.
      for (int k = 1; k <= 9; k++) {
        StringBuilder copy = new StringBuilder();
        for (int i = 1; i < lines.size(); i++) {
          String line = lines.get(i);
          int third = line.indexOf(',', line.indexOf(',', line.indexOf(',') + 1) + 1);
          String siren = String.format("7%08d", i);
          copy.append(siren).append(",9999").append(k).append(',').append(siren).append("9999").append(k)
              .append(line, third, line.length()).append('\n');
        }
        out.write(copy.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    Files.write(cut, Arrays.copyOf(whole.toByteArray(), whole.size() * 19 / 20));
    int rowsBefore = rowCount("eco_establishment");
    int versionsBefore = rowCount("dataset_version");
    assertThatThrownBy(() -> importer.importFiles(cut, geo, LocalDate.of(2025, 12, 2), SireneImportService.KeepMode.PILOTES))
        .isInstanceOf(fr.quartiersproductifs.shared.QpException.class)
        .hasMessageContaining("archive StockEtablissement.csv.gz illisible (tronquée ou corrompue ?)");
    assertThat(rowCount("eco_establishment")).isEqualTo(rowsBefore);
    assertThat(rowCount("dataset_version")).isEqualTo(versionsBefore);
    assertThat(versions.active("sirene")).map(v -> v.id()).contains(outcome.version().id());
    assertThat(new Http(port).get("/api/v1/qpv/QN01330M/etablissements?taille=1").body()).contains("\"total\":180");
  }

  /**
   * A kept establishment twice, far apart (a file out of INSEE's order): the store's key meets it,
   * and the import fails saying so, in one clear error; the active import stays.
   */
  @Test
  void aKeptSiretTwiceFarApartFailsClearlyAndKeepsTheActiveImport() throws IOException {
    Path dir = Files.createTempDirectory("qp-sirene-twice");
    Path twice = dir.resolve("StockEtablissement.csv");
    List<String> lines = Files.readAllLines(SharedData.file("samples/sirene/StockEtablissement_echantillon.csv"));
    String repeated = lines.stream().filter(l -> l.contains(",13201,")).findFirst().orElseThrow();
    Files.writeString(twice, String.join("\n", lines) + "\n" + repeated + "\n");
    int rowsBefore = rowCount("eco_establishment");
    assertThatThrownBy(() -> importer.importFiles(twice, geo, LocalDate.of(2025, 12, 3), SireneImportService.KeepMode.PILOTES))
        .isInstanceOf(fr.quartiersproductifs.shared.QpException.class)
        .hasMessage("SIRET en double dans le stock (" + repeated.split(",")[2] // siren,nic,siret,...
            + "), à des lignes éloignées (fichier hors de l'ordre SIRET de l'INSEE) : import annulé, l'import actif reste en place.");
    assertThat(rowCount("eco_establishment")).isEqualTo(rowsBefore);
    assertThat(versions.active("sirene")).map(v -> v.id()).contains(outcome.version().id());
  }

  /** Rows of a table, whatever the version. */
  private int rowCount(String table) {
    return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject("select count(*) from " + table, Integer.class);
  }

  /** Decompressed on its own thread (ADR 0043): a cut archive fails the import, never imports part of it. */
  @Test
  void aTruncatedArchiveFailsNamingItAndKeepsTheActiveImport() throws IOException {
    Path dir = Files.createTempDirectory("qp-sirene-cut");
    Path cut = dir.resolve("StockEtablissement.csv.gz");
    java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new java.util.zip.GZIPOutputStream(whole)) {
      Files.copy(stock, out);
    }
    Files.write(cut, Arrays.copyOf(whole.toByteArray(), whole.size() * 2 / 3));
    assertThatThrownBy(() -> importer.importFiles(cut, geo, LocalDate.of(2025, 12, 1), SireneImportService.KeepMode.PILOTES))
        .isInstanceOf(fr.quartiersproductifs.shared.QpException.class)
        .hasMessageContaining("archive StockEtablissement.csv.gz illisible (tronquée ou corrompue ?)");
    assertThat(versions.active("sirene")).map(v -> v.id()).contains(outcome.version().id());
    // What the active import shows is still all there.
    assertThat(diagnostics.diagnostic(diagnostics.qpv("QN01330M")).zones().get(0).etablissementsActifs()).isEqualTo(181);
    assertThat(new Http(port).get("/api/v1/qpv/QN01330M/etablissements?taille=1").body()).contains("\"total\":180");
  }
}
