package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.geocoding.ban.BanFiles;
import fr.quartiersproductifs.geocoding.index.AddressIndex;
import fr.quartiersproductifs.geocoding.index.IndexBuilder;
import fr.quartiersproductifs.support.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Montpellier sample indexed in a temporary directory, for tests of the geocoder. */
final class MontpellierIndex {
  static final String FILE = "samples/adresses/adresses-montpellier-34172.csv";

  final Path dir;
  final AddressIndex index;
  final Geocoder geocoder;
  final ImportReport report = new ImportReport();

  private static MontpellierIndex shared;

  /** The index, built once per test JVM (deleted at exit). */
  static synchronized MontpellierIndex shared() {
    if (shared == null) {
      shared = new MontpellierIndex();
      MontpellierIndex m = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(m::close));
    }
    return shared;
  }

  MontpellierIndex() {
    try {
      dir = Files.createTempDirectory("qp-adresses-test-");
      Path data = SharedData.dir();
      try (IndexBuilder b =
          new IndexBuilder(dir, null, LaPostePostcodes.fromDataDir(data))) {
        BanFiles.read(SharedData.file(FILE), report, (line, a) -> b.add(a));
        b.finish(true);
      }
      index = AddressIndex.open(List.of(dir));
      geocoder =
          new Geocoder(
              () -> {
                index.acquire();
                return index;
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of the sample file. */
  static List<BanAddress> rows() {
    List<BanAddress> rows = new ArrayList<>();
    BanFiles.read(SharedData.file(FILE), new ImportReport(), (line, a) -> rows.add(a));
    return rows;
  }

  void close() {
    index.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
