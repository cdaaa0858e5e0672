package fr.quartiersproductifs.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The consolidated picture of the programme: one view per territory and the national view.
 *
 * @param contientDonneesFictives true when demonstration (fictional) data is part of the figures
 * @param avertissement "[FICTIF] ..." when fictional data is included, null otherwise
 */
public record Consolidation(
    boolean contientDonneesFictives, String avertissement, List<View> territoires, View national) {

  public static final String FICTIF = "[FICTIF]";

  /** Figures of one territory, or national ({@code territoire} = "NATIONAL"). */
  public record View(
      String territoire,
      String libelle,
      List<BudgetCell> budget,
      Amounts totalBudget,
      List<ActionCount> actions,
      long nombreActions,
      List<IndicatorFigure> indicateurs) {}

  /** Budget for one funder and axis. */
  public record BudgetCell(Funder financeur, Axis axe, BigDecimal prevu, BigDecimal engage, BigDecimal verse) {}

  public record Amounts(BigDecimal prevu, BigDecimal engage, BigDecimal verse) {}

  public record ActionCount(ActionStatus statut, Axis axe, long nombre) {}

  /**
   * An indicator against its target. {@code valeur} is the value of {@code periode} (the latest
   * period entered when no period is asked for), aggregated for the national view.
   */
  public record IndicatorFigure(
      String code,
      String libelle,
      String unite,
      Aggregation agregation,
      String sens,
      boolean automatique,
      String periode,
      BigDecimal valeur,
      BigDecimal cible,
      LocalDate echeance,
      int territoiresRenseignes,
      String etat) {}
}
