package fr.quartiersproductifs.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The fingerprint of an input depends on its bytes only, and changes with any of them. */
class ContentFingerprintTest {

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  private static String of(byte[] b) {
    ContentFingerprint f = new ContentFingerprint();
    f.update(b, 0, b.length);
    return f.hex();
  }

  /** The definition, written out: per block CRC-32, CRC-32C and length, then the total length. */
  private static String byDefinition(byte[] b) {
    MessageDigest sha = Sha256.newDigest();
    for (int from = 0; from < b.length; from += ContentFingerprint.BLOCK) {
      int n = Math.min(ContentFingerprint.BLOCK, b.length - from);
      CRC32 a = new CRC32();
      a.update(b, from, n);
      CRC32C c = new CRC32C();
      c.update(b, from, n);
      sha.update(ByteBuffer.allocate(12).putInt((int) a.getValue()).putInt((int) c.getValue()).putInt(n).array());
    }
    sha.update(ByteBuffer.allocate(8).putLong(b.length).array());
    return Sha256.hex(sha);
  }

  @Test
  void followsItsDefinitionAcrossBlocks() {
    int block = ContentFingerprint.BLOCK;
    for (int n : new int[] {0, 1, block - 1, block, 2 * block + 17}) {
      byte[] b = bytes(n, n);
      assertThat(of(b)).as("%d octets", n).isEqualTo(byDefinition(b)).hasSize(64);
    }
  }

  /** However the stream is read (sizes, single bytes, skips), the same bytes give the same fingerprint. */
  @Property(tries = 40)
  void doesNotDependOnHowTheInputIsRead(@ForAll @IntRange(min = 1, max = 300_000) int chunk, @ForAll long seed)
      throws IOException {
    byte[] b = bytes(ContentFingerprint.BLOCK + 123_457, 7);
    ContentFingerprint f = new ContentFingerprint();
    SplittableRandom random = new SplittableRandom(seed);
    try (InputStream in = f.wrap(new ByteArrayInputStream(b))) {
      byte[] buffer = new byte[chunk];
      while (true) {
        int how = random.nextInt(10);
        if (how == 0) {
          if (in.read() < 0) {
            break;
          }
        } else if (how == 1) {
          in.skip(1 + random.nextInt(chunk));
        } else if (in.read(buffer, 0, 1 + random.nextInt(chunk)) < 0) {
          break;
        }
      }
    }
    assertThat(f.length()).isEqualTo(b.length);
    assertThat(f.hex()).isEqualTo(of(b));
  }

  @Test
  void changesWithAnyByteTheLengthAndTheOrderOfBlocks() {
    byte[] b = bytes(2 * ContentFingerprint.BLOCK + 1_000, 3);
    String original = of(b);
    for (int at : new int[] {0, ContentFingerprint.BLOCK - 1, ContentFingerprint.BLOCK, b.length - 1}) {
      byte[] changed = b.clone();
      changed[at] ^= 1;
      assertThat(of(changed)).as("octet %d", at).isNotEqualTo(original);
    }
    assertThat(of(java.util.Arrays.copyOf(b, b.length + 1))).isNotEqualTo(original); // a trailing zero byte
    byte[] swapped = b.clone();
    System.arraycopy(b, 0, swapped, ContentFingerprint.BLOCK, ContentFingerprint.BLOCK);
    System.arraycopy(b, ContentFingerprint.BLOCK, swapped, 0, ContentFingerprint.BLOCK);
    assertThat(of(swapped)).isNotEqualTo(original);
  }

  @Test
  void isFinalOnceRead() {
    ContentFingerprint f = new ContentFingerprint();
    f.update(new byte[] {1, 2, 3}, 0, 3);
    String hex = f.hex();
    assertThat(f.hex()).isEqualTo(hex);
    assertThatThrownBy(() -> f.update(new byte[] {4}, 0, 1)).isInstanceOf(IllegalStateException.class);
  }
}
