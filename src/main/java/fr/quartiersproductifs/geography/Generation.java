package fr.quartiersproductifs.geography;

import java.time.LocalDate;

/**
 * A generation of the QPV list and its default periods of validity.
 *
 * <ul>
 *   <li>2015 (décret 2014-1750): from 1 Jan 2015, until 31 Dec 2023 in metropolitan France and
 *       until 31 Dec 2024 overseas;
 *   <li>2024 (décret 2023-1314): from 1 Jan 2024 in metropolitan France, from 1 Jan 2025 overseas
 *       (codes {@code QN97...}).
 * </ul>
 */
public enum Generation {
  G2015(2015),
  G2024(2024);

  private final int year;

  Generation(int year) {
    this.year = year;
  }

  public int year() {
    return year;
  }

  public static Generation ofYear(int year) {
    for (Generation g : values()) {
      if (g.year == year) {
        return g;
      }
    }
    throw new IllegalArgumentException("Génération de QPV inconnue : " + year + " (2015 ou 2024)");
  }

  /** First day in force. */
  public LocalDate validFrom(boolean overseas) {
    return switch (this) {
      case G2015 -> LocalDate.of(2015, 1, 1);
      case G2024 -> overseas ? LocalDate.of(2025, 1, 1) : LocalDate.of(2024, 1, 1);
    };
  }

  /** Last day in force, or null when still in force. */
  public LocalDate validTo(boolean overseas) {
    return switch (this) {
      case G2015 -> overseas ? LocalDate.of(2024, 12, 31) : LocalDate.of(2023, 12, 31);
      case G2024 -> null;
    };
  }
}
