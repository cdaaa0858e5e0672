package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.QpException;
import java.util.ArrayList;
import java.util.List;

/** Small validation helpers for text fields. */
final class Texts {
  private Texts() {}

  static String required(String value, String what, int max) {
    String v = optional(value, what, max);
    if (v == null) {
      throw QpException.invalid(what + " obligatoire.");
    }
    return v;
  }

  static String optional(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw QpException.invalid(what + " trop long (" + max + " caractères au plus).");
    }
    if (v.contains("|") && max <= 300) {
      throw QpException.invalid(what + " ne peut pas contenir le caractère « | ».");
    }
    return v;
  }

  /** A list of short texts: blanks removed, duplicates removed, order kept. */
  static List<String> list(List<String> values, String what) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        String t = optional(v, what, 300);
        if (t != null && !out.contains(t)) {
          out.add(t);
        }
      }
    }
    return List.copyOf(out);
  }

  static String join(List<String> values) {
    return values.isEmpty() ? null : String.join("|", values);
  }

  static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
  }
}
