package fr.quartiersproductifs.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records leniently, so that every line a person sees in the file gives exactly one
 * record, whatever is wrong with it. A quoted field may span lines (RFC 4180); a line whose quotes
 * do not close within {@value #MAX_CONTINUATION_LINES} more lines is taken alone, split as well as
 * possible, and flagged as malformed. Empty lines are records with no fields.
 *
 * <p>Not thread-safe. Streams: memory is bounded by the longest record.
 */
public final class CsvRecordReader {
  static final int MAX_CONTINUATION_LINES = 20;

  private final Reader in;
  private final char delimiter;
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int limit;
  private long lineNumber;
  private final List<String> pending = new ArrayList<>();
  private boolean eof;

  /** A record: its first line number (1-based), fields, and whether the quotes were broken. */
  public record Record(long lineNumber, List<String> fields, boolean malformed, boolean blank) {}

  public CsvRecordReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The next record, or null at the end of the input. */
  public Record next() throws IOException {
    String line = nextLine();
    if (line == null) {
      return null;
    }
    long start = lineNumber;
    if (line.isEmpty()) {
      return new Record(start, List.of(), false, true);
    }
    if (balanced(line)) {
      return new Record(start, split(line), false, false);
    }
    // A quoted field may go on over the next lines.
    StringBuilder joined = new StringBuilder(line);
    List<String> extra = new ArrayList<>();
    while (extra.size() < MAX_CONTINUATION_LINES) {
      String more = nextLine();
      if (more == null) {
        break;
      }
      extra.add(more);
      joined.append('\n').append(more);
      if (balanced(joined)) {
        return new Record(start, split(joined), false, false);
      }
    }
    // Never closed: this line alone is a malformed record; the following lines are read again.
    for (int i = extra.size() - 1; i >= 0; i--) {
      pending.add(0, extra.get(i));
    }
    lineNumber -= extra.size();
    return new Record(start, splitLenient(line), true, false);
  }

  private String nextLine() throws IOException {
    if (!pending.isEmpty()) {
      lineNumber++;
      return pending.remove(0);
    }
    if (eof && pos >= limit) {
      return null;
    }
    StringBuilder sb = null;
    while (true) {
      if (pos >= limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          eof = true;
          if (sb == null) {
            return null;
          }
          lineNumber++;
          return stripCr(sb);
        }
      }
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      if (pos < limit) {
        String line;
        if (sb == null) {
          int end = pos > start && buffer[pos - 1] == '\r' ? pos - 1 : pos;
          line = new String(buffer, start, end - start);
        } else {
          sb.append(buffer, start, pos - start);
          line = stripCr(sb);
        }
        pos++;
        lineNumber++;
        return line;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(buffer, start, limit - start);
    }
  }

  private static String stripCr(StringBuilder sb) {
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }

  private static boolean balanced(CharSequence s) {
    int quotes = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        quotes++;
      }
    }
    return (quotes & 1) == 0;
  }

  /** RFC 4180 split of a record with balanced quotes. */
  List<String> split(CharSequence s) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  /** Split on every delimiter, quotes dropped: the best reading of a line with broken quotes. */
  List<String> splitLenient(String line) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == delimiter) {
        fields.add(line.substring(start, i).replace("\"", ""));
        start = i + 1;
      }
    }
    return fields;
  }
}
