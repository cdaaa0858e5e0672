package fr.quartiersproductifs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.support.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SectorTypologyTest {

  @Test
  void sectionsAreThoseOfTheInseeNomenclature() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.file("reference/naf/naf_rev2_sections.csv"));
    List<String> expected = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      // section,libelle(possibly quoted),division_debut,division_fin
      int first = line.indexOf(',');
      int last = line.lastIndexOf(',');
      int middle = line.lastIndexOf(',', last - 1);
      String label = line.substring(first + 1, middle).replaceAll("^\"|\"$", "");
      expected.add(line.substring(0, first) + "|" + label + "|" + Integer.parseInt(line.substring(middle + 1, last))
          + "|" + Integer.parseInt(line.substring(last + 1)));
    }
    assertThat(SectorTypology.SECTIONS.stream()
            .map(s -> s.code() + "|" + s.label() + "|" + s.fromDivision() + "|" + s.toDivision()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void everyNafSubclassHasASectionAndTheListsOnlyNameRealCodes() throws IOException {
    String json = Files.readString(SharedData.file("reference/naf/naf_rev2.json"));
    Matcher m = Pattern.compile("\"id\":\\s*\"(\\d\\d\\.\\d\\d[A-Z])\"").matcher(json);
    List<String> subclasses = new ArrayList<>();
    while (m.find()) {
      subclasses.add(m.group(1));
    }
    assertThat(subclasses).hasSize(732);
    for (String code : subclasses) {
      assertThat(SectorTypology.classify(code, true).section()).as(code).isNotEqualTo("?");
    }
    for (var list : List.of(SectorTypology.NUMERIQUE, SectorTypology.COMMERCE_PROXIMITE,
        SectorTypology.COMMERCE_EXCLUSIONS, SectorTypology.PRODUCTIVES_EXTRA, SectorTypology.ARTISANAT_FALLBACK)) {
      for (String prefix : list) {
        assertThat(subclasses).as(prefix).anyMatch(c -> c.startsWith(prefix));
      }
    }
  }

  @Test
  void examples() {
    assertThat(SectorTypology.classify("56.30Z", true))
        .isEqualTo(new SectorTypology.Classification("I", Category.COMMERCE_PROXIMITE, false));
    assertThat(SectorTypology.classify("47.11F", true).category()).isEqualTo(Category.SERVICES);
    assertThat(SectorTypology.classify("47.52B", true).category()).isEqualTo(Category.SERVICES);
    assertThat(SectorTypology.classify("62.01Z", true).category()).isEqualTo(Category.NUMERIQUE);
    assertThat(SectorTypology.classify("26.20Z", true).category()).isEqualTo(Category.NUMERIQUE);
    assertThat(SectorTypology.classify("43.22A", true))
        .isEqualTo(new SectorTypology.Classification("F", Category.ACTIVITES_PRODUCTIVES, true));
    assertThat(SectorTypology.classify("52.29A", true).category()).isEqualTo(Category.ACTIVITES_PRODUCTIVES);
    assertThat(SectorTypology.classify("96.02A", true))
        .isEqualTo(new SectorTypology.Classification("S", Category.COMMERCE_PROXIMITE, true));
    assertThat(SectorTypology.classify("84.11Z", true).category()).isEqualTo(Category.AUTRES);
    assertThat(SectorTypology.classify("52.1A", false).section()).isEqualTo("?");
    assertThat(SectorTypology.classify(null, true).category()).isEqualTo(Category.AUTRES);
    int p = SectorTypology.packed("70.22Z", true);
    assertThat(SectorTypology.craft(p, null)).isFalse();
    assertThat(SectorTypology.craft(p, "70.22ZA")).isTrue();
  }
}
