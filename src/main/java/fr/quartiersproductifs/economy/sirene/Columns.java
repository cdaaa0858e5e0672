package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.shared.QpException;
import java.util.HashMap;
import java.util.Map;

/** Column positions by header name; a required column that is missing fails fast, named. */
final class Columns {
  private final Map<String, Integer> index = new HashMap<>();
  private final String fileKind;
  final int count;

  Columns(String[] header, String fileKind) {
    this.fileKind = fileKind;
    this.count = header.length;
    for (int i = 0; i < header.length; i++) {
      index.putIfAbsent(header[i], i);
    }
  }

  int required(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw QpException.invalid(
          "Colonne « " + name + " » absente de l'en-tête du fichier " + fileKind
              + " : ce n'est pas le format officiel de l'INSEE.");
    }
    return i;
  }

  /** -1 when absent. */
  int optional(String name) {
    return index.getOrDefault(name, -1);
  }
}
