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
  /** INSEE's order of the first six columns: rows read by {@link #readKnownLayout()}. */
  private boolean inseeLayout;
  /** Rows read by the fast path: for tests. */
  long knownLayoutRows;
  private double xValue;
  private double yValue;
  private boolean hasPointValue;
  private int epsgValue;
  private int qualityValue;
  private boolean plgEmptyValue;
  private long plgKeyValue;

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
    inseeLayout = siretColumn() == 0 && x == 1 && y == 2 && qualite == 3 && epsg == 4 && plgQp24 == 5;
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
    hasPointValue = hasX;
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
    plgEmptyValue = plgQp24 < 0 || r.isBlank(plgQp24);
    plgKeyValue = plgQp24 < 0 ? 0 : r.packed(plgQp24);
    return null;
  }

  public boolean hasPoint() {
    return hasPointValue;
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
    r.locateAll();
    return plgQp24 < 0 ? null : r.fieldOrNull(plgQp24);
  }

  /** Whether {@code plg_qp24} is empty or absent. */
  public boolean plgQp24Empty() {
    return plgEmptyValue;
  }

  /** {@code plg_qp24} packed in a long (0 when empty/absent or longer than 8 bytes). */
  public long plgQp24Key() {
    return plgKeyValue;
  }

  // The fast path (ADR 0046): a row in INSEE's layout read in one pass over its bytes, its values
  // computed as the general path computes them. Anything else goes to the general path: a quote, a
  // space, an empty or signed-with-plus or exponent or comma number, more than 17 digits, an EPSG
  // code of 0 or of more than 9 digits, a plg_qp24 of more than 8 bytes, another field count, a
  // row near the end of the bytes at hand.

  /** Bytes a row needs at hand: its first six fields take at most 15 + 2 * 20 + 5 + 10 + 9. */
  private static final int KNOWN_ROW_BYTES = 96;
  /** Where the number read by {@link #number} ends (its delimiter), -1 when not read. */
  private int numberEnd;

  /** Every row through the general path: for tests that compare the two. */
  GeoReader generalPathOnly() {
    inseeLayout = false;
    return this;
  }

  @Override
  boolean readKnownLayout() {
    int p = inseeLayout ? r.peek(KNOWN_ROW_BYTES) : -1;
    if (p < 0) {
      return false;
    }
    byte[] d = r.buffer();
    long siret = DelimitedReader.digitWords(d, p, 14);
    if (siret < 0 || d[p + 14] != DELIMITER) {
      return false;
    }
    int q = p + 15;
    double xv;
    double yv;
    boolean point = d[q] != DELIMITER;
    if (point) {
      xv = number(d, q);
      if (numberEnd < 0) {
        return false;
      }
      yv = number(d, numberEnd + 1);
      if (numberEnd < 0) {
        return false;
      }
      q = numberEnd + 1;
    } else if (d[q + 1] == DELIMITER) {
      xv = Double.NaN;
      yv = Double.NaN;
      q += 2;
    } else {
      return false; // y without x: the general path reports it
    }
    long quality = digitsTo(d, q, 4);
    if (quality == -2) {
      return false;
    }
    q = numberEnd + 1;
    long code = digitsTo(d, q, 9);
    if (code <= 0) {
      return false; // an EPSG code empty or 0 (reported when there is a point): the general path
    }
    q = numberEnd + 1;
    long plg = 0;
    for (int n = 0; d[q] != DELIMITER; q++) {
      byte b = d[q];
      if (b == ' ' || b == '"' || b == '\n' || b == '\r' || b == 0 || ++n > 8) {
        return false;
      }
      plg = plg << 8 | (b & 0xFF);
    }
    // The other fields are counted, not read; the row ends at the first line feed.
    if (!r.consumeKnown(q + 1, 6, columnCount())) {
      return false;
    }
    knownLayoutRows++;
    knownSiret(siret);
    xValue = xv;
    yValue = yv;
    hasPointValue = point;
    qualityValue = (int) quality;
    epsgValue = (int) code;
    plgEmptyValue = plg == 0; // a blank or NUL byte goes to the general path: non-empty is non-zero
    plgKeyValue = plg;
    return true;
  }

  /**
   * A number {@code [-]digits[.digits]} from {@code at} up to a delimiter, as {@link
   * DelimitedReader#decimal} reads it; {@link #numberEnd} is the delimiter's offset, or -1 when the
   * text is anything else.
   */
  private double number(byte[] d, int at) {
    numberEnd = -1;
    int q = at;
    boolean negative = d[q] == '-';
    if (negative) {
      q++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    while (true) {
      byte b = d[q];
      int v = b - '0';
      if (v >= 0 && v <= 9) {
        if (++digits > 17) {
          return Double.NaN;
        }
        mantissa = mantissa * 10 + v;
        scale += dot ? 1 : 0;
      } else if (b == '.' && !dot) {
        dot = true;
      } else if (b == DELIMITER && digits > 0) {
        break;
      } else {
        return Double.NaN;
      }
      q++;
    }
    numberEnd = q;
    double v = mantissa / DelimitedReader.POW10[scale]; // the general path's division, same table
    return negative ? -v : v;
  }

  /**
   * Digits from {@code at} up to a delimiter, at most {@code max} of them: their value, -1 when
   * none; -2 for anything else. {@link #numberEnd} is the delimiter's offset.
   */
  private long digitsTo(byte[] d, int at, int max) {
    long value = 0;
    int q = at;
    for (; d[q] != DELIMITER; q++) {
      int v = d[q] - '0';
      if (v < 0 || v > 9 || q - at >= max) {
        return -2;
      }
      value = value * 10 + v;
    }
    numberEnd = q;
    return q == at ? -1 : value;
  }
}
