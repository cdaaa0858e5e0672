package fr.quartiersproductifs.economy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.economy.SireneImportService;
import org.junit.jupiter.api.Test;

/** The CLI says whether the stored list of issues is whole, from both files' issues together. */
class ImportSireneCommandTest {

  @Test
  void theStoredListIsCutWhenBothFilesTogetherHaveMoreThanItKeeps() {
    // 6,000 issues in each file: neither alone is over the 10,000 kept, both together are.
    assertThat(ImportReport.MAX_DETAILED_ISSUES).isEqualTo(10_000);
    assertThat(ImportSireneCommand.storedList(stored(6_000, 6_000).allIssuesDetailed(), 12))
        .isEqualTo("  … (les 10 000 premières lignes signalées des deux fichiers, stock d'abord"
            + " : GET /api/v1/jeux-de-donnees/12)");
    assertThat(ImportSireneCommand.storedList(stored(6_000, 4_000).allIssuesDetailed(), 12))
        .isEqualTo("  … (liste complète : GET /api/v1/jeux-de-donnees/12)");
  }

  /** The report a version keeps, from a stock and a geolocation file with so many warnings each. */
  private static ImportReport stored(int stockIssues, int geoIssues) {
    ImportReport stock = new ImportReport();
    ImportReport geo = new ImportReport();
    for (int i = 0; i < stockIssues; i++) {
      stock.warn(i + 2, null, "avertissement");
    }
    for (int i = 0; i < geoIssues; i++) {
      geo.warn(i + 2, null, "avertissement");
    }
    return SireneImportService.storedReport(stock, geo);
  }
}
