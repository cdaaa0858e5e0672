package fr.quartiersproductifs.geography;

import java.util.regex.Pattern;

/**
 * An INSEE commune code (COG): five characters, digits, or {@code 2A}/{@code 2B} then three digits
 * for Corsica. Codes written without their leading zero (as in some CSV files: {@code 1053}) are
 * accepted by {@link #parseLenient(String)} and padded.
 */
public record CommuneCode(String value) {
  private static final Pattern PATTERN = Pattern.compile("(\\d{5}|2[AB]\\d{3})");

  public CommuneCode {
    if (value == null || !PATTERN.matcher(value).matches()) {
      throw new IllegalArgumentException("Code commune invalide : " + value);
    }
  }

  public static CommuneCode of(String value) {
    return new CommuneCode(value == null ? null : value.trim().toUpperCase());
  }

  /** Accepts codes that lost their leading zero ({@code 1053} → {@code 01053}). */
  public static CommuneCode parseLenient(String raw) {
    String v = raw == null ? "" : raw.trim().toUpperCase();
    if (v.endsWith(".0")) {
      v = v.substring(0, v.length() - 2);
    }
    if (v.length() == 4 && v.chars().allMatch(Character::isDigit)) {
      v = "0" + v;
    }
    return new CommuneCode(v);
  }

  /** True for the municipal arrondissements of Paris, Lyon and Marseille. */
  public boolean isMunicipalArrondissement() {
    return value.matches("751(0[1-9]|1\\d|20)|6938[1-9]|132(0[1-9]|1[0-6])");
  }

  /** The département code: 2 characters, or 3 for the overseas départements (97x). */
  public String departement() {
    return value.startsWith("97") ? value.substring(0, 3) : value.substring(0, 2);
  }

  @Override
  public String toString() {
    return value;
  }
}
