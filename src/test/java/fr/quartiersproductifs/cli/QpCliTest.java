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
  void an_unreachable_database_is_told_in_one_line_with_what_to_check() throws IOException {
    Path stock = dir.resolve("stock.csv");
    Path geo = dir.resolve("geo.csv");
    Files.writeString(stock, "siret\n");
    Files.writeString(geo, "siret\n");
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
      // Nothing listens on port 1: the connection is refused at once.
      exit = Qp.run("import", "sirene", "--stock", stock.toString(), "--geo", geo.toString(),
          "--base", "jdbc:postgresql://127.0.0.1:1/qp?connectTimeout=2&password=secret");
    } finally {
      System.setErr(before);
    }
    String said = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(2);
    assertThat(said).startsWith("Erreur : base de données inaccessible : ")
        .contains("SPRING_DATASOURCE_USERNAME")
        .doesNotContain("secret") // the URL is not repeated: it may hold a password
        .doesNotContain("\tat "); // no stack trace
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
