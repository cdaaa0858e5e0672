package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.QpException;
import java.util.Arrays;
import java.util.Locale;

/** Parsing of the programme's enumerations with a French message naming the allowed values. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
    if (value == null || value.isBlank()) {
      throw QpException.invalid(what + " manquant (attendu : " + Arrays.toString(type.getEnumConstants()) + ").");
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw QpException.invalid(
          what + " inconnu : " + value + " (attendu : " + Arrays.toString(type.getEnumConstants()) + ").");
    }
  }
}
