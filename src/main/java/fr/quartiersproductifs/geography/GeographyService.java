package fr.quartiersproductifs.geography;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.geography.imports.ImportOutcome;
import fr.quartiersproductifs.geography.imports.ReferenceFiles;
import fr.quartiersproductifs.geography.imports.ReferenceImporter;
import fr.quartiersproductifs.geography.imports.ReferenceKind;
import fr.quartiersproductifs.geography.jdbc.GeographyRepository;
import fr.quartiersproductifs.shared.QpProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Holds the current {@link ReferenceGeography} snapshot. On start, imports every reference file of
 * the data directory whose kind has no version yet (an empty database gets the bundled data), then
 * loads the snapshot. After an import, in this process or in another one sharing the database, the
 * snapshot is rebuilt and swapped atomically.
 */
@Service
public class GeographyService implements InitializingBean {
  private static final Logger LOG = LoggerFactory.getLogger(GeographyService.class);

  private final GeographyRepository repository;
  private final ReferenceImporter importer;
  private final DatasetVersions versions;
  private final QpProperties properties;
  private final AtomicReference<ReferenceGeography> current =
      new AtomicReference<>(ReferenceGeography.empty());

  public GeographyService(
      GeographyRepository repository,
      ReferenceImporter importer,
      DatasetVersions versions,
      QpProperties properties) {
    this.repository = repository;
    this.importer = importer;
    this.versions = versions;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    if (properties.autoImport()) {
      importMissing(properties.dataDir());
    }
    reload();
  }

  /** The current snapshot; never null (empty before any import). */
  public ReferenceGeography current() {
    return current.get();
  }

  /** Imports one file and makes the new snapshot current. */
  public ImportOutcome importFile(ReferenceKind kind, Path file, ReferenceImporter.QpvOptions options) {
    ImportOutcome outcome = importer.importFile(kind, file, options);
    if (!outcome.unchanged()) {
      reload();
    }
    return outcome;
  }

  /**
   * Imports the reference files found in a directory: only the kinds that have no active version
   * yet, or every file when {@code all} is set (a file identical to the active version, by
   * SHA-256, changes nothing). An administrator's later import is never overridden by the
   * automatic one.
   */
  public List<ImportOutcome> importDirectory(Path dataDir, boolean all) {
    List<ReferenceFiles.Found> found;
    try {
      found = ReferenceFiles.scan(dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("Lecture du dossier de données impossible : " + dataDir, e);
    }
    List<ImportOutcome> outcomes = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (ReferenceFiles.Found f : found) {
      String datasetKind = importer.datasetKindOf(f.kind(), f.file());
      if (!done.add(datasetKind)) {
        LOG.warn("Several files for {} in {}: only the first one is imported", datasetKind, dataDir);
        continue;
      }
      if (all || versions.active(datasetKind).isEmpty()) {
        ImportOutcome outcome = importer.importFile(f.kind(), f.file());
        outcomes.add(outcome);
        LOG.info(outcome.summary());
      }
    }
    if (outcomes.stream().anyMatch(o -> !o.unchanged())) {
      reload();
    }
    return outcomes;
  }

  private void importMissing(Path dataDir) {
    if (!Files.isDirectory(dataDir)) {
      LOG.warn(
          "Reference data directory {} not found: nothing imported automatically (set qp.data-dir"
              + " or QP_DATA_DIR, or use `qp import`).",
          dataDir.toAbsolutePath());
      return;
    }
    importDirectory(dataDir, false);
  }

  /** Rebuilds the snapshot from the active versions in the database. */
  public synchronized void reload() {
    current.set(repository.load());
  }

  /** Picks up imports made by another process on the same database (e.g. `qp import` next to `qp serve`). */
  @Scheduled(fixedDelayString = "${qp.reference-refresh-ms:30000}", initialDelayString = "${qp.reference-refresh-ms:30000}")
  public void refreshIfChanged() {
    List<Long> inDatabase = versions.allActive().stream().map(DatasetVersion::id).sorted().toList();
    List<Long> inMemory = current.get().versions().stream().map(DatasetVersion::id).sorted().toList();
    if (!inDatabase.equals(inMemory)) {
      LOG.info("Reference data changed in the database: reloading");
      reload();
    }
  }
}
