package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.QpException;
import java.util.regex.Pattern;

/** Frequency of an indicator, which fixes the shape of its periods. */
public enum Frequency {
  ANNUELLE("[0-9]{4}", "AAAA"),
  TRIMESTRIELLE("[0-9]{4}-T[1-4]", "AAAA-Tn"),
  MENSUELLE("[0-9]{4}-(0[1-9]|1[0-2])", "AAAA-MM");

  private final Pattern pattern;
  private final String shape;

  Frequency(String regex, String shape) {
    this.pattern = Pattern.compile(regex);
    this.shape = shape;
  }

  public static Frequency parse(String value) {
    return Enums.parse(Frequency.class, value, "Fréquence");
  }

  public String checkPeriod(String period) {
    String p = period == null ? "" : period.trim().toUpperCase();
    if (!pattern.matcher(p).matches()) {
      throw QpException.invalid("Période invalide pour une fréquence " + this + " : " + period + " (attendu " + shape + ").");
    }
    return p;
  }
}
