package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.shared.QpException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fast reader of delimited text (RFC 4180 quoting, {@code ""} escapes, quoted line breaks, LF or
 * CRLF) working on UTF-8 bytes in place: a field is a range of the buffer, decoded to a string only
 * on request, so the columns an import does not use cost one scan. A leading UTF-8 BOM is skipped.
 * Not thread-safe.
 *
 * <p>Two sources: a stream, read sequentially through a growing buffer; or one {@link Chunk} of a
 * file cut at line ends, so that several threads parse a file in parallel. A chunk does not know
 * whether the record that ends it continues in the next chunk (a quoted line break at the cut):
 * {@link #next()} then returns false and {@link #carry()} gives where that record starts, for the
 * caller to parse again with the next chunk appended ({@link ChunkedInput}).
 *
 * <p>Malformed quoting never swallows the rest of a file: a quoted field that is not closed within
 * {@value #MAX_QUOTED_LINES} line breaks (or at the end of the input) makes its record one bad
 * line, reported as such, and reading resumes on the next line.
 *
 * <p>Each call to {@link #next()} loads one record; {@link #lineNumber()} is the physical line
 * where it starts, counted from the source's first line ({@code firstLine}).
 */
public final class DelimitedReader implements Closeable {
  static final int MAX_QUOTED_LINES = 20;
  private static final int MAX_RECORD_BYTES = 1 << 20;
  private static final int MAX_BUFFER = 64 << 20;

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LINE_FEEDS = '\n' * ONES;
  private static final long QUOTES = '"' * ONES;

  private final InputStream in; // null for a chunk
  private final long delimiterWord;
  private final byte delimiter;
  private byte[] data;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;

  private byte[] rec; // data, or scratch when quotes had to be unescaped
  private byte[] scratch = new byte[256];
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int fieldCount;
  private long line; // physical lines consumed so far
  private long recordLine;
  private boolean tooLong;
  private boolean badQuote;
  private int carry = -1;
  private int lastLocated = Integer.MAX_VALUE;
  private int recordStart = -1;
  /** The current record was read by the caller ({@link #consumeKnown}): its fields are not located. */
  private boolean unlocated;
  private byte[] scratchJoin = new byte[256];

  /** Reads a stream sequentially (closing this reader closes the stream). */
  public DelimitedReader(InputStream in, char delimiter) {
    this.in = in;
    this.delimiter = (byte) delimiter;
    this.delimiterWord = (delimiter & 0xFF) * ONES;
    this.data = new byte[1 << 20];
  }

  /** Reads one chunk; line numbers start after {@code linesBefore}. */
  public DelimitedReader(Chunk chunk, char delimiter, long linesBefore) {
    this.in = null;
    this.delimiter = (byte) delimiter;
    this.delimiterWord = (delimiter & 0xFF) * ONES;
    this.data = chunk.data();
    this.pos = chunk.from();
    this.limit = chunk.to();
    this.eof = chunk.last();
    this.line = linesBefore;
    this.started = true; // ChunkedInput removes the BOM
  }

  /** A slice of a file that ends at a line end, or at the end of the file when {@code last}. */
  public record Chunk(byte[] data, int from, int to, boolean last) {}

  /**
   * Fields after {@code column} (from 0) are counted but not located: {@link #fieldCount()} stays
   * exact, and their accessors must not be called. Unquoted trailing columns then cost a bit count
   * per eight bytes. Returns this reader.
   */
  public DelimitedReader locateUpTo(int column) {
    lastLocated = column;
    return this;
  }

  /**
   * Locates every field of the current record, those after {@link #locateUpTo}'s column included,
   * by reading the record again: for the rare row that needs a trailing column. Line numbers and
   * the position of the next record do not change.
   */
  public void locateAll() {
    if (!unlocated && (lastLocated == Integer.MAX_VALUE || recordStart < 0 || fieldCount == 0)) {
      return; // every field is located already (or the record is a bad line without fields)
    }
    int next = pos;
    long lines = line;
    int column = lastLocated;
    lastLocated = Integer.MAX_VALUE;
    pos = recordStart;
    line = recordLine - 1;
    int r = parse(); // the same bytes as before: a whole record
    lastLocated = column;
    if (r != RECORD || pos != next || line != lines) {
      throw new IllegalStateException("record read again differently");
    }
  }

  /**
   * The bytes of the next record for a caller that reads a known layout itself: its offset in
   * {@link #buffer()}, or -1 when fewer than {@code bytes} bytes are at hand (or the input's first
   * bytes, which may hold a BOM, are not read yet). The caller reads its first fields within those
   * bytes, then either ends the record with {@link #consumeKnown} or leaves it to {@link #next()}.
   */
  int peek(int bytes) {
    return started && limit - pos >= bytes ? pos : -1;
  }

  byte[] buffer() {
    return data;
  }

  /**
   * Ends the record at {@link #peek}'s offset, whose first {@code fieldsRead} fields the caller has
   * read up to {@code from} (just past the delimiter that ends them): the rest of the line is
   * scanned eight bytes at a time, as {@link #parse} scans the fields it does not locate. When the
   * line ends within the bytes at hand, holds no quote, has {@code fields} fields in all and at
   * most {@value #MAX_RECORD_BYTES} bytes, it becomes the current record, with its line number and
   * field count, and this returns true; its fields are located only by {@link #locateAll()}, which
   * the caller calls before any accessor of a field. Otherwise nothing changes: the record is left
   * to {@link #next()}, which reads and flags it as usual.
   */
  boolean consumeKnown(int from, int fieldsRead, int fields) {
    int n = fieldsRead + 1; // the field that starts at from
    int at = from;
    while (true) {
      if (at + 8 > limit || at - pos > MAX_RECORD_BYTES) {
        return false;
      }
      long w = (long) LONGS.get(data, at);
      long lf = zeroBytes(w ^ LINE_FEEDS);
      long before = lf == 0 ? -1 : (lf & -lf) - 1;
      if ((zeroBytes(w ^ QUOTES) & before) != 0) {
        return false;
      }
      n += Long.bitCount(zeroBytes(w ^ delimiterWord) & before);
      if (lf != 0) {
        at += (Long.numberOfTrailingZeros(lf) >>> 3) + 1;
        break;
      }
      at += 8;
    }
    if (n != fields || at - pos > MAX_RECORD_BYTES) {
      return false;
    }
    fieldCount = n;
    recordStart = pos;
    recordLine = line + 1;
    line++;
    pos = at;
    badQuote = false;
    tooLong = false;
    rec = data;
    unlocated = true;
    return true;
  }

  /**
   * Reads the next record; false at the end of the input, or, for a chunk, when the record that
   * ends it may continue in the next chunk ({@link #carry()} is then its offset).
   */
  public boolean next() throws IOException {
    if (!started) {
      started = true;
      ensure(3);
      if (limit - pos >= 3 && data[pos] == (byte) 0xEF && data[pos + 1] == (byte) 0xBB
          && data[pos + 2] == (byte) 0xBF) {
        pos += 3;
      }
    }
    while (true) {
      if (pos >= limit) {
        if (!refill()) {
          return false;
        }
        continue;
      }
      int r = parse();
      if (r == RECORD) {
        return true;
      }
      // NEED_MORE: the record is incomplete at the end of the buffer.
      if (in == null) {
        carry = pos;
        return false;
      }
      refill();
    }
  }

  private static final int RECORD = 0;
  private static final int NEED_MORE = 1;

  /**
   * Parses the record at {@code pos}. On success moves {@code pos} past it. Returns NEED_MORE,
   * leaving {@code pos} unchanged, when the buffer ends inside the record and more input may come.
   */
  private int parse() {
    final byte[] d = data;
    final byte delim = delimiter;
    final int end = limit;
    final int start = pos;
    int p = start;
    int n = 0;
    int newlines = 0;
    boolean escaped = false;
    boolean bad = false;
    fields:
    while (true) {
      if (n + 1 >= starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
        ends = Arrays.copyOf(ends, ends.length * 2);
      }
      if (p < end && d[p] == '"') {
        int s = ++p;
        int e;
        while (true) {
          if (p >= end) {
            if (!eof) {
              return NEED_MORE;
            }
            return badLine(start);
          }
          byte b = d[p];
          if (b == '"') {
            if (p + 1 >= end && !eof) {
              return NEED_MORE; // "" split by the buffer end, or a closing quote: cannot tell yet
            }
            if (p + 1 < end && d[p + 1] == '"') {
              escaped = true;
              p += 2;
              continue;
            }
            e = p++;
            break;
          }
          if (b == '\n' && ++newlines > MAX_QUOTED_LINES) {
            return badLine(start);
          }
          p++;
        }
        starts[n] = s;
        ends[n] = e;
        n++;
        // After the closing quote: a delimiter, a line end, or the end of the input.
        while (p < end && d[p] != delim && d[p] != '\n') {
          if (d[p] != '\r') {
            bad = true; // text after a closing quote: kept out of the field, flagged
          }
          p++;
        }
        if (p >= end) {
          if (!eof) {
            return NEED_MORE;
          }
          break; // last record without a final line break
        }
        if (d[p] == delim) {
          p++;
          if (p >= end && eof) {
            starts[n] = p;
            ends[n] = p;
            n++;
            break;
          }
          continue;
        }
        p++; // '\n'
        break;
      }
      // Unquoted fields, up to the record's end or the next quoted field. The delimiters, line
      // feeds and quotes of eight bytes are found at once (one bit each). A word with delimiters
      // only, the common case, records its fields without reading a byte again; a quote that
      // opens a field is found by the same scan (at the field's first byte).
      int s = p;
      int base = p;
      while (base < end) {
        if (n + 9 >= starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
          ends = Arrays.copyOf(ends, ends.length * 2);
        }
        long w = word(d, base, end);
        long dm = zeroBytes(w ^ delimiterWord);
        long lf = zeroBytes(w ^ LINE_FEEDS);
        long other = lf | zeroBytes(w ^ QUOTES);
        if (n > lastLocated && other == lf) {
          // Past the last field the caller reads: count the fields, do not locate them.
          if (lf == 0) {
            if (dm != 0) {
              n += Long.bitCount(dm);
              s = base + ((63 - Long.numberOfLeadingZeros(dm)) >>> 3) + 1;
            }
            base += 8;
            continue;
          }
          n += Long.bitCount(dm & ((lf & -lf) - 1)) + 1;
          p = base + (Long.numberOfTrailingZeros(lf) >>> 3) + 1;
          break fields;
        }
        if (other == 0) {
          while (dm != 0) {
            int q = base + (Long.numberOfTrailingZeros(dm) >>> 3);
            dm &= dm - 1;
            starts[n] = s;
            ends[n] = q;
            n++;
            s = q + 1;
          }
          base += 8;
          continue;
        }
        long m = dm | other;
        while (m != 0) {
          int q = base + (Long.numberOfTrailingZeros(m) >>> 3);
          m &= m - 1;
          byte c = d[q];
          if (c == delim) {
            starts[n] = s;
            ends[n] = q;
            n++;
            s = q + 1;
          } else if (c == '\n') {
            starts[n] = s;
            ends[n] = q > s && d[q - 1] == '\r' ? q - 1 : q;
            n++;
            p = q + 1;
            break fields;
          } else if (q == s) {
            p = s; // a quoted field
            continue fields;
          } else {
            bad = true; // a quote inside an unquoted field: kept, flagged
          }
        }
        base += 8;
      }
      if (!eof) {
        return NEED_MORE;
      }
      // The last record, without a final line break (possibly an empty field after a delimiter).
      starts[n] = s;
      ends[n] = end > s && d[end - 1] == '\r' ? end - 1 : end;
      n++;
      p = end;
      break;
    }
    fieldCount = n;
    unlocated = false;
    recordStart = start;
    recordLine = line + 1;
    line += 1 + newlines;
    pos = p;
    badQuote = bad;
    tooLong = p - start > MAX_RECORD_BYTES;
    rec = d;
    if (escaped) {
      unescape();
    }
    return RECORD;
  }

  /**
   * Eight bytes from {@code at}, little-endian; past {@code end} (the last word of the buffer),
   * zero bytes, which are none of the bytes the scan looks for.
   */
  static long word(byte[] d, int at, int end) {
    if (at + 8 <= end) {
      return (long) LONGS.get(d, at);
    }
    long w = 0;
    for (int k = end - 1; k >= at; k--) {
      w = w << 8 | (d[k] & 0xFF);
    }
    return w;
  }

  /**
   * The high bit of each zero byte of {@code x}. Exact for every byte (no borrow from one byte to
   * the next), so every set bit is a real one: {@code zeroBytes(word ^ delimiterWord)} marks the
   * delimiters of a word, and so on.
   */
  static long zeroBytes(long x) {
    long y = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
    return ~(y | x | 0x7F7F7F7F7F7F7F7FL);
  }

  /** An unclosed quote: the record is its first line alone, flagged, without fields. */
  private int badLine(int start) {
    int p = start;
    while (p < limit && data[p] != '\n') {
      p++;
    }
    pos = Math.min(p + 1, limit);
    fieldCount = 0;
    unlocated = false;
    recordStart = start;
    recordLine = line + 1;
    line++;
    badQuote = true;
    tooLong = p - start > MAX_RECORD_BYTES;
    rec = data;
    return RECORD;
  }

  /**
   * Copies the located fields to the scratch buffer with {@code ""} turned into {@code "} (those
   * past {@link #locateUpTo}'s column hold no position of this record).
   */
  private void unescape() {
    int located = lastLocated >= fieldCount ? fieldCount : lastLocated + 1;
    int total = 0;
    for (int i = 0; i < located; i++) {
      total += ends[i] - starts[i];
    }
    if (scratch.length < total) {
      scratch = new byte[Math.max(total, scratch.length * 2)];
    }
    int o = 0;
    for (int i = 0; i < located; i++) {
      int s = starts[i];
      int e = ends[i];
      starts[i] = o;
      for (int k = s; k < e; k++) {
        byte b = data[k];
        scratch[o++] = b;
        if (b == '"' && k + 1 < e && data[k + 1] == '"') {
          k++;
        }
      }
      ends[i] = o;
    }
    rec = scratch;
  }

  /** Stream source: keeps the unread bytes, reads more. False when nothing more can come. */
  private boolean refill() throws IOException {
    if (in == null || eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(data, pos, data, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == data.length) {
      if (data.length >= MAX_BUFFER) {
        throw QpException.invalid("Ligne de plus de " + (MAX_BUFFER >> 20) + " Mio à la ligne " + (line + 1) + " : fichier illisible.");
      }
      data = Arrays.copyOf(data, data.length * 2);
    }
    int n = in.readNBytes(data, limit, data.length - limit);
    limit += n;
    if (limit < data.length) {
      eof = true;
    }
    return true;
  }

  private boolean ensure(int bytes) throws IOException {
    while (limit - pos < bytes) {
      if (!refill()) {
        return false;
      }
    }
    return true;
  }

  /** Offset in the buffer of the next record. */
  int position() {
    return pos;
  }

  /** For a chunk: offset of the record that may continue in the next chunk, or -1. */
  public int carry() {
    return carry;
  }

  /** Physical lines consumed so far (the last record's included). */
  public long linesRead() {
    return line;
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
    return new String(rec, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
  }

  /** The field's range without the spaces around it: start << 32 | end. */
  private long trimmed(int i) {
    int s = starts[i];
    int e = ends[i];
    while (s < e && rec[s] == ' ') {
      s++;
    }
    while (e > s && rec[e - 1] == ' ') {
      e--;
    }
    return (long) s << 32 | e;
  }

  /** The field trimmed, or null when empty. */
  public String fieldOrNull(int i) {
    if (i < 0 || i >= fieldCount) {
      return null;
    }
    long range = trimmed(i);
    int s = (int) (range >>> 32);
    int e = (int) range;
    return s == e ? null : new String(rec, s, e - s, StandardCharsets.UTF_8);
  }

  public int length(int i) {
    return i < 0 || i >= fieldCount ? 0 : ends[i] - starts[i];
  }

  public boolean isEmpty(int i) {
    return length(i) == 0;
  }

  /** The field is empty or spaces only. */
  public boolean isBlank(int i) {
    if (i < 0 || i >= fieldCount) {
      return true;
    }
    for (int k = starts[i], e = ends[i]; k < e; k++) {
      if (rec[k] != ' ') {
        return false;
      }
    }
    return true;
  }

  /** First byte of the field, or 0 when empty. */
  public byte firstByte(int i) {
    return length(i) == 0 ? 0 : rec[starts[i]];
  }

  /** The field as a non-negative integer made of digits only, or -1. */
  public long digits(int i) {
    int len = length(i);
    if (len == 0 || len > 18) {
      return -1;
    }
    int s = starts[i];
    if (len >= 8 && len <= 16) {
      return digitWords(rec, s, len);
    }
    long v = 0;
    for (int k = s, e = ends[i]; k < e; k++) {
      int d = rec[k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * The field as an ISO date ({@code AAAA-MM-JJ}, spaces around ignored), or null when it is not
   * one (empty, another shape, or no such day): what {@code LocalDate.parse} of the trimmed text
   * gives, without the text.
   */
  public java.time.LocalDate date(int i) {
    if (i < 0 || i >= fieldCount) {
      return null;
    }
    long range = trimmed(i);
    int s = (int) (range >>> 32);
    int e = (int) range;
    if (e - s != 10 || rec[s + 4] != '-' || rec[s + 7] != '-') {
      return null;
    }
    int y = 0;
    int m = 0;
    int d = 0;
    for (int k = 0; k < 10; k++) {
      if (k == 4 || k == 7) {
        continue;
      }
      int digit = rec[s + k] - '0';
      if (digit < 0 || digit > 9) {
        return null;
      }
      if (k < 4) {
        y = y * 10 + digit;
      } else if (k < 7) {
        m = m * 10 + digit;
      } else {
        d = d * 10 + digit;
      }
    }
    try {
      return java.time.LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException ex) {
      return null;
    }
  }

  /**
   * The non-empty fields among {@code columns} (trimmed; -1 or absent ones skipped) joined by a
   * space, none before a column flagged in {@code glued}; null when all are empty. One string
   * decoded for the whole, where joining decoded fields would decode each. The same text as
   * joining the decoded fields, except for invalid UTF-8 split across two glued fields (a lead
   * byte ending one, its continuation starting the next), which decodes as one character here.
   */
  public String joined(int[] columns, boolean[] glued) {
    int total = 0;
    for (int c : columns) {
      total += c < 0 || c >= fieldCount ? 0 : ends[c] - starts[c] + 1;
    }
    if (scratchJoin.length < total) {
      scratchJoin = new byte[Math.max(total, scratchJoin.length * 2)];
    }
    int o = 0;
    for (int k = 0; k < columns.length; k++) {
      int c = columns[k];
      if (c < 0 || c >= fieldCount) {
        continue;
      }
      long range = trimmed(c);
      int s = (int) (range >>> 32);
      int e = (int) range;
      if (s == e) {
        continue;
      }
      if (o > 0 && !glued[k]) {
        scratchJoin[o++] = ' ';
      }
      System.arraycopy(rec, s, scratchJoin, o, e - s);
      o += e - s;
    }
    return o == 0 ? null : new String(scratchJoin, 0, o, StandardCharsets.UTF_8);
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
      int d = rec[s + k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      y = y * 10 + d;
    }
    if (len == 10) {
      if (rec[s + 4] != '-' || rec[s + 7] != '-') {
        return -1;
      }
      int m = (rec[s + 5] - '0') * 10 + (rec[s + 6] - '0');
      int d = (rec[s + 8] - '0') * 10 + (rec[s + 9] - '0');
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
    if (rec[s] == '-' || rec[s] == '+') {
      neg = rec[s] == '-';
      s++;
    }
    long mant = 0;
    int digitsSeen = 0;
    int scale = 0;
    boolean dot = false;
    int k = s;
    for (; k < e; k++) {
      byte b = rec[k];
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

  /** Powers of ten for {@link #decimal}; the geolocation file's fast path divides by the same ones. */
  static final double[] POW10 = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    1e18
  };

  /** 10^0 to 10^8, exact, for {@link #digitWords}. */
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  /**
   * The value of the {@code len} bytes at {@code at} (8 to 16 of them, all within {@code d}) when
   * they are ASCII digits, else -1: two words, the first eight bytes and the last eight
   * (overlapping when fewer than 16), checked and converted without a loop. A SIRET (14 digits) on
   * every row of both files, through {@link #digits} and the geolocation file's fast path.
   */
  static long digitWords(byte[] d, int at, int len) {
    long head = (long) LONGS.get(d, at);
    long tail = (long) LONGS.get(d, at + len - 8);
    if (!allDigits(head) || !allDigits(tail)) {
      return -1;
    }
    long low = POWERS[len - 8];
    return eightDigits(head) * low + eightDigits(tail) % low;
  }

  /** Whether the eight bytes of a word are ASCII digits. */
  private static boolean allDigits(long w) {
    return (((w - 0x3030303030303030L) | (w + 0x4646464646464646L)) & 0x8080808080808080L) == 0;
  }

  /** The value of eight ASCII digits, the first in the word's low byte. */
  private static long eightDigits(long w) {
    long v = w & 0x0F0F0F0F0F0F0F0FL;
    v = (v * 2561) >>> 8;
    v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
    return ((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
  }

  /** Packs an ASCII field of at most 8 bytes into a long (0 when empty or longer); for hashing. */
  public long packed(int i) {
    int len = length(i);
    if (len == 0 || len > 8) {
      return 0;
    }
    int s = starts[i];
    if (s + 8 <= rec.length) {
      // One word: its bytes in reading order, the first the most significant, as below.
      return Long.reverseBytes((long) LONGS.get(rec, s)) >>> (64 - 8 * len);
    }
    long v = 0;
    for (int k = s, e = ends[i]; k < e; k++) {
      v = (v << 8) | (rec[k] & 0xFF);
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
    if (in != null) {
      in.close();
    }
  }
}
