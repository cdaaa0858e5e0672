package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.shared.QpProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Labels of NAF rév. 2 codes, read once from {@code reference/naf/naf_rev2.json} of the data directory. */
@Component
public class NafLabels {
  private final Path file;
  private volatile Map<String, String> labels;

  public NafLabels(QpProperties properties) {
    this.file = properties.dataDir().resolve("reference/naf/naf_rev2.json");
  }

  /** The label, or null when the code or the file is unknown. */
  public String label(String naf) {
    if (naf == null) {
      return null;
    }
    Map<String, String> l = labels;
    if (l == null) {
      l = load();
      labels = l;
    }
    return l.get(naf);
  }

  private Map<String, String> load() {
    Map<String, String> map = new HashMap<>();
    if (Files.isRegularFile(file)) {
      for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
        map.put(n.path("id").asString(), n.path("label").asString());
      }
    }
    return map;
  }
}
