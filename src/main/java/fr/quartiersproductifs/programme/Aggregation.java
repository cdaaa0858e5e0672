package fr.quartiersproductifs.programme;

/** How an indicator is aggregated across territories. */
public enum Aggregation {
  /** National value = sum of the territories' values. */
  SOMME,
  /** National value = mean of the territories' values weighted by their population. */
  MOYENNE_PONDEREE_POPULATION,
  /** National value = the most recent territory value (latest period, then latest entry). */
  DERNIERE_VALEUR;

  public static Aggregation parse(String value) {
    return Enums.parse(Aggregation.class, value, "Règle d'agrégation");
  }
}
