package fr.quartiersproductifs.economy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.dataset.ImportReport;
import org.junit.jupiter.api.Test;

/** The CLI says whether the stored list of issues is whole, from both files' issues together. */
class ImportSireneCommandTest {

  @Test
  void theStoredListIsCutWhenBothFilesTogetherHaveMoreThanItKeeps() {
    // 6,000 issues in each file: neither alone is over the 10,000 kept, both together are.
    assertThat(ImportReport.MAX_DETAILED_ISSUES).isEqualTo(10_000);
    assertThat(ImportSireneCommand.storedList(6_000 + 6_000, 12))
        .isEqualTo("  … (les 10 000 premières lignes signalées des deux fichiers, stock d'abord"
            + " : GET /api/v1/jeux-de-donnees/12)");
    assertThat(ImportSireneCommand.storedList(6_000 + 4_000, 12))
        .isEqualTo("  … (liste complète : GET /api/v1/jeux-de-donnees/12)");
  }
}
