package fr.quartiersproductifs.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform settings ({@code qp.*}). Paths are bound as text and resolved against the working
 * directory (Spring's own String→Path conversion treats relative paths as classpath resources).
 */
@ConfigurationProperties(prefix = "qp")
public class QpProperties {
  /** Directory of reference files imported on an empty database. */
  private String dataDir = "../shared/data";

  /** Run directory (embedded database, indexes, receipts). */
  private String varDir = "var";

  /** Whether reference files are imported when their kind has no version yet. */
  private boolean autoImport = true;

  /** Whether {@code qp serve} also imports the sample files (BAN, SIRENE) on an empty platform. */
  private boolean autoImportSamples = true;

  public Path dataDir() {
    return Path.of(dataDir);
  }

  public Path varDir() {
    return Path.of(varDir);
  }

  public boolean autoImport() {
    return autoImport;
  }

  /** True when {@code qp serve} should import the data directory's samples of a missing kind. */
  public boolean importsSamples() {
    return autoImport && autoImportSamples && java.nio.file.Files.isDirectory(dataDir());
  }

  /** Files of the data directory (4 levels deep) whose name matches, sorted. */
  public java.util.List<Path> dataFiles(String fileNameRegex) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dataDir(), 4)) {
      return walk.filter(java.nio.file.Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(fileNameRegex))
          .sorted()
          .toList();
    }
  }

  public boolean isAutoImportSamples() {
    return autoImportSamples;
  }

  public void setAutoImportSamples(boolean autoImportSamples) {
    this.autoImportSamples = autoImportSamples;
  }

  public String getDataDir() {
    return dataDir;
  }

  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  public String getVarDir() {
    return varDir;
  }

  public void setVarDir(String varDir) {
    this.varDir = varDir;
  }

  public boolean isAutoImport() {
    return autoImport;
  }

  public void setAutoImport(boolean autoImport) {
    this.autoImport = autoImport;
  }
}
