package fr.quartiersproductifs.geography.locator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Whether a point can be placed at all in its system: what the SIRENE import asks before it tries a
 * row's WGS84 columns (ADR 0036). Points from the real sample and the official systems.
 */
class PlaceableTest {
  private final QpvLocator locator = LocatorAgreementTest.LOCATOR;

  @Test
  void pointsInTheirSystemsDomainCanBePlaced() {
    assertThat(locator.placeable(2154, 892251.5, 6247972.5)).isTrue(); // Marseille, Lambert-93
    assertThat(locator.placeable(4326, 45.100640, -12.847515)).isTrue(); // Mayotte, WGS84
    assertThat(locator.placeable(4471, 510000, 8580000)).isTrue(); // Mayotte, UTM 38S
  }

  @Test
  void pointsOffTheirSystemsDomainOrInAnUnknownSystemCannot() {
    // The sample's Mayotte and Réunion establishments, given Lambert-93 x/y (EPSG 2154).
    assertThat(locator.placeable(2154, 7732021.6, 740707.5)).isFalse();
    assertThat(locator.placeable(2154, 10193432.5, 548882.1)).isFalse();
    assertThat(locator.placeable(27700, 530000, 180000)).isFalse(); // British National Grid
    assertThat(locator.placeable(4326, 10, 10)).isFalse(); // Africa
    assertThat(locator.placeable(2154, Double.NaN, 6247972.5)).isFalse();
  }
}
