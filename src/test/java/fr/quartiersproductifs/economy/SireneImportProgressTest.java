package fr.quartiersproductifs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.quartiersproductifs.shared.ContentFingerprint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A long import says how far it has read each file, then that it writes. */
class SireneImportProgressTest {

  /** The bytes read are those the file's fingerprint has seen. */
  @Test
  void countsEveryByteReadOrSkipped() throws IOException {
    ContentFingerprint p = new ContentFingerprint();
    try (InputStream in = p.wrap(new ByteArrayInputStream(new byte[1000]))) {
      in.read();
      in.read(new byte[99], 0, 99);
      in.skip(400);
      assertThat(p.length()).isEqualTo(500);
      assertThat(SireneImportProgress.fraction(p.length(), 1000)).isEqualTo(0.5);
      in.readAllBytes();
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(p.length()).isEqualTo(1000);
    assertThat(SireneImportProgress.fraction(p.length(), 800)).isEqualTo(1.0);
    assertThat(SireneImportProgress.fraction(p.length(), 0)).isEqualTo(1.0);
  }

  @Test
  void theLineGivesTheShareOfEachFileThenTheWriting(@TempDir Path dir) throws IOException {
    Path geo = Files.write(dir.resolve("geo.csv"), new byte[400]);
    Path stock = Files.write(dir.resolve("stock.csv"), new byte[1000]);
    ContentFingerprint geoPrint = new ContentFingerprint();
    ContentFingerprint stockPrint = new ContentFingerprint();
    try (SireneImportProgress progress = new SireneImportProgress(geo, geoPrint, stock, stockPrint, 0)) {
      assertThat(progress.line()).matches("SIRENE : lecture, géolocalisation 0 %, stock 0 % \\(\\d+ s\\)");
      try (InputStream g = geoPrint.wrap(Files.newInputStream(geo));
          InputStream s = stockPrint.wrap(Files.newInputStream(stock))) {
        g.readAllBytes();
        s.readNBytes(371);
      }
      assertThat(progress.line()).matches("SIRENE : lecture, géolocalisation 100 %, stock 37 % \\(\\d+ s\\)");
      progress.filesRead();
      assertThat(progress.line()).matches("SIRENE : fichiers lus, écriture en base \\(\\d+ s\\)");
    }
  }

  @Test
  void reportsInTheLogEveryPeriodUntilClosed(@TempDir Path dir) throws Exception {
    Path geo = Files.write(dir.resolve("geo.csv"), new byte[10]);
    Path stock = Files.write(dir.resolve("stock.csv"), new byte[10]);
    Logger logger = (Logger) LoggerFactory.getLogger(SireneImportService.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try {
      try (SireneImportProgress progress = new SireneImportProgress(geo, new ContentFingerprint(), stock, new ContentFingerprint(), 1)) {
        long until = System.nanoTime() + 5_000_000_000L;
        while (events.list.stream().noneMatch(e -> e.getFormattedMessage().startsWith("SIRENE : lecture"))
            && System.nanoTime() < until) {
          Thread.sleep(50);
        }
      }
      assertThat(events.list).anyMatch(e -> e.getFormattedMessage().startsWith("SIRENE : lecture, géolocalisation 0 %"));
      int seen = events.list.size();
      Thread.sleep(1_300);
      assertThat(events.list).hasSize(seen); // closed: no more lines
    } finally {
      logger.detachAppender(events);
    }
  }
}
