package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.dataset.ImportReport;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams INSEE's {@code GeolocalisationEtablissement} file (semicolon, UTF-8: {@code
 * siret;x;y;qualite_xy;epsg;plg_qp24;...;y_latitude;x_longitude}). Bad rows are reported with
 * their line number and skipped. A row without coordinates is a good row (its establishment is
 * simply not geolocated).
 */
public final class GeoReader extends SireneRowReader {
  public static final String FILE_KIND = "GeolocalisationEtablissement";

  private final int x;
  private final int y;
  private final int qualite;
  private final int epsg;
  private final int plgQp24;
  private final int latitude;
  private final int longitude;
  private double xValue;
  private double yValue;
  private int epsgValue;
  private int qualityValue;

  public static final char DELIMITER = ';';

  /** Reads a whole stream sequentially, header first. */
  public GeoReader(InputStream in, ImportReport report) throws IOException {
    this(new DelimitedReader(in, DELIMITER), report);
  }

  private GeoReader(DelimitedReader r, ImportReport report) throws IOException {
    this(columns(r.readHeader()), r, report);
  }

  /** The columns of a header, checked: a required column missing fails here, named. */
  static Columns columns(String[] header) {
    Columns c = new Columns(header, FILE_KIND);
    new GeoReader(c, null, null);
    return c;
  }

  /** Reads records after the header (one chunk of a file read in parallel). */
  GeoReader(Columns c, DelimitedReader r, ImportReport report) {
    super(c, r, report);
    x = c.required("x");
    y = c.required("y");
    qualite = c.required("qualite_xy");
    epsg = c.required("epsg");
    plgQp24 = c.optional("plg_qp24");
    latitude = c.optional("y_latitude");
    longitude = c.optional("x_longitude");
  }

  /**
   * The last column this reader reads on every row: the reader need not locate the fields after
   * it. The WGS84 columns, read on a few rows only, come after it ({@link #wgs84}).
   */
  int lastColumn() {
    return Math.max(Math.max(Math.max(x, y), Math.max(qualite, epsg)), Math.max(plgQp24, siretColumn()));
  }

  @Override
  String rowProblem() {
    boolean hasX = !r.isEmpty(x);
    boolean hasY = !r.isEmpty(y);
    if (hasX != hasY) {
      return "coordonnée x ou y manquante";
    }
    xValue = hasX ? r.decimal(x) : Double.NaN;
    yValue = hasY ? r.decimal(y) : Double.NaN;
    if (hasX && (Double.isNaN(xValue) || Double.isNaN(yValue))) {
      return "coordonnées x/y illisibles";
    }
    long e = r.digits(epsg);
    if (hasX && e <= 0) {
      return "code EPSG absent ou invalide";
    }
    epsgValue = (int) Math.min(e, Integer.MAX_VALUE);
    boolean noQuality = r.isEmpty(qualite);
    long q = noQuality ? -1 : r.digits(qualite);
    if (q < 0 && !noQuality) {
      return "qualite_xy invalide";
    }
    qualityValue = (int) Math.min(q, Integer.MAX_VALUE);
    return null;
  }

  public boolean hasPoint() {
    return !r.isEmpty(x);
  }

  public double x() {
    return xValue;
  }

  public double y() {
    return yValue;
  }

  /**
   * INSEE's own WGS84 coordinates of the row ({@code x_longitude}, {@code y_latitude}) into {@code
   * lonLat}; false when the file has no such columns or the row no readable pair (the locator
   * judges the values). Locates the trailing fields first (the reader stops at {@link
   * #lastColumn()}).
   */
  public boolean wgs84(double[] lonLat) {
    if (latitude < 0 || longitude < 0) {
      return false;
    }
    r.locateAll();
    double lon = r.decimal(longitude);
    double lat = r.decimal(latitude);
    if (Double.isNaN(lon) || Double.isNaN(lat)) {
      return false;
    }
    lonLat[0] = lon;
    lonLat[1] = lat;
    return true;
  }

  /** {@code qualite_xy} (11, 12, 21, 22, 33), or -1 when empty; read with the row's checks. */
  public int quality() {
    return qualityValue;
  }

  /**
   * The EPSG code of x/y, read with the row's checks (valid once {@link #next} returned true); -1
   * when the row has no point and no readable code; a code past {@code Integer.MAX_VALUE} reads as
   * that value (an unsupported code), not as its low 32 bits.
   */
  public int epsg() {
    return epsgValue;
  }

  /** INSEE's QPV 2024 answer: a QPV code, {@code HZ}, {@code CSZ}, or null when empty/absent. */
  public String plgQp24() {
    return plgQp24 < 0 ? null : r.fieldOrNull(plgQp24);
  }

  /** Whether {@code plg_qp24} is empty or absent. */
  public boolean plgQp24Empty() {
    return plgQp24 < 0 || r.isBlank(plgQp24);
  }

  /** {@code plg_qp24} packed in a long (0 when empty/absent or longer than 8 bytes). */
  public long plgQp24Key() {
    return plgQp24 < 0 ? 0 : r.packed(plgQp24);
  }
}
