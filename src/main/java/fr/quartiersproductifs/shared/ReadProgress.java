package fr.quartiersproductifs.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How many bytes of an input have been read so far, for a progress report: counted by one thread
 * (the one that reads, or decompresses), read by any other.
 */
public final class ReadProgress {
  private volatile long bytes;

  /** Bytes read so far through {@link #wrap}. */
  public long bytes() {
    return bytes;
  }

  /** The share of {@code total} bytes read so far, from 0 to 1 (1 when {@code total} is not positive). */
  public double fraction(long total) {
    return total <= 0 ? 1 : Math.min(1, (double) bytes / total);
  }

  /** A stream that counts what is read through it, skipped bytes included. */
  public InputStream wrap(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytes++; // one writer: the thread that reads
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytes += n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
          bytes += skipped;
        }
        return skipped;
      }
    };
  }
}
