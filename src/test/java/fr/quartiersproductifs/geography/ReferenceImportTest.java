package fr.quartiersproductifs.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.geography.imports.ImportOutcome;
import fr.quartiersproductifs.geography.imports.ReferenceImporter;
import fr.quartiersproductifs.geography.imports.ReferenceKind;
import fr.quartiersproductifs.support.DatabaseTest;
import fr.quartiersproductifs.support.SharedData;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bundled reference data, imported on start into an empty database. */
@DatabaseTest
class ReferenceImportTest {
  @Autowired GeographyService geography;
  @Autowired DatasetVersions versions;
  @Autowired JdbcClient jdbc;

  @Test
  void every_qpv_2024_is_imported_with_its_validity() {
    ReferenceGeography g = geography.current();
    var version = versions.active("qpv-2024").orElseThrow();
    assertThat(versions.issues(version.id()))
        .filteredOn(i -> i.severity() == fr.quartiersproductifs.dataset.ImportIssue.Severity.REJETEE)
        .isEmpty();
    long n2024 = g.qpv().stream().filter(q -> q.generation() == Generation.G2024).count();
    assertThat(n2024).isEqualTo(1609);
    assertThat(versions.active("qpv-2024")).get().extracting(v -> v.rowsImported()).isEqualTo(1609);
    Qpv metro = g.qpv("QN00101M").orElseThrow();
    assertThat(metro.validFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(metro.validTo()).isNull();
    Qpv reunion = g.qpv("QN97401I").orElseThrow();
    assertThat(reunion.validFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    // Three contours of the simplified file collapsed to a point: kept, flagged, never dropped.
    assertThat(versions.issues(version.id()))
        .filteredOn(i -> i.reason().startsWith("contour dégénéré"))
        .extracting(fr.quartiersproductifs.dataset.ImportIssue::identifier)
        .containsExactly("QN09105I", "QN09113I", "QN09503I");
    assertThat(g.qpv("QN09105I").orElseThrow().geometry().getArea()).isZero();
  }

  @Test
  void qpv_2015_of_occitanie_are_imported_with_their_end_date() {
    ReferenceGeography g = geography.current();
    assertThat(g.qpv().stream().filter(q -> q.generation() == Generation.G2015)).hasSize(105);
    Qpv perpignan = g.qpv("QP066007").orElseThrow();
    assertThat(perpignan.validTo()).isEqualTo(LocalDate.of(2023, 12, 31));
    assertThat(perpignan.region()).isEqualTo("76");
  }

  @Test
  void a_multi_commune_qpv_lists_all_its_communes() {
    // QN05921M spans five communes in the indicators file, while its contour names only one.
    Qpv qpv = geography.current().qpv("QN05921M").orElseThrow();
    assertThat(qpv.communes()).hasSize(5);
    assertThat(qpv.population()).isPositive();
  }

  @Test
  void marseille_arrondissements_resolve_to_the_commune_holding_the_qpv() {
    ReferenceGeography g = geography.current();
    Commune arrondissement = g.commune("13203").orElseThrow();
    assertThat(arrondissement.arrondissement()).isTrue();
    assertThat(arrondissement.communeCode()).isEqualTo("13055");
    assertThat(g.qpvOfCommune("13203", LocalDate.of(2025, 6, 1)))
        .isNotEmpty()
        .allSatisfy(q -> assertThat(q.communes()).extracting(QpvRef.CommuneRef::code).contains("13055"));
    assertThat(g.territoryOfCommune("13203")).contains("AMP");
  }

  @Test
  void pilot_territories_and_their_communes() {
    ReferenceGeography g = geography.current();
    assertThat(g.territories()).hasSize(14);
    assertThat(g.territory("ORLY_CHOISY").orElseThrow().communes())
        .extracting(PilotTerritory.TerritoryCommune::code)
        .containsExactlyInAnyOrder("94054", "94022");
    assertThat(g.qpvOfTerritory("SAINT_LOUIS_974", LocalDate.of(2025, 6, 1))).hasSize(6);
  }

  @Test
  void a_broken_file_leaves_the_previous_version_in_force(@TempDir Path dir) throws IOException {
    var before = versions.active("qpv-2024").orElseThrow();
    int qpvBefore = geography.current().qpv().size();
    int versionsBefore = versions.all().size();
    long rowsBefore = jdbc.sql("select count(*) from qpv").query(Long.class).single();
    // A national file cut in the middle of a feature, after two valid features.
    Path truncated = dir.resolve("qp2024_contours_tronque.geojson");
    Files.writeString(
        truncated,
        "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"QN00101M\",\"lib_qp\":\"A\",\"insee_dep\":\"01\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.2,46.2],[5.21,46.2],[5.21,46.21],[5.2,46.2]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"QN00102M\",\"lib_qp\":\"B\",\"insee_dep\":\"01\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.3,46.2],[5.31,46.2],[5.31,46.21],[5.3,46.2]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"QN0010",
        StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> geography.importFile(ReferenceKind.QPV, truncated, ReferenceImporter.QpvOptions.DEFAULT))
        .isInstanceOf(QpException.class)
        .hasMessageContaining("illisible");
    assertThat(versions.active("qpv-2024")).contains(before);
    assertThat(geography.current().qpv()).hasSize(qpvBefore);
    // nothing of the failed import was written: no version, no row
    assertThat(versions.all()).hasSize(versionsBefore);
    assertThat(jdbc.sql("select count(*) from qpv").query(Long.class).single()).isEqualTo(rowsBefore);
  }

  @Test
  void rejected_rows_are_reported_with_their_line_and_reason(@TempDir Path dir) throws IOException {
    Path regions = dir.resolve("regions.json");
    Files.writeString(
        regions,
        "[{\"code\":\"76\",\"nom\":\"Occitanie\"},\n{\"code\":\"93\"},\n{\"code\":\"84\",\"nom\":\"Auvergne-Rhône-Alpes\"}]",
        StandardCharsets.UTF_8);
    try {
      ImportOutcome outcome =
          geography.importFile(ReferenceKind.REGIONS, regions, ReferenceImporter.QpvOptions.DEFAULT);
      assertThat(outcome.version().rowsRead()).isEqualTo(3);
      assertThat(outcome.version().rowsImported()).isEqualTo(2);
      assertThat(outcome.issues())
          .singleElement()
          .satisfies(i -> {
            assertThat(i.lineNumber()).isEqualTo(2);
            assertThat(i.reason()).contains("nom manquant");
          });
    } finally {
      geography.importFile(
          ReferenceKind.REGIONS, SharedData.file("reference/cog/regions.json"), ReferenceImporter.QpvOptions.DEFAULT);
    }
  }

  @Test
  void the_same_file_twice_changes_nothing() {
    long before = versions.all().size();
    ImportOutcome again =
        geography.importFile(
            ReferenceKind.QPV,
            SharedData.file("reference/qpv/qpv2024_contours_simplifies.geojson"),
            ReferenceImporter.QpvOptions.DEFAULT);
    assertThat(again.unchanged()).isTrue();
    assertThat(versions.all()).hasSize((int) before);
  }
}
