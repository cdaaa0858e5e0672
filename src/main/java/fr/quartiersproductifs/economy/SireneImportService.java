package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.economy.jdbc.EconomyStore;
import fr.quartiersproductifs.economy.sirene.GeoReader;
import fr.quartiersproductifs.economy.sirene.SireneFiles;
import fr.quartiersproductifs.economy.sirene.SirenePipeline;
import fr.quartiersproductifs.economy.sirene.StockReader;
import fr.quartiersproductifs.geography.Commune;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.shared.ContentFingerprint;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import fr.quartiersproductifs.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code qp import sirene}: imports INSEE's establishment stock and geolocation file as one dataset
 * version of kind {@code sirene}, in one transaction (the previous import stays active until the
 * commit). The same pair of files (same fingerprints, ADR 0038) with the same parameters changes
 * nothing.
 */
@Service
public class SireneImportService {
  public static final String KIND = "sirene";
  private static final Logger log = LoggerFactory.getLogger(SireneImportService.class);

  /** Which establishments are kept individually. */
  public enum KeepMode {
    PILOTES, TOUS, AUCUN;

    public static KeepMode parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw QpException.invalid("Valeur inconnue « " + s + " » : pilotes, tous ou aucun attendu.");
      }
    }
  }

  /**
   * Outcome of an import.
   *
   * @param storedReport the report the dataset version keeps: both files' issues, cut at {@link
   *     ImportReport#MAX_DETAILED_ISSUES} together ({@link #storedReport})
   */
  public record Outcome(
      DatasetVersion version, boolean unchanged, SirenePipeline.Result result, ImportReport stockReport,
      ImportReport geoReport, ImportReport storedReport, double seconds) {}

  private final DatasetVersions versions;
  private final EconomyStore store;
  private final TransactionTemplate tx;
  private final EconomyGeography geography;
  private final PointLocator locator;

  public SireneImportService(DatasetVersions versions, EconomyStore store, TransactionTemplate tx,
      EconomyGeography geography, PointLocator locator) {
    this.versions = versions;
    this.store = store;
    this.tx = tx;
    this.geography = geography;
    this.locator = locator;
  }

  private static final class Unchanged extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final DatasetVersion active;

    Unchanged(DatasetVersion active) {
      super(null, null, false, false);
      this.active = active;
    }
  }

  public Outcome importFiles(Path stock, Path geo, LocalDate stockDate, KeepMode keep) {
    LocalDate date = stockDate != null ? stockDate : LocalDate.now();
    ReferenceGeography ref = geography.current();
    Predicate<String> keepCommune = keepPredicate(ref, keep);
    String parameters = "date_stock=" + date + ";etablissements=" + keep.name().toLowerCase(Locale.ROOT);
    long t0 = System.nanoTime();
    ContentFingerprint stockPrint = new ContentFingerprint();
    ContentFingerprint geoPrint = new ContentFingerprint();
    try (SireneImportProgress progress = new SireneImportProgress(geo, geoPrint, stock, stockPrint, PROGRESS_SECONDS)) {
      return tx.execute(status -> {
        long id = versions.create(KIND, stock.getFileName() + " + " + geo.getFileName(), "en-cours", parameters);
        EconomyStore.EstablishmentWriter writer = store.establishmentWriter(id);
        SirenePipeline.Result r;
        try (InputStream s = SireneFiles.open(stock, stockPrint); InputStream g = SireneFiles.open(geo, geoPrint)) {
          r = new SirenePipeline(locator, keepCommune, keepQpv(ref, keep), new SirenePipeline.Options(date, 15, 100_000))
              .run(s, g, SireneFiles.expectedRows(geo), writer::accept);
        } catch (IOException e) {
          writer.abort();
          throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
          writer.abort(); // the connection back from the rows' stream, for the rollback
          throw e;
        }
        progress.filesRead(); // from here on: the writes, then the commit
        long w0 = System.nanoTime();
        writer.flush();
        return complete(id, r, stockPrint, geoPrint, parameters, date, keep, t0, w0);
      });
    } catch (Unchanged u) {
      return new Outcome(u.active, true, null, null, null, null, (System.nanoTime() - t0) / 1e9);
    } catch (UncheckedIOException e) {
      throw new QpException(ErrorCode.INVALID_INPUT, "Lecture impossible : " + e.getCause().getMessage(), e);
    }
  }

  /** Seconds between two progress lines of an import (a national one takes minutes). */
  static final long PROGRESS_SECONDS = 10;

  /** After reading: identity, aggregates, snapshot, version; inside the import's transaction. */
  private Outcome complete(long id, SirenePipeline.Result r, ContentFingerprint stockPrint, ContentFingerprint geoPrint,
      String parameters, LocalDate date, KeepMode keep, long t0, long writesStarted) {
    // The inputs' identity (ADR 0038): the same files with the same parameters change nothing.
    String sha = Sha256.of((stockPrint.hex() + ":" + geoPrint.hex() + ":" + parameters)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Optional<DatasetVersion> active = versions.active(KIND);
    if (active.isPresent() && active.get().sha256().equals(sha)) {
      throw new Unchanged(active.get());
    }
    store.setSha256(id, sha);
    long a0 = System.nanoTime();
    store.writeAggregates(id, r.activity(), r.quality(), r.flows(), r.disagreements());
    long a1 = System.nanoTime();
    store.writeSnapshot(id, date, keep.name(), r.establishments(), r.activeEstablishments(), r.kept(),
        r.disagreementCount());
    ImportReport stored = storedReport(r.stockReport(), r.geoReport());
    versions.complete(id, KIND, stored);
    store.deleteDetailsExcept(id);
    double seconds = (System.nanoTime() - t0) / 1e9;
    log.info("SIRENE importé : {} établissements, {} actifs, {} conservés, {} désaccords INSEE, {} s (lecture : {} ; écriture"
            + " après lecture : {} s, dont agrégats {} s ; puis la validation de la transaction)",
        r.establishments(), r.activeEstablishments(), r.kept(), r.disagreementCount(), String.format(Locale.ROOT, "%.1f", seconds),
        r.timings(), String.format(Locale.ROOT, "%.2f", (System.nanoTime() - writesStarted) / 1e9),
        String.format(Locale.ROOT, "%.2f", (a1 - a0) / 1e9));
    return new Outcome(versions.find(id).orElseThrow(), false, r, r.stockReport(), r.geoReport(), stored, seconds);
  }

  /**
   * One report for the dataset version: rows of the stock; issues of both files (counted in full,
   * detailed up to {@link ImportReport#MAX_DETAILED_ISSUES}) with the file kind before the
   * identifier.
   */
  public static ImportReport storedReport(ImportReport stock, ImportReport geo) {
    ImportReport out = new ImportReport();
    out.addCounts(stock);
    out.addIssueCounts(geo);
    for (ImportIssue issue : stock.issues()) {
      add(out, issue, StockReader.FILE_KIND);
    }
    for (ImportIssue issue : geo.issues()) {
      add(out, issue, GeoReader.FILE_KIND);
    }
    return out;
  }

  private static void add(ImportReport out, ImportIssue issue, String file) {
    String id = file + (issue.identifier() == null ? "" : " " + issue.identifier());
    out.addIssue(new ImportIssue(issue.lineNumber(), issue.severity(), id, issue.reason()), 0);
  }

  /** For establishments without a commune code: kept when located in a QPV of a kept commune. */
  static Predicate<String> keepQpv(ReferenceGeography ref, KeepMode keep) {
    Predicate<String> communes = keepPredicate(ref, keep);
    return code -> ref.qpv(code).map(q -> q.communes().stream().anyMatch(c -> communes.test(c.code()))).orElse(false);
  }

  static Predicate<String> keepPredicate(ReferenceGeography ref, KeepMode keep) {
    return switch (keep) {
      case TOUS -> c -> true;
      case AUCUN -> c -> false;
      case PILOTES -> {
        Set<String> communes = new HashSet<>();
        ref.territories().forEach(t -> t.communes().forEach(c -> communes.add(c.code())));
        yield c -> communes.contains(ref.commune(c).map(Commune::communeCode).orElse(c));
      }
    };
  }
}
