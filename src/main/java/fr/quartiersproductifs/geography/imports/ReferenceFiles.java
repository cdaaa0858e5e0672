package fr.quartiersproductifs.geography.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the reference files of a data directory and tells their kind, from their name and, where
 * names are ambiguous, their first line. The layout of {@code ../shared/data} and the official file
 * names (communes.json, epci.json, QP2024_*.geojson, ...) are both recognised.
 */
public final class ReferenceFiles {
  private ReferenceFiles() {}

  /** A file of the data directory and its kind. */
  public record Found(ReferenceKind kind, Path file) {}

  public static List<Found> scan(Path dataDir) throws IOException {
    List<Found> found = new ArrayList<>();
    if (!Files.isDirectory(dataDir)) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dataDir, 4)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      ReferenceKind kind = kindOf(file);
      if (kind != null) {
        found.add(new Found(kind, file));
      }
    }
    return found;
  }

  static ReferenceKind kindOf(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    switch (name) {
      case "regions.json":
        return ReferenceKind.REGIONS;
      case "departements.json":
        return ReferenceKind.DEPARTEMENTS;
      case "communes.json":
        return ReferenceKind.COMMUNES;
      case "epci.json":
        return ReferenceKind.EPCI;
      case "ept.json":
        return ReferenceKind.EPT;
      case "codes-postaux.json":
        return ReferenceKind.POSTCODES;
      default:
        break;
    }
    if (name.endsWith(".geojson")) {
      if (name.startsWith("departements_contours")) {
        return ReferenceKind.DEPARTEMENT_OUTLINES;
      }
      if (name.startsWith("qp") && (name.contains("contours") || name.startsWith("qp2024_france")
          || name.startsWith("qp2015"))) {
        return ReferenceKind.QPV;
      }
      return null;
    }
    if (name.endsWith(".csv")) {
      if (name.startsWith("territoires_quartiers_productifs")) {
        return ReferenceKind.TERRITORIES;
      }
      if (name.contains("qpv") && name.contains("indicateurs") && firstLine(file).contains("codeQPV")) {
        return ReferenceKind.QPV_INDICATORS;
      }
    }
    return null;
  }

  private static String firstLine(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      return line == null ? "" : line;
    } catch (java.nio.charset.MalformedInputException e) {
      return "";
    }
  }
}
