package fr.quartiersproductifs.programme;

/** Funders of the programme's actions. */
public enum Funder {
  ETAT_ANCT,
  BANQUE_DES_TERRITOIRES,
  BPIFRANCE,
  ANRU,
  REGION,
  DEPARTEMENT,
  COLLECTIVITE,
  UNION_EUROPEENNE,
  AUTRE;

  public static Funder parse(String value) {
    return Enums.parse(Funder.class, value, "Financeur");
  }
}
