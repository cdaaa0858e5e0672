package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.geocoding.ban.BanFiles;
import fr.quartiersproductifs.geocoding.index.AddressStore;
import fr.quartiersproductifs.geocoding.index.IndexBuilder;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the index of one BAN file aside (no database, no activation): the unit is the département
 * of the file's first valid row; rows of other départements are rejected. A file named like the
 * official per-département files ({@code adresses-34.csv.gz}) replaces its whole département; any
 * other file replaces only the communes it contains, the rest of the département being copied from
 * the active index.
 */
public final class AddressImporter {
  private static final Pattern DEPARTEMENT_FILE =
      Pattern.compile("adresses-(\\d{2,3}|2[AB])\\.csv(\\.gz)?", Pattern.CASE_INSENSITIVE);

  private final AddressStore store;
  private final PostcodeTable postcodes;

  public AddressImporter(AddressStore store, PostcodeTable postcodes) {
    this.store = store;
    this.postcodes = postcodes;
  }

  /** What a build produced, not active yet. */
  public record Built(
      String unit, String kind, Path directory, Set<String> communes, int housenumbers, int streets, boolean wholeDepartement) {}

  /** The département a file name designates, or null. */
  public static String departementOfFileName(String fileName) {
    Matcher m = DEPARTEMENT_FILE.matcher(fileName);
    return m.matches() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
  }

  /** Builds the new index of the file's département; the caller activates or deletes it. */
  public Built build(Path file, ImportReport report) throws IOException {
    String fileName = file.getFileName().toString();
    String namedDep = departementOfFileName(fileName);
    // the unit is only known from the first row: peek at it
    String[] unit = new String[1];
    try {
      BanFiles.read(
          file,
          new ImportReport(),
          (line, a) -> {
            unit[0] = BanAddress.departementOf(a.codeInsee());
            throw new StopReading();
          });
    } catch (StopReading expected) {
      // first valid row seen
    }
    if (unit[0] == null) {
      throw QpException.invalid("Aucune adresse valide dans " + fileName + ".");
    }
    String dep = namedDep != null ? namedDep : unit[0];
    boolean whole = namedDep != null;
    Path base = whole ? null : store.current(dep).orElse(null);
    Path dir = store.newBuildDirectory(dep);
    Set<String> communes = new TreeSet<>();
    try (IndexBuilder b = new IndexBuilder(dir, base, postcodes)) {
      BanFiles.read(
          file,
          report,
          (line, a) -> {
            if (!BanAddress.departementOf(a.codeInsee()).equals(dep)) {
              report.reject(line, a.id(), "commune " + a.codeInsee() + " hors du département " + dep + " du fichier");
              return;
            }
            b.add(a);
            report.imported();
          });
      b.finish(whole);
      communes.addAll(b.communes());
      String kind = "adresses-" + (whole || communes.size() != 1 ? dep : communes.iterator().next());
      return new Built(dep, kind, dir, communes, b.housenumbers(), b.streets(), whole);
    } catch (RuntimeException | IOException e) {
      AddressStore.deleteTree(dir);
      throw e;
    }
  }

  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }
}
