package fr.quartiersproductifs.geography.imports;

import fr.quartiersproductifs.geography.Generation;
import java.util.Locale;

/** The kinds of reference files the platform imports, with the names used on the command line. */
public enum ReferenceKind {
  REGIONS("regions", "régions du code officiel géographique (regions.json)"),
  DEPARTEMENTS("departements", "départements du code officiel géographique (departements.json)"),
  COMMUNES("communes", "communes et arrondissements municipaux (communes.json)"),
  EPCI("epci", "EPCI et leurs communes membres (epci.json)"),
  EPT("ept", "établissements publics territoriaux du Grand Paris (ept.json)"),
  DEPARTEMENT_OUTLINES(
      "departements-contours", "contours simplifiés des départements (GeoJSON)"),
  QPV("qpv", "contours des QPV (GeoJSON, format ANCT 2024 ou format 2015)"),
  QPV_INDICATORS("qpv-indicateurs", "indicateurs des QPV par commune (CSV)"),
  TERRITORIES("territoires", "territoires pilotes Quartiers productifs et leurs communes (CSV)"),
  POSTCODES("codes-postaux", "correspondance codes postaux ↔ communes (codes-postaux.json)");

  private final String cliName;
  private final String description;

  ReferenceKind(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  public String cliName() {
    return cliName;
  }

  public String description() {
    return description;
  }

  /** Dataset kind recorded in versions; QPV contours are versioned per generation. */
  public String datasetKind(Generation generation) {
    return this == QPV ? "qpv-" + generation.year() : cliName;
  }

  public static ReferenceKind fromCliName(String name) {
    for (ReferenceKind k : values()) {
      if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("Type de référentiel inconnu : " + name);
  }
}
