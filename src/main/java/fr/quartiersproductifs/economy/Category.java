package fr.quartiersproductifs.economy;

/**
 * Main category of an establishment in the programme's sector typology (ADR 0030). Exactly one per
 * establishment; craft (artisanat) is a separate, overlapping flag.
 */
public enum Category {
  COMMERCE_PROXIMITE("commerce", "Commerce de proximité"),
  ACTIVITES_PRODUCTIVES("activites_productives", "Activités productives"),
  NUMERIQUE("numerique", "Numérique"),
  SERVICES("services", "Services"),
  AUTRES("autres", "Autres (administration, ménages, extra-territorial, activité non classée)");

  private final String key;
  private final String label;

  Category(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** Short key used in column names ({@code part_commerce}...) and API filters. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Category ofKey(String key) {
    for (Category c : values()) {
      if (c.key.equalsIgnoreCase(key) || c.name().equalsIgnoreCase(key)) {
        return c;
      }
    }
    return null;
  }
}
