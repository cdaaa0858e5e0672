package fr.quartiersproductifs.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source on a thread of its own, a few blocks ahead of the reader: for a source that
 * costs CPU to read (decompressing a {@code .zip} or {@code .gz}), so that this work runs beside
 * the reader's instead of inside it (ADR 0043). The bytes and their order are exactly the
 * source's; an exception of the source is thrown to the reader, as is, once the bytes read before
 * it have been delivered. At most {@code blocks} blocks are read ahead (bounded memory).
 *
 * <p>One reader thread. {@link #close()} stops the reading thread, waits for it, then closes the
 * source: whatever the reading thread wrote (to a digest wrapped around the source, say) is then
 * visible to the caller.
 */
public final class ReadAheadInputStream extends InputStream {
  /** A filled block: {@code length} bytes, or the end of the source (length -1), or a failure. */
  private record Block(byte[] bytes, int length, Throwable failure) {}

  private final InputStream source;
  private final BlockingQueue<byte[]> free;
  private final BlockingQueue<Block> filled;
  private final Thread thread;
  private Block current;
  private int position;
  private boolean ended;
  private boolean closed;

  /**
   * Starts reading {@code source} at once, in blocks of {@code blockBytes}, on a daemon thread
   * named {@code threadName}.
   */
  public ReadAheadInputStream(InputStream source, int blockBytes, int blocks, String threadName) {
    if (blockBytes < 1 || blocks < 1) {
      throw new IllegalArgumentException("blockBytes and blocks must be positive");
    }
    this.source = Objects.requireNonNull(source);
    this.free = new ArrayBlockingQueue<>(blocks);
    this.filled = new ArrayBlockingQueue<>(blocks + 1); // + the end or the failure
    for (int i = 0; i < blocks; i++) {
      free.add(new byte[blockBytes]);
    }
    this.thread = new Thread(this::fill, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** The reading thread: fills free blocks in order until the end of the source or a failure. */
  private void fill() {
    try {
      while (true) {
        byte[] b = free.take();
        int n = 0;
        Throwable failure = null;
        try {
          for (int r; n < b.length && (r = source.read(b, n, b.length - n)) >= 0; ) {
            n += r;
          }
        } catch (Throwable e) { // after the bytes read before it, handed to the reader, who rethrows it
          failure = e;
        }
        if (n > 0) {
          filled.put(new Block(b, n, null));
        }
        if (failure != null || n < b.length) {
          filled.put(new Block(null, -1, failure));
          return;
        }
      }
    } catch (InterruptedException e) {
      // closed by the reader: nothing more to deliver
    }
  }

  /** The block being read, the next one taken when it is used up; null at the end. */
  private Block block() throws IOException {
    if (closed) {
      throw new IOException("flux fermé");
    }
    if (current != null && position < current.length()) {
      return current;
    }
    if (ended) {
      return null;
    }
    if (current != null) {
      free.add(current.bytes()); // never full: a block is either free, filled or current
      current = null;
    }
    Block next;
    try {
      next = filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("lecture interrompue");
    }
    if (next.failure() != null) {
      ended = true;
      rethrow(next.failure());
    }
    if (next.length() < 0) {
      ended = true;
      return null;
    }
    current = next;
    position = 0;
    return current;
  }

  private static void rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new IOException(failure);
  }

  @Override
  public int read() throws IOException {
    Block b = block();
    return b == null ? -1 : b.bytes()[position++] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, into.length);
    if (length == 0) {
      return 0;
    }
    Block b = block();
    if (b == null) {
      return -1;
    }
    int n = Math.min(length, b.length() - position);
    System.arraycopy(b.bytes(), position, into, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return closed || current == null ? 0 : current.length() - position;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      source.close();
    }
  }
}
