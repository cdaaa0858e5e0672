package fr.quartiersproductifs.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stream read ahead on another thread gives the source's bytes, failures and end, in order. */
@Timeout(20) // a broken close or hand-over hangs rather than fails
class ReadAheadInputStreamTest {

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  /** Reads everything with reads of varying sizes (single bytes included). */
  private static byte[] readAll(InputStream in, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1000];
    while (true) {
      if (r.nextInt(5) == 0) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        out.write(b);
        continue;
      }
      int n = in.read(buffer, 3, 1 + r.nextInt(buffer.length - 3));
      if (n < 0) {
        break;
      }
      assertThat(n).isPositive();
      out.write(buffer, 3, n);
    }
    return out.toByteArray();
  }

  @Property(tries = 60)
  void givesTheSourceBytesInOrder(@ForAll @IntRange(max = 20_000) int size, @ForAll @IntRange(min = 1, max = 700) int block,
      @ForAll @IntRange(min = 1, max = 4) int blocks, @ForAll long seed) throws IOException {
    byte[] data = bytes(size, seed);
    try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), block, blocks, "test")) {
      assertThat(readAll(in, seed)).isEqualTo(data);
      assertThat(in.read()).isEqualTo(-1); // the end stays the end
      assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    }
  }

  @Test
  void sizesThatAreExactMultiplesOfTheBlockEndCleanly() throws IOException {
    for (int size : new int[] {0, 64, 128, 640}) {
      byte[] data = bytes(size, size);
      try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 64, 2, "test")) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    }
  }

  /** A source that gives {@code good} bytes, then fails as a corrupt archive does. */
  private static InputStream failingAfter(byte[] data, int good, Exception failure) {
    return new InputStream() {
      private int at;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (at == good) {
          if (failure instanceof IOException io) {
            throw io;
          }
          throw (RuntimeException) failure;
        }
        int n = Math.min(len, good - at);
        System.arraycopy(data, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  @Test
  void theSourceFailureReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
    byte[] data = bytes(1000, 7);
    ZipException corrupt = new ZipException("invalid stored block lengths");
    try (InputStream in = new ReadAheadInputStream(failingAfter(data, 777, corrupt), 100, 3, "test")) {
      byte[] got = new byte[777];
      assertThat(in.readNBytes(got, 0, 777)).isEqualTo(777);
      assertThat(got).isEqualTo(java.util.Arrays.copyOf(data, 777));
      assertThatThrownBy(in::read).isSameAs(corrupt);
      // and it does not turn into a clean end afterwards
      assertThatThrownBy(in::read).isSameAs(corrupt);
      assertThatThrownBy(() -> in.read(got, 0, 10)).isSameAs(corrupt);
    }
  }

  @Test
  void aRuntimeFailureOfTheSourceIsThrownAsIs() throws IOException {
    IllegalStateException bug = new IllegalStateException("boom");
    try (InputStream in = new ReadAheadInputStream(failingAfter(new byte[10], 0, bug), 100, 3, "test")) {
      assertThatThrownBy(() -> in.read(new byte[8], 0, 8)).isSameAs(bug);
    }
  }

  @Test
  void closingMidStreamStopsTheThreadAndClosesTheSource() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    AtomicLong read = new AtomicLong();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        read.incrementAndGet();
        return 'x';
      }

      @Override
      public void close() {
        closed.set(true);
      }
    };
    ReadAheadInputStream in = new ReadAheadInputStream(endless, 16, 2, "test-endless");
    assertThat(in.read()).isEqualTo('x');
    in.close();
    assertThat(closed).isTrue();
    long after = read.get();
    assertThat(after).isLessThanOrEqualTo(16 * 2); // at most its two blocks, then it stopped
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-endless"));
    assertThat(read.get()).isEqualTo(after);
    assertThatThrownBy(in::read).isInstanceOf(IOException.class);
  }

  /**
   * A source whose reads take a while and cannot be interrupted (as a file's), which records
   * whether it was closed while a read was in progress.
   */
  private static final class SlowSource extends InputStream {
    final java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    volatile boolean inRead;
    volatile boolean closedDuringRead;
    volatile boolean closed;

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      inRead = true;
      reading.countDown();
      long until = System.nanoTime() + 200_000_000L;
      while (System.nanoTime() < until) {
        Thread.onSpinWait(); // deaf to interrupts, as a read of a file is
      }
      java.util.Arrays.fill(b, off, off + len, (byte) 'x');
      inRead = false;
      return len;
    }

    @Override
    public void close() {
      closedDuringRead = inRead;
      closed = true;
    }
  }

  @Test
  void closeWaitsForTheReadInProgressBeforeClosingTheSource() throws Exception {
    SlowSource source = new SlowSource();
    ReadAheadInputStream in = new ReadAheadInputStream(source, 8, 2, "test-slow");
    source.reading.await();
    in.close();
    assertThat(source.closed).isTrue();
    assertThat(source.closedDuringRead).isFalse();
  }

  @Test
  void closeWaitsEvenWhenTheClosingThreadIsInterruptedAndKeepsTheInterrupt() throws Exception {
    SlowSource source = new SlowSource();
    ReadAheadInputStream in = new ReadAheadInputStream(source, 8, 2, "test-slow");
    source.reading.await();
    Thread.currentThread().interrupt(); // as after a worker's failure, before try-with-resources closes
    in.close();
    assertThat(Thread.interrupted()).isTrue(); // restored (and cleared here)
    assertThat(source.closedDuringRead).isFalse();
  }

  @Test
  void aReaderWaitingWhenAnotherThreadClosesGetsAnErrorNotAnEnd() throws Exception {
    SlowSource source = new SlowSource();
    ReadAheadInputStream in = new ReadAheadInputStream(source, 8, 2, "test-slow");
    java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        long n = 0;
        byte[] buffer = new byte[8];
        for (int r; (r = in.read(buffer, 0, 8)) >= 0; ) {
          n += r;
        }
        outcome.set(n); // an end: must not happen, the source never ends
      } catch (IOException e) {
        outcome.set(e);
      }
    }, "test-reader");
    source.reading.await();
    reader.start();
    while (reader.getState() != Thread.State.WAITING) { // waiting for the first block
      Thread.onSpinWait();
    }
    in.close();
    reader.join(10_000);
    assertThat(outcome.get()).isInstanceOf(IOException.class);
  }

  @Test
  void whatTheThreadFedIsVisibleAfterClose() throws IOException {
    byte[] data = bytes(50_000, 3);
    ContentFingerprint direct = new ContentFingerprint();
    direct.update(data, 0, data.length);
    ContentFingerprint ahead = new ContentFingerprint();
    try (InputStream in = new ReadAheadInputStream(ahead.wrap(new ByteArrayInputStream(data)), 4096, 2, "test")) {
      in.readAllBytes();
    }
    assertThat(ahead.hex()).isEqualTo(direct.hex());
  }

  @Test
  void rejectsEmptyBlocks() {
    assertThatThrownBy(() -> new ReadAheadInputStream(new ByteArrayInputStream(new byte[0]), 0, 1, "t"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadAheadInputStream(new FilterInputStream(InputStream.nullInputStream()) {}, 1, 0, "t"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
