package fr.quartiersproductifs.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import fr.quartiersproductifs.shared.QpException;
import fr.quartiersproductifs.shared.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The input and output sides of a CSV batch: detects the input dialect, reads records leniently,
 * computes the input's SHA-256 while streaming, and writes the output in the same dialect (same
 * delimiter, encoding, BOM and line separator) with extra columns appended.
 */
public final class CsvBatchIo implements AutoCloseable {
  private static final int SNIFF = 64 * 1024;

  private final MessageDigest digest = Sha256.newDigest();
  private final CsvDialect dialect;
  private final CsvRecordReader reader;
  private final List<String> header;
  private final CsvWriter writer;
  private final Writer outWriter;
  private final OutputStream output;
  private final List<String> appendedColumns;

  public CsvBatchIo(InputStream input, OutputStream output, List<String> appendedColumns) throws IOException {
    BufferedInputStream in = new BufferedInputStream(new DigestInputStream(input, digest), SNIFF * 2);
    in.mark(SNIFF + 1);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    if (head.length == 0) {
      throw QpException.invalid("Le fichier CSV est vide.");
    }
    this.dialect = CsvDialectDetector.detect(head, head.length);
    if (dialect.bom()) {
      in.skipNBytes(3);
    }
    java.io.Reader decoded =
        dialect.charset().equals(java.nio.charset.StandardCharsets.UTF_8)
            ? new Utf8OrWindows1252Reader(in)
            : new InputStreamReader(in, dialect.charset());
    this.reader = new CsvRecordReader(decoded, dialect.delimiter());
    CsvRecordReader.Record first = reader.next();
    if (first == null || first.blank()) {
      throw QpException.invalid("La première ligne du fichier CSV (en-tête) est vide.");
    }
    this.header = List.copyOf(first.fields());
    this.outWriter = new OutputStreamWriter(output, dialect.charset());
    this.writer =
        CsvWriter.builder()
            .fieldSeparator(dialect.delimiter())
            .lineDelimiter(dialect.lineSeparator().equals("\r\n") ? LineDelimiter.CRLF : LineDelimiter.LF)
            .bufferSize(64 * 1024)
            .build(outWriter);
    this.appendedColumns = List.copyOf(appendedColumns);
    this.output = output;
  }

  /**
   * Writes the output header (input header + appended columns). Called once the columns have
   * been checked, so that an error about them is raised before any output is written.
   */
  public void writeHeader() throws IOException {
    if (dialect.bom()) {
      output.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    List<String> outHeader = new ArrayList<>(header);
    outHeader.addAll(appendedColumns);
    writer.writeRecord(outHeader);
  }

  public CsvDialect dialect() {
    return dialect;
  }

  public List<String> header() {
    return header;
  }

  /**
   * Index of a column by name: exact match first, then ignoring case, accents and surrounding
   * spaces. Fails fast naming the column and the available ones.
   */
  public int column(String name, String option) {
    return column(header, name, option);
  }

  /** See {@link #column(String, String)}. */
  public static int column(List<String> header, String name, String option) {
    int exact = header.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    String wanted = normalise(name);
    for (int i = 0; i < header.size(); i++) {
      if (normalise(header.get(i)).equals(wanted)) {
        return i;
      }
    }
    throw QpException.invalid(
        "Colonne « " + name + " » (" + option + ") absente du fichier. Colonnes présentes : " + header);
  }

  private static String normalise(String s) {
    return java.text.Normalizer.normalize(s.trim(), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  /** The header of a file from its first bytes (for checks before any output is written). */
  public static List<String> header(byte[] head, CsvDialect dialect) throws IOException {
    int offset = dialect.bom() ? 3 : 0;
    String text = new String(head, offset, head.length - offset, dialect.charset());
    CsvRecordReader.Record first = new CsvRecordReader(new java.io.StringReader(text), dialect.delimiter()).next();
    if (first == null || first.blank()) {
      throw QpException.invalid("La première ligne du fichier CSV (en-tête) est vide.");
    }
    return first.fields();
  }

  /** The next input record, or null at the end. */
  public CsvRecordReader.Record next() throws IOException {
    return reader.next();
  }

  /**
   * Writes a record with the appended values. The record is laid out to the header's width: short
   * records are padded; surplus fields are kept, joined into the last column, so nothing is lost.
   */
  public void write(List<String> fields, List<String> appended) throws IOException {
    List<String> row = new ArrayList<>(header.size() + appended.size());
    int width = header.size();
    for (int i = 0; i < width; i++) {
      row.add(i < fields.size() ? fields.get(i) : "");
    }
    if (fields.size() > width && width > 0) {
      StringBuilder last = new StringBuilder(row.get(width - 1));
      for (int i = width; i < fields.size(); i++) {
        last.append(dialect.delimiter()).append(fields.get(i));
      }
      row.set(width - 1, last.toString());
    }
    row.addAll(appended);
    writer.writeRecord(row);
  }

  /** SHA-256 of every input byte, once the input has been read to its end. */
  public String inputSha256() throws IOException {
    return Sha256.hex(digest);
  }

  /**
   * Parses a coordinate as people write it: decimal point or decimal comma (as Excel writes in
   * a French locale), spaces (including non-breaking ones) ignored.
   *
   * @return the value, or NaN when the text is not a number
   */
  public static double parseNumber(String raw) {
    if (raw == null) {
      return Double.NaN;
    }
    if (plainDecimal(raw)) {
      return Double.parseDouble(raw); // fast path: "-12.345"
    }
    String s = raw.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
    if (s.isEmpty()) {
      return Double.NaN;
    }
    int comma = s.indexOf(',');
    if (comma >= 0) {
      if (s.indexOf('.') >= 0 || s.indexOf(',', comma + 1) >= 0) {
        return Double.NaN;
      }
      s = s.replace(',', '.');
    }
    char c0 = s.charAt(0);
    if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')) {
      return Double.NaN;
    }
    char last = s.charAt(s.length() - 1);
    if (!Character.isDigit(last) && last != '.') {
      return Double.NaN; // refuses "1e5f", "12d" and friends
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static boolean plainDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > 30) {
      return false;
    }
    int start = s.charAt(0) == '-' ? 1 : 0;
    boolean digits = false;
    boolean dot = false;
    for (int i = start; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  @Override
  public void close() throws IOException {
    writer.flush();
    outWriter.flush();
  }
}
