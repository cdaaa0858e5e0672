package fr.quartiersproductifs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.support.SharedData;
import fr.quartiersproductifs.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code qp} command line, with real argv, as a user runs it. */
class QpCliTest {
  @TempDir Path dir;

  @Test
  void usage_errors_exit_with_2_before_starting_anything() {
    assertThat(Qp.run("localiser")).isEqualTo(2);
    assertThat(Qp.run("localiser", "--entree", dir.resolve("absent.csv").toString(), "--sortie", "x.csv", "--lon", "a", "--lat", "b"))
        .isEqualTo(2);
    assertThat(Qp.run("localiser", "--entree", "a.csv", "--sortie", "b.csv", "--x", "x")).isEqualTo(2);
    assertThat(Qp.run("commande-inconnue")).isEqualTo(2);
    assertThat(Qp.run("--help")).isZero();
  }

  @Test
  @Tag("db")
  void localiser_appends_the_qpv_columns_to_every_row() throws IOException {
    Path in = dir.resolve("points.csv");
    Files.writeString(in, "id;x;y\n1;892251.5;6247972.5\n2;;\n3;769588.62;6276876.75\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("sortie.csv");
    String[] db = TestDatabase.freshDatabase();
    int exit =
        Qp.run(
            "localiser", "--base", db[0], "--donnees", SharedData.dir().toString(),
            "--entree", in.toString(), "--sortie", out.toString(),
            "--x", "x", "--y", "y", "--epsg", "2154", "--date", "2025-06-01");
    assertThat(exit).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .isEqualTo("id;x;y;qpv_statut;qpv_code;qpv_nom;qpv_generation;qpv_distance_limite_m;qpv_territoire;qpv_message");
    // An establishment of Marseille 2e (13202) from the SIRENE geolocation sample: centre-ville QPV
    assertThat(lines.get(1)).startsWith("1;892251.5;6247972.5;DANS_QPV;QN01330M;");
    assertThat(lines.get(2)).startsWith("2;;;ERREUR;");
    assertThat(lines.get(3)).startsWith("3;769588.62;6276876.75;HORS_QPV;");
  }
}
