package fr.quartiersproductifs.geography;

import java.util.regex.Pattern;

/**
 * The code of a QPV: {@code QN} codes for the 2024 generation (e.g. {@code QN01304M}, overseas
 * {@code QN97401I}), {@code QP} codes for the 2015 generation (e.g. {@code QP066007}).
 */
public record QpvCode(String value) {
  private static final Pattern PATTERN = Pattern.compile("Q[NP](\\d{3}|02[AB])[0-9A-Z]{2,4}");

  public QpvCode {
    if (value == null || !PATTERN.matcher(value).matches()) {
      throw new IllegalArgumentException("Code QPV invalide : " + value);
    }
  }

  public static QpvCode of(String value) {
    return new QpvCode(value == null ? null : value.trim().toUpperCase());
  }

  /** The generation the code format belongs to: QN = 2024, QP = 2015. */
  public Generation generation() {
    return value.startsWith("QN") ? Generation.G2024 : Generation.G2015;
  }

  /** Overseas QPV (départements 971 to 976). */
  public boolean overseas() {
    return value.startsWith("97", 2);
  }

  @Override
  public String toString() {
    return value;
  }
}
