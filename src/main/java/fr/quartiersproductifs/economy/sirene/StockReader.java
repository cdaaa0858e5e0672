package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.dataset.ImportReport;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams INSEE's {@code StockEtablissement} file (comma, UTF-8, official header names). Rows that
 * cannot be used are reported to the {@link ImportReport} with their line number and reason and
 * skipped; the accessors describe the current good row.
 */
public final class StockReader extends SireneRowReader {
  public static final String FILE_KIND = "StockEtablissement";

  private final int diffusion;
  private final int dateCreation;
  private final int tranche;
  private final int rm;
  private final int commune;
  private final int dateDebut;
  private final int etat;
  private final int naf;
  private final int nomenclature;
  private final int employeur;
  private final int enseigne1;
  private final int denomination;
  private final int complement;
  private final int numero;
  private final int indice;
  private final int typeVoie;
  private final int libelleVoie;
  private final int codePostal;
  private final int libelleCommune;
  private final int[] addressColumns;
  private int creationYear;
  private int dateDebutYear;
  /** The repetition index (bis, ter) follows the number without a space. */
  private static final boolean[] ADDRESS_GLUED = {false, false, true, false, false, false, false};

  public static final char DELIMITER = ',';

  /** Reads a whole stream sequentially, header first. */
  public StockReader(InputStream in, ImportReport report) throws IOException {
    this(new DelimitedReader(in, DELIMITER), report);
  }

  private StockReader(DelimitedReader r, ImportReport report) throws IOException {
    this(columns(r.readHeader()), r, report);
  }

  /** The columns of a header, checked: a required column missing fails here, named. */
  static Columns columns(String[] header) {
    Columns c = new Columns(header, FILE_KIND);
    new StockReader(c, null, null);
    return c;
  }

  /** Reads records after the header (one chunk of a file read in parallel). */
  StockReader(Columns c, DelimitedReader r, ImportReport report) {
    super(c, r, report);
    diffusion = c.required("statutDiffusionEtablissement");
    dateCreation = c.required("dateCreationEtablissement");
    tranche = c.required("trancheEffectifsEtablissement");
    commune = c.required("codeCommuneEtablissement");
    dateDebut = c.required("dateDebut");
    etat = c.required("etatAdministratifEtablissement");
    naf = c.required("activitePrincipaleEtablissement");
    rm = c.optional("activitePrincipaleRegistreMetiersEtablissement");
    nomenclature = c.optional("nomenclatureActivitePrincipaleEtablissement");
    employeur = c.optional("caractereEmployeurEtablissement");
    enseigne1 = c.optional("enseigne1Etablissement");
    denomination = c.optional("denominationUsuelleEtablissement");
    complement = c.optional("complementAdresseEtablissement");
    numero = c.optional("numeroVoieEtablissement");
    indice = c.optional("indiceRepetitionEtablissement");
    typeVoie = c.optional("typeVoieEtablissement");
    libelleVoie = c.optional("libelleVoieEtablissement");
    codePostal = c.optional("codePostalEtablissement");
    libelleCommune = c.optional("libelleCommuneEtablissement");
    addressColumns = new int[] {complement, numero, indice, typeVoie, libelleVoie, codePostal, libelleCommune};
  }

  @Override
  String rowProblem() {
    byte e = r.firstByte(etat);
    if ((e != 'A' && e != 'F') || r.length(etat) != 1) {
      return "état administratif invalide (A ou F attendu)";
    }
    creationYear = r.year(dateCreation);
    if (creationYear < 0) {
      return "date de création invalide (AAAA-MM-JJ attendu)";
    }
    dateDebutYear = r.year(dateDebut);
    if (dateDebutYear < 0) {
      return "date de début invalide (AAAA-MM-JJ attendu)";
    }
    int cl = r.length(commune);
    if (cl != 0 && cl != 5) {
      return "code commune invalide";
    }
    return null;
  }

