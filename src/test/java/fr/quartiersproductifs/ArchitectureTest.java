package fr.quartiersproductifs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the feature boundaries and the pure core honest. */
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("fr.quartiersproductifs");

  static final String[] FOUNDATION = {
    "fr.quartiersproductifs.geography..",
    "fr.quartiersproductifs.dataset..",
    "fr.quartiersproductifs.csv..",
    "fr.quartiersproductifs.shared.."
  };

  @Test
  void the_locator_and_the_csv_machinery_know_nothing_of_spring_or_jdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "fr.quartiersproductifs.geography.locator..",
            "fr.quartiersproductifs.csv..",
            "fr.quartiersproductifs.geography.io..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void the_foundation_does_not_depend_on_the_features_built_on_it() {
    noClasses()
        .that()
        .resideInAnyPackage(FOUNDATION)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "fr.quartiersproductifs.geocoding..",
            "fr.quartiersproductifs.economy..",
            "fr.quartiersproductifs.programme..",
            "fr.quartiersproductifs.account..")
        .check(CLASSES);
  }

  @Test
  void the_shared_layers_do_not_depend_on_web_adapters() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "fr.quartiersproductifs.dataset..", "fr.quartiersproductifs.csv..", "fr.quartiersproductifs.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..web..")
        .check(CLASSES);
  }
}
