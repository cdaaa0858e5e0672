package fr.quartiersproductifs.geocoding.index;

import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The address index on disk, under {@code ${qp.var-dir}/adresses}: one Lucene directory per unit
 * (département), and {@code manifest.properties} naming the active directory of each unit. A new
 * unit index is built aside in a new directory, then the manifest is replaced by an atomic rename:
 * a crash before the rename leaves the previous index in use, and readers (also in other
 * processes) switch at their next search. Imports take a file lock, so they run one at a time.
 */
public final class AddressStore implements AutoCloseable {
  static final String MANIFEST = "manifest.properties";
  private static final long RECHECK_MILLIS = 2_000;

  private final Path root;
  private final Object lock = new Object();
  private AddressIndex current;
  private Map<String, String> currentManifest = Map.of();
  private FileTime currentStamp;
  private long checkedAt;

  public AddressStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The active directory of each unit (sorted by unit). */
  public Map<String, String> manifest() {
    Path m = root.resolve(MANIFEST);
    if (!Files.isRegularFile(m)) {
      return Map.of();
    }
    Properties p = new Properties();
    try (var in = Files.newInputStream(m)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put((String) k, (String) v));
    return out;
  }

  public Optional<Path> current(String unit) {
    String d = manifest().get(unit);
    return d == null ? Optional.empty() : Optional.of(root.resolve(d));
  }

  /** A new, empty directory to build the next index of a unit in. */
  public Path newBuildDirectory(String unit) throws IOException {
    Files.createDirectories(root);
    String name =
        unit
            + "-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    return Files.createDirectory(root.resolve(name));
  }

  /** Makes a built directory the active index of its unit (atomic manifest replacement). */
  public void activate(String unit, Path built) throws IOException {
    Map<String, String> m = new TreeMap<>(manifest());
    m.put(unit, built.getFileName().toString());
    Properties p = new Properties();
    p.putAll(m);
    Path tmp = root.resolve(MANIFEST + "." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      p.store(out, "Active address index directory of each departement (do not edit)");
      out.flush();
      ch.force(true);
    }
    try {
      Files.move(tmp, root.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, root.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the directories no manifest entry names (failed or superseded builds). */
  public void deleteUnused() throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    var used = manifest().values();
    List<Path> unused = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      s.filter(Files::isDirectory).filter(d -> !used.contains(d.getFileName().toString())).forEach(unused::add);
    }
    for (Path d : unused) {
      deleteTree(d);
    }
    try (Stream<Path> s = Files.list(root)) {
      for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Holds the import lock (across processes) until closed. */
  public AutoCloseable lockForImport() throws IOException {
    Files.createDirectories(root);
    FileChannel ch =
        FileChannel.open(root.resolve(".import.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l = ch.lock();
    return () -> {
      l.release();
      ch.close();
    };
  }

  /**
   * The current index, acquired (call {@link AddressIndex#release()}); reopened when the manifest
   * changed.
   *
   * @throws QpException MISSING_REFERENCE_DATA when no address was imported
   */
  public AddressIndex acquire() {
    synchronized (lock) {
      long now = System.currentTimeMillis();
      if (current == null || now - checkedAt > RECHECK_MILLIS) {
        checkedAt = now;
        refresh();
      }
      if (current == null || !current.acquire()) {
        throw new QpException(
            ErrorCode.MISSING_REFERENCE_DATA,
            "Aucune adresse importée : lancez « qp import adresses adresses-XX.csv.gz » (fichiers BAN).");
      }
      return current;
    }
  }

  /** Re-reads the manifest now (after an import in this process). */
  public void refreshNow() {
    synchronized (lock) {
      checkedAt = System.currentTimeMillis();
      refresh();
    }
  }

  private void refresh() {
    Path m = root.resolve(MANIFEST);
    try {
      FileTime stamp = Files.isRegularFile(m) ? Files.getLastModifiedTime(m) : null;
      if (current != null && java.util.Objects.equals(stamp, currentStamp)) {
        Map<String, String> again = manifest();
        if (again.equals(currentManifest)) {
          return;
        }
      }
      Map<String, String> manifest = manifest();
      if (current != null && manifest.equals(currentManifest)) {
        currentStamp = stamp;
        return;
      }
      AddressIndex old = current;
      current =
          manifest.isEmpty()
              ? null
              : AddressIndex.open(openUnits(manifest));
      currentManifest = manifest;
      currentStamp = stamp;
      if (old != null) {
        old.release(); // closes once the searches still running finish
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Path> openUnits(Map<String, String> manifest) {
    Map<String, Path> units = new java.util.LinkedHashMap<>();
    manifest.forEach((unit, dir) -> units.put(unit, root.resolve(dir)));
    return units;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (current != null) {
        current.release();
        current = null;
      }
    }
  }
}
