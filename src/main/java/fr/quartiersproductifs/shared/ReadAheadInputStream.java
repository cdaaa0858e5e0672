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
 * source's. A failure of the source is thrown to the reader, as is, once the bytes read before it
 * have been delivered, and again on every later read: it never turns into an end of file. At most
 * {@code blocks} blocks are read ahead (bounded memory).
 *
 * <p>One reader thread. {@link #close()} (from the reader's thread or another) stops the reading
 * thread, waits for it to end, even when the closing thread is interrupted, then closes the
 * source: whatever the reading thread wrote (to a digest wrapped around the source, say) is then
 * visible to the caller. A reader blocked when another thread closes the stream gets an {@link
 * IOException}.
 */
public final class ReadAheadInputStream extends InputStream {
  /** A filled block: {@code length} bytes; or the last one: the end (length -1) or a failure. */
  private record Block(byte[] bytes, int length, Throwable failure) {}

  private final InputStream source;
  private final BlockingQueue<byte[]> free;
  private final BlockingQueue<Block> filled;
  private final Thread thread;
  private Block current;
  private int position;
  private boolean ended;
  private Throwable failed;
  private volatile boolean closed;

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
    this.filled = new ArrayBlockingQueue<>(blocks + 1); // the data blocks, then the last one
    for (int i = 0; i < blocks; i++) {
      free.add(new byte[blockBytes]);
    }
    this.thread = new Thread(this::fill, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The reading thread: fills free blocks in order; whatever ends it (the source's end, its
   * failure, a close, an error of this thread) is told to the reader by one last block.
   */
  private void fill() {
    Block last = new Block(null, -1, new IOException("flux fermé"));
    try {
      last = readAll();
    } catch (InterruptedException e) {
      // closed: the last block says so
    } catch (Throwable e) {
      last = new Block(null, -1, e);
    } finally {
      filled.offer(last); // never refused: at most the data blocks are in the queue before it
    }
  }

  /** Fills blocks until the source ends or fails; returns the last block to hand over. */
  private Block readAll() throws InterruptedException {
    while (!closed) {
      byte[] b = free.take();
      int n = 0;
      Throwable failure = null;
      try {
        for (int r; n < b.length && (r = source.read(b, n, b.length - n)) >= 0; ) {
          n += r;
        }
      } catch (Throwable e) { // after the bytes read before it
        failure = e;
      }
      if (n > 0) {
        filled.put(new Block(b, n, null));
      }
      if (failure != null) {
        return new Block(null, -1, failure);
      }
      if (n < b.length) {
        return new Block(null, -1, null);
      }
    }
    throw new InterruptedException();
  }

  /** The block being read, the next one taken when it is used up; null at the end. */
  private Block block() throws IOException {
    if (closed) {
      throw new IOException("flux fermé");
    }
    if (failed != null) {
      rethrow(failed);
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
      failed = next.failure();
      rethrow(failed);
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
    Block b = current;
    return closed || b == null ? 0 : b.length() - position;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    thread.interrupt();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join(); // the source must not be closed under a read in progress
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      source.close();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
