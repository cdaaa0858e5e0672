package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.shared.QpProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code qp serve} on a platform with no address imported yet: imports the BAN files
 * ({@code adresses-*.csv[.gz]}) found in the data directory, so that a newcomer's platform
 * geocodes the bundled sample at once. Never runs when any address version exists, nor for the
 * command line; {@code qp.auto-import-samples=false} turns it off.
 */
@Component
@ConditionalOnWebApplication
class SampleAddressesAutoImport implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SampleAddressesAutoImport.class);

  private final AddressImportService imports;
  private final DatasetVersions versions;
  private final QpProperties properties;

  SampleAddressesAutoImport(AddressImportService imports, DatasetVersions versions, QpProperties properties) {
    this.imports = imports;
    this.versions = versions;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!properties.importsSamples()
        || versions.allActive().stream().anyMatch(v -> v.kind().startsWith("adresses-"))) {
      return;
    }
    List<Path> files = properties.dataFiles("adresses-.+\\.csv(\\.gz)?");
    LOG.info("No address imported yet: importing {} BAN file(s) of the data directory", files.size());
    for (Path file : files) {
      imports.importFile(file); // logs its own summary
    }
  }
}
