package fr.quartiersproductifs.geography.batch;

import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.geography.locator.QpvLocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a coordinate batch (CLI {@code qp localiser} and {@code POST /api/v1/qpv/localisation/csv})
 * against one locator for the whole file, so that every row is answered with the same data, and
 * keeps its receipt.
 */
@Service
public class LocationBatchService {
  private static final Logger LOG = LoggerFactory.getLogger(LocationBatchService.class);

  private final QpvLocationService locations;
  private final BatchReceipts receipts;

  public LocationBatchService(QpvLocationService locations, BatchReceipts receipts) {
    this.locations = locations;
    this.receipts = receipts;
  }

  /** A new receipt id, to announce before the output is streamed. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  public BatchReceipt run(
      String id, InputStream in, OutputStream out, String inputName, LocationBatch.Options options)
      throws IOException {
    Instant start = Instant.now();
    QpvLocator locator = locations.locator();
    LocalDate date = options.date() != null ? options.date() : LocalDate.now(QpvLocationService.PARIS);
    LocationBatch.Summary summary = LocationBatch.run(in, out, options, date, locator::locate);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (QpvStatus s : QpvStatus.values()) {
      counts.put(s.name(), summary.counts().get(s));
    }
    List<String> versions =
        locator.geography().versions().stream()
            .filter(v -> v.kind().startsWith("qpv-20") || v.kind().equals("departements-contours"))
            .map(v -> v.reference())
            .sorted()
            .toList();
    BatchReceipt receipt =
        new BatchReceipt(
            id,
            "localisation",
            start,
            Instant.now(),
            summary.inputSha256(),
            inputName,
            summary.rows(),
            date,
            counts,
            versions,
            summary.columns()
                + (options.dateColumn() != null ? ";colonne_date=" + options.dateColumn() : "")
                + ";" + summary.dialect());
    receipts.save(receipt);
    LOG.info("Batch {}: {} rows, {}", id, summary.rows(), counts);
    return receipt;
  }
}
