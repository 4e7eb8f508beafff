package dev.herald.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Herald's main classes keep the structure {@link Architecture} describes. */
class ArchitectureTest {

  private static final String ROOT = "dev.herald";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void packagesHaveNoCycles() {
    Architecture.noPackageCycles(ROOT).check(classes);
  }

  @Test
  void theApiImportsNothingOfHerald() {
    Architecture.apiImportsNothingOfHerald(ROOT).check(classes);
  }

  @Test
  void restResourcesLiveInTheRestPackage() {
    Architecture.restLivesInRest(ROOT).check(classes);
  }

  @Test
  void onlyTheRestPackageUsesJaxRs() {
    Architecture.onlyRestUsesJaxRs(ROOT).check(classes);
  }

  @Test
  void dependenciesPointInwards() {
    Architecture.layers(ROOT).check(classes);
  }

  @Test
  void onlyTheConfigPackageReadsMicroProfileConfig() {
    Architecture.onlyConfigReadsMicroProfileConfig(ROOT).check(classes);
  }

  @Test
  void kafkaClientsAreCreatedInOnePlace() {
    Architecture.onlyKafkaClientsCreatesClients(ROOT).check(classes);
  }

  @Test
  void spansAreMadeInOnePlace() {
    Architecture.onlyTracingUsesOpenTelemetry(ROOT).check(classes);
  }
}
