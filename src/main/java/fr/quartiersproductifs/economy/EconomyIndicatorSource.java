package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.economy.jdbc.EconomyQueries;
import fr.quartiersproductifs.programme.AutomaticIndicatorSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The programme's automatic indicators, computed from the SIRENE diagnostic of the territory's
 * communes and QPV:
 *
 * <ul>
 *   <li>{@code ETABLISSEMENTS_ACTIFS_QPV}: active establishments located in a QPV of the
 *       territory, from the import whose stock date falls in the period (year P, or January of
 *       P+1: a stock of 1 January describes the year before);
 *   <li>{@code CREATIONS_QPV}: establishments created in year P located in a QPV (from the active
 *       import, whose flows cover 15 years);
 *   <li>{@code RATIO_DENSITE_QPV}: density QPV / rest of the territory, same import as the first.
 * </ul>
 *
 * Empty when the code is not one of these, the period is not a year or no import covers it.
 */
@Component
public class EconomyIndicatorSource implements AutomaticIndicatorSource {
  private final DiagnosticService diagnostics;
  private final EconomyQueries queries;
  private volatile String lastSource = "SIRENE";

  public EconomyIndicatorSource(DiagnosticService diagnostics, EconomyQueries queries) {
    this.diagnostics = diagnostics;
    this.queries = queries;
  }

  @Override
  public Optional<BigDecimal> value(String indicatorCode, String territory, List<String> communes,
      List<String> qpv, String period) {
    int year;
    try {
      year = Integer.parseInt(period.trim());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Optional<DiagnosticService.Active> active;
    switch (indicatorCode) {
      case "ETABLISSEMENTS_ACTIFS_QPV", "RATIO_DENSITE_QPV" -> active = snapshotOfYear(year);
      case "CREATIONS_QPV" -> {
        active = snapshotOfYear(year).or(() -> latestCovering(year));
      }
      default -> {
        return Optional.empty();
      }
    }
    if (active.isEmpty()) {
      return Optional.empty();
    }
    DiagnosticService.Active a = active.get();
    lastSource = "SIRENE " + a.snapshot().stockDate();
    Diagnostic d = diagnostics.diagnostic(diagnostics.custom(territory, territory, communes, qpv), a);
    Diagnostic.Zone part = d.zones().stream()
        .filter(z -> z.type().equals(Diagnostic.QPV_PERIMETRE)).findFirst().orElseThrow();
    return switch (indicatorCode) {
      case "ETABLISSEMENTS_ACTIFS_QPV" -> Optional.of(BigDecimal.valueOf(part.etablissementsActifs()));
      case "CREATIONS_QPV" -> Optional.ofNullable(part.creations().get(year)).map(BigDecimal::valueOf);
      default -> Optional.ofNullable(part.ratioDensiteQpvReste())
          .map(r -> BigDecimal.valueOf(r).setScale(3, RoundingMode.HALF_UP));
    };
  }

  private Optional<DiagnosticService.Active> snapshotOfYear(int year) {
    LocalDate from = LocalDate.of(year, 1, 2);
    LocalDate to = LocalDate.of(year + 1, 1, 31);
    return queries.history().stream()
        .filter(s -> !s.stockDate().isBefore(from) && !s.stockDate().isAfter(to))
        .findFirst()
        .flatMap(s -> diagnostics.version(s.versionId()));
  }

  private Optional<DiagnosticService.Active> latestCovering(int year) {
    return queries.history().stream()
        .filter(s -> s.stockDate().getYear() >= year && s.stockDate().getYear() - year < 10)
        .findFirst()
        .flatMap(s -> diagnostics.version(s.versionId()));
  }

  @Override
  public String source() {
    return lastSource;
  }
}