  /** {@code O} (diffusible) or {@code P} (partial diffusion); anything else is kept as read. */
  public byte diffusion() {
    return r.firstByte(diffusion);
  }

  public boolean active() {
    return r.firstByte(etat) == 'A';
  }

  /** Year of creation, 0 when empty (read with the row's checks: valid once {@link #next} returned true). */
  public int creationYear() {
    return creationYear;
  }

  /** Year the current period starts (for a closed establishment, its closure); 0 when empty; as above. */
  public int dateDebutYear() {
    return dateDebutYear;
  }

  /** The commune code packed in a long (0 when empty): a cheap key for interning. */
  public long communeKey() {
    return r.packed(commune);
  }

  /** The NAF code packed in a long (0 when empty or longer than 8 bytes). */
  public long nafKey() {
    return r.packed(naf);
  }

  public String communeCode() {
    return r.fieldOrNull(commune);
  }

  /** NAF code, e.g. {@code 56.30Z}, or null. */
  public String naf() {
    return r.fieldOrNull(naf);
  }

  /** True when the NAF code is of the NAF rév. 2 (or the nomenclature column is absent/empty). */
  public boolean nafRev2() {
    return nomenclature < 0 || r.isEmpty(nomenclature) || r.packed(nomenclature) == NAF_REV2;
  }

  /** {@code NAFRev2} as {@link DelimitedReader#packed} packs it (seven bytes: exact equality). */
  private static final long NAF_REV2 = 0x4E_41_46_52_65_76_32L;

  /** Whether the craft-register activity is given (without decoding it). */
  public boolean hasCraftRegisterCode() {
    return rm >= 0 && !r.isBlank(rm);
  }

  /**
   * The commune code as a dense number, for array lookups: département (00 to 99, 2A = 100, 2B =
   * 101) times 1000 plus the last three digits; -1 for an empty or other code.
   */
  public int communeNumber() {
    if (r.length(commune) != 5) {
      return -1;
    }
    long p = r.packed(commune); // the five bytes, the first in bits 32 to 39
    int d0 = (int) (p >>> 32) - '0';
    int d1 = (int) (p >>> 24) & 0xFF;
    int dep;
    if (d0 < 0 || d0 > 9) {
      return -1;
    } else if (d1 >= '0' && d1 <= '9') {
      dep = d0 * 10 + d1 - '0';
    } else if (d0 == 2 && (d1 == 'A' || d1 == 'B')) {
      dep = d1 == 'A' ? 100 : 101;
    } else {
      return -1;
    }
    int n = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int d = ((int) (p >>> shift) & 0xFF) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      n = n * 10 + d;
    }
    return dep * 1000 + n;
  }

  /** Number of distinct values of {@link #communeNumber()}. */
  public static final int COMMUNE_NUMBERS = 102_000;

  public String craftRegisterCode() {
    return rm < 0 ? null : r.fieldOrNull(rm);
  }

  public boolean employer() {
    return employeur >= 0 && r.firstByte(employeur) == 'O';
  }

  public String trancheEffectifs() {
    return r.fieldOrNull(tranche);
  }

  /** Sign (enseigne), else usual name; null when none. */
  public String sign() {
    String s = enseigne1 < 0 ? null : r.fieldOrNull(enseigne1);
    return s != null ? s : denomination < 0 ? null : r.fieldOrNull(denomination);
  }

  /** Postal address on one line ({@code 55 RUE DE FORBIN 13002 MARSEILLE 2}), null when empty. */
  public String address() {
    return r.joined(addressColumns, ADDRESS_GLUED);
  }

  /** Creation date, or null when empty or not a date. */
  public java.time.LocalDate creationLocalDate() {
    return r.date(dateCreation);
  }

  /** Start of the current period (for a closed establishment, its closure), or null. */
  public java.time.LocalDate dateDebutLocalDate() {
    return r.date(dateDebut);
  }
}
