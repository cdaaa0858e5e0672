package fr.quartiersproductifs.geocoding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The La Poste postcode ↔ commune table ({@code reference/cog/codes-postaux.json} of the data
 * directory: {@code [{"codePostal","codeCommune",...}]}).
 */
public final class LaPostePostcodes implements PostcodeTable {
  private final Map<String, List<String>> byCommune;

  private LaPostePostcodes(Map<String, List<String>> byCommune) {
    this.byCommune = byCommune;
  }

  public static LaPostePostcodes load(Path file) throws IOException {
    Map<String, TreeSet<String>> map = new HashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      for (JsonNode n : root) {
        String pc = n.path("codePostal").asString("");
        String commune = n.path("codeCommune").asString("");
        if (!pc.isEmpty() && !commune.isEmpty()) {
          map.computeIfAbsent(commune, k -> new TreeSet<>()).add(pc);
        }
      }
    }
    Map<String, List<String>> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, List.copyOf(new ArrayList<>(v))));
    return new LaPostePostcodes(out);
  }

  /** The table of a data directory, or an empty table when the file is absent. */
  public static PostcodeTable fromDataDir(Path dataDir) {
    Path file = dataDir.resolve("reference/cog/codes-postaux.json");
    if (!Files.isRegularFile(file)) {
      return PostcodeTable.none();
    }
    try {
      return load(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public List<String> postcodesOf(String communeCode) {
    return byCommune.getOrDefault(communeCode, List.of());
  }
}
