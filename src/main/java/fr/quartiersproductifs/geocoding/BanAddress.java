package fr.quartiersproductifs.geocoding;

/**
 * One address point of a BAN {@code adresses-XX.csv} file.
 *
 * @param id BAN identifier ({@code 34172_2546_00118})
 * @param numero house number without repetition index ("118"); never blank
 * @param rep repetition index as written in the file ("bis", "b", ""), never null
 * @param nomVoie street (or locality) name
 * @param codePostal postcode, possibly empty in the file
 * @param codeInsee commune code (5 characters)
 * @param nomCommune commune name
 * @param ancienneCommune code of the former (merged) commune, "" when none
 * @param x Lambert-93 (or local projection) easting from the file
 * @param y northing from the file
 * @param lon WGS84 longitude
 * @param lat WGS84 latitude
 */
public record BanAddress(
    String id,
    String numero,
    String rep,
    String nomVoie,
    String codePostal,
    String codeInsee,
    String nomCommune,
    String ancienneCommune,
    double x,
    double y,
    double lon,
    double lat) {

  public BanAddress {
    if (numero == null || numero.isBlank()) {
      throw new IllegalArgumentException("numéro manquant");
    }
    if (nomVoie == null || nomVoie.isBlank()) {
      throw new IllegalArgumentException("nom de voie manquant");
    }
    if (codeInsee == null || !codeInsee.matches("[0-9][0-9AB][0-9]{3}")) {
      throw new IllegalArgumentException("code INSEE invalide");
    }
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("coordonnées hors limites");
    }
    rep = rep == null ? "" : rep;
    codePostal = codePostal == null ? "" : codePostal;
    ancienneCommune = ancienneCommune == null ? "" : ancienneCommune;
    id = id == null ? "" : id;
    nomCommune = nomCommune == null ? "" : nomCommune;
  }

  /** Département of a commune code: 3 characters overseas (97x), 2 otherwise. */
  public static String departementOf(String communeCode) {
    return communeCode.startsWith("97") ? communeCode.substring(0, 3) : communeCode.substring(0, 2);
  }
}
