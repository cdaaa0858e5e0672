package fr.quartiersproductifs.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Decodes UTF-8, and reads any byte that is not part of a valid UTF-8 sequence as windows-1252.
 * The dialect of a file is detected on its first 64 KB; a file that turns out to hold Excel
 * accents further down (a windows-1252 "è" on line 3,000 of an otherwise ASCII file, or a file
 * pasted together from two sources) is then read without losing a character, where a strict
 * UTF-8 decoder would replace each such byte by U+FFFD.
 *
 * <p>Not thread-safe.
 */
public final class Utf8OrWindows1252Reader extends Reader {
  private static final char[] HIGH = new char[128];

  static {
    for (int i = 0; i < 128; i++) {
      HIGH[i] = new String(new byte[] {(byte) (0x80 + i)}, CsvDialectDetector.WINDOWS_1252).charAt(0);
    }
  }

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private int pendingLowSurrogate = -1;
  private long fallbacks;

  public Utf8OrWindows1252Reader(InputStream in) {
    this.in = in;
  }

  /** Bytes read as windows-1252 because they were not valid UTF-8. */
  public long fallbacks() {
    return fallbacks;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = 0;
    while (n < len) {
      if (pendingLowSurrogate >= 0) {
        cbuf[off + n++] = (char) pendingLowSurrogate;
        pendingLowSurrogate = -1;
        continue;
      }
      if (limit - pos < 4 && !eof) {
        fill();
      }
      if (pos >= limit) {
        break;
      }
      int b = buf[pos] & 0xff;
      if (b < 0x80) {
        cbuf[off + n++] = (char) b;
        pos++;
        continue;
      }
      int cp = decode(b);
      if (cp < 0) {
        cbuf[off + n++] = HIGH[b - 0x80];
        pos++;
        fallbacks++;
      } else if (cp > 0xFFFF) {
        cbuf[off + n++] = Character.highSurrogate(cp);
        pendingLowSurrogate = Character.lowSurrogate(cp);
      } else {
        cbuf[off + n++] = (char) cp;
      }
    }
    return n == 0 && pos >= limit && eof ? -1 : n;
  }

  /** Decodes the sequence starting with lead byte {@code b} at {@code pos}; -1 if invalid. */
  private int decode(int b) {
    int need;
    int cp;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      cp = b & 0x07;
    } else {
      return -1;
    }
    if (pos + need > limit - 1) {
      return -1; // truncated at the end of the input (fill() keeps 4 bytes ahead otherwise)
    }
    for (int i = 1; i <= need; i++) {
      int c = buf[pos + i] & 0xff;
      if ((c & 0xC0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    int second = buf[pos + 1] & 0xff;
    if ((b == 0xE0 && second < 0xA0)
        || (b == 0xED && second > 0x9F)
        || (b == 0xF0 && second < 0x90)
        || (b == 0xF4 && second > 0x8F)) {
      return -1; // overlong, surrogate or beyond U+10FFFF
    }
    pos += need + 1;
    return cp;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    while (limit < buf.length) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
        return;
      }
      if (r == 0) {
        return;
      }
      limit += r;
      if (limit - pos >= 4) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
