package fr.quartiersproductifs.geocoding.index;

import fr.quartiersproductifs.geocoding.AddressText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Typo tolerance without automata: the words of street and commune names (4 letters or more) with
 * a table of their one-letter deletions (the "symmetric delete" method). A query word's close
 * words are found by looking its own deletions up, then checked with the edit distance. Memory:
 * about 20 bytes per (word, deletion) pair; built when the index is opened. Thread-safe once built.
 */
final class Vocabulary {
  private final String[] words;
  /** Every word of the field, short ones included (for "is this word known?"). */
  private final java.util.Set<String> all;
  // open addressing: hash of a key -> head of a chain of word ids
  private final long[] keys;
  private final int[] heads;
  private final int[] next;
  private final int[] wordOf;
  private final int mask;

  /** A close word and its distance to the query word. */
  record Near(String word, int distance) {}

  static Vocabulary of(IndexReader reader, String field) throws IOException {
    List<String> list = new ArrayList<>();
    java.util.Set<String> all = new java.util.HashSet<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      BytesRef t;
      while ((t = te.next()) != null) {
        String w = t.utf8ToString();
        all.add(w);
        if (w.length() >= 4 && !AddressText.isNumber(w)) {
          list.add(w);
        }
      }
    }
    return new Vocabulary(list.toArray(String[]::new), all);
  }

  Vocabulary(String[] words, java.util.Set<String> all) {
    this.words = words;
    this.all = all;
    long entries = 0;
    for (String w : words) {
      entries += w.length() + 1;
    }
    int capacity = Integer.highestOneBit((int) Math.max(16, entries * 2)) << 1;
    this.mask = capacity - 1;
    this.keys = new long[capacity];
    this.heads = new int[capacity];
    Arrays.fill(heads, -1);
    this.next = new int[(int) entries];
    this.wordOf = new int[(int) entries];
    int e = 0;
    for (int id = 0; id < words.length; id++) {
      String w = words[id];
      e = add(hash(w, -1), id, e);
      for (int i = 0; i < w.length(); i++) {
        e = add(hash(w, i), id, e);
      }
    }
  }

  private int add(long h, int id, int e) {
    int slot = slot(h, true);
    // avoid the same word twice in a chain (deleting either of two equal letters)
    for (int k = heads[slot]; k >= 0; k = next[k]) {
      if (wordOf[k] == id) {
        return e;
      }
    }
    wordOf[e] = id;
    next[e] = heads[slot];
    heads[slot] = e;
    return e + 1;
  }

  private int slot(long h, boolean insert) {
    long key = h == 0 ? 1 : h;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (true) {
      if (keys[i] == key) {
        return i;
      }
      if (keys[i] == 0) {
        if (insert) {
          keys[i] = key;
          return i;
        }
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** 64-bit hash of a word with the letter at {@code skip} deleted (-1: none). */
  private static long hash(String w, int skip) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < w.length(); i++) {
      if (i != skip) {
        h ^= w.charAt(i);
        h *= 0x100000001b3L;
      }
    }
    h ^= h >>> 29;
    h *= 0xbf58476d1ce4e5b9L;
    return h ^ (h >>> 32);
  }

  private static long hash(String w, int skip1, int skip2) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < w.length(); i++) {
      if (i != skip1 && i != skip2) {
        h ^= w.charAt(i);
        h *= 0x100000001b3L;
      }
    }
    h ^= h >>> 29;
    h *= 0xbf58476d1ce4e5b9L;
    return h ^ (h >>> 32);
  }

  /** Words within {@code maxEdits} of the word (itself excluded), closest first, at most {@code max}. */
  List<Near> near(String word, int maxEdits, int max) {
    if (maxEdits <= 0 || words.length == 0) {
      return List.of();
    }
    java.util.Set<Integer> ids = new java.util.HashSet<>();
    collect(hash(word, -1), ids);
    for (int i = 0; i < word.length(); i++) {
      collect(hash(word, i), ids);
    }
    if (maxEdits >= 2) {
      for (int i = 0; i < word.length(); i++) {
        for (int j = i + 1; j < word.length(); j++) {
          collect(hash(word, i, j), ids);
        }
      }
    }
    List<Near> out = new ArrayList<>();
    for (int id : ids) {
      String w = words[id];
      if (w.equals(word)) {
        continue;
      }
      int d = AddressText.distance(word, w, maxEdits);
      if (d <= maxEdits) {
        out.add(new Near(w, d));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Near::distance).thenComparing(Near::word));
    return out.size() > max ? out.subList(0, max) : out;
  }

  private void collect(long h, java.util.Set<Integer> ids) {
    int slot = slot(h, false);
    if (slot < 0) {
      return;
    }
    for (int k = heads[slot]; k >= 0; k = next[k]) {
      ids.add(wordOf[k]);
    }
  }

  boolean contains(String word) {
    return all.contains(word);
  }

  int size() {
    return words.length;
  }
}
