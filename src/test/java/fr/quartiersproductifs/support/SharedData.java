package fr.quartiersproductifs.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real open data of {@code ../shared/data}. Tests that need it fail loudly when it is missing:
 * they never skip silently.
 */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    String configured = System.getProperty("qp.test.data-dir", System.getenv("QP_DATA_DIR"));
    Path dir = Path.of(configured != null ? configured : "../shared/data").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir.resolve("reference"))) {
      throw new IllegalStateException(
          "Les données de référence sont introuvables dans "
              + dir
              + " : ces tests lisent les fichiers réels de ../shared/data (ou QP_DATA_DIR).");
    }
    return dir;
  }

  public static Path file(String relative) {
    Path file = dir().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Fichier de données manquant : " + file);
    }
    return file;
  }
}
