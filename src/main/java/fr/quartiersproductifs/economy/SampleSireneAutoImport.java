package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.shared.QpProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code qp serve} on a platform with no SIRENE import yet: imports the establishment files in
 * the official layouts found in the data directory ({@code StockEtablissement*.csv} and, beside
 * it, {@code GeolocalisationEtablissement*.csv}), so that the diagnostic shows figures at once.
 * Never runs when a SIRENE version exists, nor for the command line; {@code
 * qp.auto-import-samples=false} turns it off.
 */
@Component
@ConditionalOnWebApplication
@Order(20)
class SampleSireneAutoImport implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SampleSireneAutoImport.class);

  private final SireneImportService imports;
  private final DatasetVersions versions;
  private final QpProperties properties;

  SampleSireneAutoImport(SireneImportService imports, DatasetVersions versions, QpProperties properties) {
    this.imports = imports;
    this.versions = versions;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!properties.importsSamples() || versions.active(SireneImportService.KIND).isPresent()) {
      return;
    }
    Optional<Path> stock = properties.dataFiles("StockEtablissement.*\\.csv").stream().findFirst();
    if (stock.isEmpty()) {
      return;
    }
    Optional<Path> geo;
    try (Stream<Path> list = Files.list(stock.get().getParent())) {
      geo = list.filter(p -> p.getFileName().toString().matches("GeolocalisationEtablissement.*\\.csv")).sorted().findFirst();
    }
    if (geo.isEmpty()) {
      return;
    }
    var outcome =
        imports.importFiles(
            stock.get(), geo.get(), LocalDate.now(QpvLocationService.PARIS), SireneImportService.KeepMode.PILOTES);
    LOG.info(
        "SIRENE sample imported from the data directory: version {}, {} s",
        outcome.version().id(),
        String.format(java.util.Locale.ROOT, "%.1f", outcome.seconds()));
  }
}
