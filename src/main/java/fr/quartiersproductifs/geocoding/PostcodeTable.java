package fr.quartiersproductifs.geocoding;

import java.util.List;

/**
 * Postcodes of a commune, used where a BAN file leaves {@code code_postal} empty. Backed by the
 * official La Poste table; to be backed by {@code ReferenceGeography.postcodesOf} once the
 * geography snapshot is available everywhere.
 */
@FunctionalInterface
public interface PostcodeTable {
  /** Postcodes of the commune, sorted; empty when unknown. */
  List<String> postcodesOf(String communeCode);

  static PostcodeTable none() {
    return code -> List.of();
  }
}
