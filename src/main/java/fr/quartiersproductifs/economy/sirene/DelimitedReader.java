package fr.quartiersproductifs.economy.sirene;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming, allocation-light reader of delimited text (RFC 4180 quoting, {@code ""} escapes,
 * quoted line breaks, LF or CRLF) working on UTF-8 bytes. Fields are only decoded to strings on
 * request, so the columns an import does not use cost nothing but a scan. A leading UTF-8 BOM is
 * skipped. Not thread-safe.
 *
 * <p>Each call to {@link #next()} loads one record; {@link #lineNumber()} is the physical line
 * where it starts (1 = the header line).
 */
public final class DelimitedReader implements Closeable {
  private static final int MAX_RECORD_BYTES = 1 << 20;

  private final InputStream in;
  private final byte delimiter;
  private final byte[] buf = new byte[1 << 17];
  private int pos;
  private int limit;
  private boolean eof;

  private byte[] record = new byte[4096];
  private int recordLength;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int fieldCount;
  private long line; // physical lines consumed so far
  private long recordLine;
  private boolean tooLong;
  private boolean badQuote;

  public DelimitedReader(InputStream in, char delimiter) {
    this.in = in;
    this.delimiter = (byte) delimiter;
  }

  /** Reads the next record; false at end of input. */
  public boolean next() throws IOException {
    recordLength = 0;
    fieldCount = 0;
    tooLong = false;
    badQuote = false;
    if (!fill()) {
      return false;
    }
    if (line == 0 && limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB
        && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
    recordLine = line + 1;
    int fieldStart = 0;
    boolean inQuotes = false;
    boolean quotedField = false;
    boolean atFieldStart = true;
    while (true) {
      if (pos >= limit && !fill()) {
        break; // last record without final newline
      }
      byte b = buf[pos++];
      if (inQuotes) {
        if (b == '"') {
          if (pos >= limit) {
            fill();
          }
          if (pos < limit && buf[pos] == '"') {
            pos++;
            append(b);
          } else {
            inQuotes = false;
          }
        } else {
          if (b == '\n') {
            line++;
          }
          append(b);
        }
        continue;
      }
      if (b == delimiter) {
        endField(fieldStart);
        fieldStart = recordLength;
        atFieldStart = true;
        quotedField = false;
        continue;
      }
      if (b == '\n') {
        line++;
        if (recordLength > fieldStart && record[recordLength - 1] == '\r' && !quotedField) {
          recordLength--;
        } else if (quotedField && recordLength > fieldStart && record[recordLength - 1] == '\r') {
          recordLength--;
        }
        endField(fieldStart);
        return true;
      }
      if (b == '"' && atFieldStart) {
        inQuotes = true;
        quotedField = true;
        atFieldStart = false;
        continue;
      }
      if (b == '"' || (quotedField && b != '\r')) {
        badQuote = true; // stray quote, or text after a closing quote: kept as is, flagged
      }
      atFieldStart = false;
      append(b);
    }
    if (inQuotes) {
      badQuote = true;
    }
    line++;
    endField(fieldStart);
    return true;
  }

  private void append(byte b) {
    if (recordLength == record.length) {
      if (record.length >= MAX_RECORD_BYTES) {
        tooLong = true;
        return;
      }
      record = Arrays.copyOf(record, record.length * 2);
    }
    record[recordLength++] = b;
  }

  private void endField(int start) {
    if (fieldCount == starts.length) {
      starts = Arrays.copyOf(starts, fieldCount * 2);
      ends = Arrays.copyOf(ends, fieldCount * 2);
    }
    starts[fieldCount] = start;
    ends[fieldCount] = recordLength;
    fieldCount++;
  }

  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    if (eof) {
      return false;
    }
    int n = in.readNBytes(buf, 0, buf.length);
    pos = 0;
    limit = Math.max(n, 0);
    if (n < buf.length) {
      eof = true;
    }
    return limit > 0;
  }

  /** Physical line (1-based) where the current record starts. */
  public long lineNumber() {
    return recordLine;
  }

  public int fieldCount() {
    return fieldCount;
  }

  /** The record exceeded 1 MiB, or had an unbalanced or stray quote. */
  public String malformation() {
    if (tooLong) {
      return "ligne de plus de 1 Mio";
    }
    if (badQuote) {
      return "guillemets mal formés";
    }
    return null;
  }

  /** The whole record is one empty field (blank line). */
  public boolean blank() {
    return fieldCount == 1 && ends[0] == starts[0];
  }

  public String field(int i) {
    if (i < 0 || i >= fieldCount) {
      return "";
    }
    return new String(record, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
  }

  /** The field trimmed, or null when empty. */
  public String fieldOrNull(int i) {
    if (i < 0 || i >= fieldCount) {
      return null;
    }
    int s = starts[i];
    int e = ends[i];
    while (s < e && record[s] == ' ') {
      s++;
    }
    while (e > s && record[e - 1] == ' ') {
      e--;
    }
    return s == e ? null : new String(record, s, e - s, StandardCharsets.UTF_8);
  }

  public int length(int i) {
    return i < 0 || i >= fieldCount ? 0 : ends[i] - starts[i];
  }

  public boolean isEmpty(int i) {
    return length(i) == 0;
  }

  /** First byte of the field, or 0 when empty. */
  public byte firstByte(int i) {
    return length(i) == 0 ? 0 : record[starts[i]];
  }

  /** The field as a non-negative integer made of digits only, or -1. */
  public long digits(int i) {
    int len = length(i);
    if (len == 0 || len > 18) {
      return -1;
    }
    long v = 0;
    for (int k = starts[i], e = ends[i]; k < e; k++) {
      int d = record[k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Number of digits of a {@link #digits} field. */
  public int digitCount(int i) {
    return length(i);
  }

  /**
   * Year of an ISO date {@code yyyy-MM-dd} (or {@code yyyy-MM}, {@code yyyy}), 0 when empty, -1 when
   * not a date.
   */
  public int year(int i) {
    int len = length(i);
    if (len == 0) {
      return 0;
    }
    if (len != 10 && len != 7 && len != 4) {
      return -1;
    }
    int s = starts[i];
    int y = 0;
    for (int k = 0; k < 4; k++) {
      int d = record[s + k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      y = y * 10 + d;
    }
    if (len == 10) {
      if (record[s + 4] != '-' || record[s + 7] != '-') {
        return -1;
      }
      int m = (record[s + 5] - '0') * 10 + (record[s + 6] - '0');
      int d = (record[s + 8] - '0') * 10 + (record[s + 9] - '0');
      if (m < 1 || m > 12 || d < 1 || d > 31) {
        return -1;
      }
    }
    return y;
  }

  /**
   * A decimal number ({@code 892251.5}, {@code -12}, exponent allowed, comma accepted as decimal
   * separator), or NaN when empty or unreadable.
   */
  public double decimal(int i) {
    int len = length(i);
    if (len == 0) {
      return Double.NaN;
    }
    int s = starts[i];
    int e = ends[i];
    boolean neg = false;
    if (record[s] == '-' || record[s] == '+') {
      neg = record[s] == '-';
      s++;
    }
    long mant = 0;
    int digitsSeen = 0;
    int scale = 0;
    boolean dot = false;
    int k = s;
    for (; k < e; k++) {
      byte b = record[k];
      if (b >= '0' && b <= '9') {
        if (digitsSeen < 18) {
          mant = mant * 10 + (b - '0');
          digitsSeen++;
          if (dot) {
            scale++;
          }
        } else if (!dot) {
          scale--;
        }
      } else if ((b == '.' || b == ',') && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (k < e || digitsSeen == 0) {
      try {
        return Double.parseDouble(field(i).replace(',', '.').trim());
      } catch (NumberFormatException ex) {
        return Double.NaN;
      }
    }
    double v = scale >= 0 && scale < POW10.length ? mant / POW10[scale] : mant * Math.pow(10, -scale);
    return neg ? -v : v;
  }

  private static final double[] POW10 = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    1e18
  };

  /** True when the field equals the given ASCII text. */
  public boolean equalsAscii(int i, String text) {
    int len = length(i);
    if (len != text.length()) {
      return false;
    }
    int s = starts[i];
    for (int k = 0; k < len; k++) {
      if (record[s + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Packs an ASCII field of at most 8 bytes into a long (0 when empty or longer); for hashing. */
  public long packed(int i) {
    int len = length(i);
    if (len == 0 || len > 8) {
      return 0;
    }
    long v = 0;
    for (int k = starts[i], e = ends[i]; k < e; k++) {
      v = (v << 8) | (record[k] & 0xFF);
    }
    return v;
  }

  /** The header fields, read as the first record. */
  public String[] readHeader() throws IOException {
    if (!next()) {
      return new String[0];
    }
    String[] h = new String[fieldCount];
    for (int k = 0; k < fieldCount; k++) {
      h[k] = field(k).trim();
    }
    return h;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
