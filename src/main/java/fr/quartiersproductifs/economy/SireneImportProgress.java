package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.shared.ContentFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells, every few seconds, how far a SIRENE import has gone: the share of each file read (of the
 * archive for a {@code .zip} or {@code .gz}), then the writing. A national import takes one to five
 * minutes; without it, the command is silent all that time. The bytes read are those the files'
 * fingerprints have seen (ADR 0038): they are fed with every byte of the files as read.
 */
final class SireneImportProgress implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SireneImportService.class);

  private final ContentFingerprint geo;
  private final ContentFingerprint stock;
  private final long geoSize;
  private final long stockSize;
  private final long started = System.nanoTime();
  private volatile boolean filesRead;
  private final ScheduledExecutorService timer;

  /** Reports every {@code periodSeconds} (none when 0) until closed. */
  SireneImportProgress(Path geoFile, ContentFingerprint geo, Path stockFile, ContentFingerprint stock, long periodSeconds) {
    this.geo = geo;
    this.stock = stock;
    geoSize = size(geoFile);
    stockSize = size(stockFile);
    if (periodSeconds > 0) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sirene-progression");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(() -> log.info(line()), periodSeconds, periodSeconds, TimeUnit.SECONDS);
    } else {
      timer = null;
    }
  }

  /** The file's size; 0 when unknown (a missing file fails where it is opened, with its message). */
  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Both files are read: what remains is writing to the database. */
  void filesRead() {
    filesRead = true;
  }

  /** The progress line, e.g. {@code SIRENE : lecture, géolocalisation 100 %, stock 37 % (25 s)}. */
  String line() {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    if (filesRead) {
      return String.format(Locale.ROOT, "SIRENE : fichiers lus, écriture en base (%d s)", seconds);
    }
    return String.format(Locale.ROOT, "SIRENE : lecture, géolocalisation %d %%, stock %d %% (%d s)",
        percent(fraction(geo.length(), geoSize)), percent(fraction(stock.length(), stockSize)), seconds);
  }

  /** The share of {@code total} bytes that {@code read} is, from 0 to 1 (1 when the total is unknown). */
  static double fraction(long read, long total) {
    return total <= 0 ? 1 : Math.min(1, (double) read / total);
  }

  /** Whole percent, rounded (an archive's index, after its data, is never read: a few bytes short). */
  private static long percent(double fraction) {
    return Math.round(fraction * 100);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
