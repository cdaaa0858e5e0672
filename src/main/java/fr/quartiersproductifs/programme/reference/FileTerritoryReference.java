package fr.quartiersproductifs.programme.reference;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.quartiersproductifs.programme.TerritoryReference;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import fr.quartiersproductifs.shared.QpProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the programme's reference data from the reference files of the data directory (pilot
 * territories and their communes, EPCI/EPT members, QPV 2024 communes and population). Loaded once,
 * lazily. A missing file is reported as missing reference data, naming the file.
 */
@Component
public class FileTerritoryReference implements TerritoryReference {
  private final Path dir;
  private final ObjectMapper json;
  private volatile Loaded loaded;

  private record Loaded(
      List<ReferenceTerritory> territories, Map<String, Grouping> groupings, List<QpvInfo> qpv) {}

  public FileTerritoryReference(QpProperties properties, ObjectMapper json) {
    this.dir = properties.dataDir().resolve("reference");
    this.json = json;
  }

  @Override
  public List<ReferenceTerritory> pilotTerritories() {
    return load().territories();
  }

  @Override
  public Optional<Grouping> grouping(String siren) {
    return Optional.ofNullable(load().groupings().get(siren));
  }

  @Override
  public List<QpvInfo> qpvOfCommunes(Collection<String> communes) {
    Set<String> set = new HashSet<>(communes);
    return load().qpv().stream().filter(q -> q.communes().stream().anyMatch(set::contains)).toList();
  }

  private Loaded load() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        if (loaded == null) {
          try {
            loaded = new Loaded(readTerritories(), readGroupings(), readQpv());
          } catch (IOException | RuntimeException e) {
            throw new QpException(
                ErrorCode.MISSING_REFERENCE_DATA,
                "Données de référence des territoires illisibles sous " + dir + " : " + e.getMessage(),
                e);
          }
        }
        l = loaded;
      }
    }
    return l;
  }

  private Path file(String relative) {
    Path f = dir.resolve(relative);
    if (!Files.isRegularFile(f)) {
      throw new QpException(ErrorCode.MISSING_REFERENCE_DATA, "Fichier de référence manquant : " + f);
    }
    return f;
  }

  private List<ReferenceTerritory> readTerritories() throws IOException {
    Map<String, List<String>> communes = new LinkedHashMap<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(file("territoires/territoires_communes.csv"))) {
      for (NamedCsvRecord r : csv) {
        communes.computeIfAbsent(r.getField("territoire_id"), k -> new ArrayList<>()).add(r.getField("code_commune"));
      }
    }
    List<ReferenceTerritory> out = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder()
            .ofNamedCsvRecord(file("territoires/territoires_quartiers_productifs_2021.csv"))) {
      for (NamedCsvRecord r : csv) {
        String id = r.getField("territoire_id");
        out.add(
            new ReferenceTerritory(
                id,
                r.getField("libelle"),
                r.getField("perimetre"),
                r.getField("siren_groupement"),
                parseLong(r.getField("population_municipale_perimetre")),
                List.copyOf(communes.getOrDefault(id, List.of()))));
      }
    }
    return List.copyOf(out);
  }

  private Map<String, Grouping> readGroupings() throws IOException {
    Map<String, Grouping> out = new LinkedHashMap<>();
    for (String name : List.of("cog/epci.json", "cog/ept.json")) {
      JsonNode root = json.readTree(file(name).toFile());
      for (JsonNode g : root) {
        List<String> members = new ArrayList<>();
        long population = 0;
        for (JsonNode m : g.path("membres")) {
          members.add(m.path("code").asString());
          population += m.path("populationMunicipale").asLong(0);
        }
        String siren = g.path("code").asString();
        out.put(
            siren,
            new Grouping(siren, g.path("nom").asString(), g.path("type").asString(), population, List.copyOf(members)));
      }
    }
    return out;
  }

  private List<QpvInfo> readQpv() throws IOException {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Long> population = new LinkedHashMap<>();
    Map<String, List<String>> communes = new LinkedHashMap<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(file("qpv/qpv2024_communes_indicateurs.csv"))) {
      for (NamedCsvRecord r : csv) {
        String code = r.getField("codeQPV").trim();
        String commune = r.getField("COG").trim();
        while (commune.length() < 5) {
          commune = "0" + commune;
        }
        names.putIfAbsent(code, r.getField("lib_qp"));
        Long pop = parseLong(r.getField("popMuniQPV"));
        if (pop != null) {
          population.putIfAbsent(code, pop);
        }
        List<String> list = communes.computeIfAbsent(code, k -> new ArrayList<>());
        if (!list.contains(commune)) {
          list.add(commune);
        }
      }
    }
    List<QpvInfo> out = new ArrayList<>();
    names.keySet().stream()
        .sorted()
        .forEach(
            code ->
                out.add(new QpvInfo(code, names.get(code), population.get(code), List.copyOf(communes.get(code)))));
    return List.copyOf(out);
  }

  private static Long parseLong(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Math.round(Double.parseDouble(s.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
