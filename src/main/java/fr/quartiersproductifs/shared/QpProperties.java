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

  public Path dataDir() {
    return Path.of(dataDir);
  }

  public Path varDir() {
    return Path.of(varDir);
  }

  public boolean autoImport() {
    return autoImport;
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
