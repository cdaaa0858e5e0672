package fr.quartiersproductifs.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform settings ({@code qp.*}).
 *
 * @param dataDir directory of reference files imported on an empty database
 * @param varDir run directory (embedded database, indexes, receipts)
 * @param autoImport whether reference files are imported when their kind has no version yet
 */
@ConfigurationProperties(prefix = "qp")
public record QpProperties(Path dataDir, Path varDir, boolean autoImport) {
  public QpProperties {
    if (dataDir == null) {
      dataDir = Path.of("../shared/data");
    }
    if (varDir == null) {
      varDir = Path.of("var");
    }
  }
}
