package fr.quartiersproductifs.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressTextTest {

  @Test
  void folds_accents_case_and_punctuation() {
    assertThat(AddressText.fold("  Allée Pierre-Brasseur, Œuvre  ")).isEqualTo("allee pierre brasseur oeuvre");
    assertThat(AddressText.fold("RUE D'ÉTIENNE")).isEqualTo("rue d etienne");
  }

  @Test
  void expands_abbreviations_and_splits_glued_numbers() {
    assertThat(AddressText.tokens("166B av. de Lodève")).containsExactly("166", "b", "avenue", "de", "lodeve");
    assertThat(AddressText.tokens("12 bd St-Jean")).containsExactly("12", "boulevard", "saint", "jean");
    assertThat(AddressText.tokens("3 r. de la Paix")).containsExactly("3", "rue", "de", "la", "paix");
    assertThat(AddressText.normalise("Imp. des Lilas")).isEqualTo("impasse des lilas");
    assertThat(AddressText.normalise("ch. du Mas")).isEqualTo("chemin du mas");
    assertThat(AddressText.normalise("rte de Ganges")).isEqualTo("route de ganges");
    assertThat(AddressText.normalise("pl. de la Comédie")).isEqualTo("place de la comedie");
  }

  @Test
  void parses_number_repetition_index_and_postcode() {
    ParsedQuery q = ParsedQuery.parse("6 bis, Boulevard Berthelot 34000 Montpellier");
    assertThat(q.housenumber()).isEqualTo("6");
    assertThat(q.rep()).isEqualTo("b");
    assertThat(q.postcode()).isEqualTo("34000");
    assertThat(q.words()).containsExactly("boulevard", "berthelot", "montpellier");
    assertThat(ParsedQuery.parse("166B avenue de Lodève").rep()).isEqualTo("b");
    assertThat(ParsedQuery.parse("7 ter rue X").rep()).isEqualTo("t");
    assertThat(ParsedQuery.parse("007 rue X").housenumber()).isEqualTo("7");
    // a number inside the street name is not the house number
    ParsedQuery may = ParsedQuery.parse("12 rue du 8 Mai 1945");
    assertThat(may.housenumber()).isEqualTo("12");
    assertThat(may.words()).containsExactly("rue", "du", "8", "mai", "1945");
    // "5 d'Alembert": the letter may be an index or an elision; kept as a word, tried as an index
    ParsedQuery d = ParsedQuery.parse("5 d'Alembert");
    assertThat(d.rep()).isEmpty();
    assertThat(d.altRep()).isEqualTo("d");
    assertThat(d.words()).containsExactly("d", "alembert");
  }

  @Test
  void repetition_indices_of_ban_rows_are_canonical() {
    assertThat(List.of("bis", "B", "ter", "qua", "qte", "", "d"))
        .extracting(AddressText::canonicalRepOfColumn)
        .containsExactly("b", "b", "t", "q", "q", "", "d");
  }

  @Test
  void edit_distance_counts_transpositions_once_and_is_capped() {
    assertThat(AddressText.distance("fossillons", "fssillons", 2)).isEqualTo(1);
    assertThat(AddressText.distance("guesde", "gusede", 2)).isEqualTo(1);
    assertThat(AddressText.distance("carnot", "crnot", 2)).isEqualTo(1);
    assertThat(AddressText.distance("montpellier", "paris", 2)).isEqualTo(3);
    assertThat(AddressText.similarity("berthelot", "berthelot")).isEqualTo(1.0);
    assertThat(AddressText.similarity("rue", "rua")).isEqualTo(0.0); // too short for a typo
    assertThat(AddressText.similarity("berthelot", "bertelot")).isBetween(0.8, 0.95);
  }
}
