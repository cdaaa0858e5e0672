package fr.quartiersproductifs.programme;

/** The four axes of the programme. */
public enum Axis {
  COMMERCE_ARTISANAT,
  ENTREPRENEURIAT,
  ACTIVITES_PRODUCTIVES,
  TRANSITION_NUMERIQUE;

  public static Axis parse(String value) {
    return Enums.parse(Axis.class, value, "Axe");
  }
}
