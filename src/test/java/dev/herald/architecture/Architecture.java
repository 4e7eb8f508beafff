package dev.herald.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Herald's structure as rules, for a root package (Herald's own, or a fixture's in the test that
 * shows each rule failing on a back edge).
 *
 * <p>Layers, from the inside out: the public {@code api} (what handlers, publishers and upcasters
 * code against; imports nothing of Herald), {@code config} (every key, typed), the core ({@code
 * events}, {@code schemas}, {@code reliability}, {@code routing}, {@code retry}) and the built-in
 * {@code handlers}, then the operations on the core ({@code control} of the channels, {@code
 * deadletters}, {@code replay}, the live {@code stream}, {@code webhooks}, the {@code outbox}),
 * then the edge: {@code kafka} infrastructure, the {@code channels}, {@code health}, {@code
 * metrics}, {@code rest} and the {@code console}. Dependencies point inwards only.
 */
final class Architecture {

  private Architecture() {}

  /** No two packages import each other, directly or through others. */
  static ArchRule noPackageCycles(String root) {
    return slices()
        .matching(root + ".(**)")
        .should()
        .beFreeOfCycles()
        .because("a package cycle makes every package of the cycle change together");
  }

  /** The public API depends on nothing else of Herald. */
  static ArchRule apiImportsNothingOfHerald(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".api..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(root + "..").and(resideOutsideOfPackage(root + ".api..")))
        .because("users compile against the API alone; it must not drag in internals")
        .allowEmptyShould(true);
  }

  /** JAX-RS resources, providers and the application class live in the REST package only. */
  static ArchRule restLivesInRest(String root) {
    return classes()
        .that()
        .areAnnotatedWith(jakarta.ws.rs.Path.class)
        .or()
        .areAnnotatedWith(jakarta.ws.rs.ext.Provider.class)
        .or()
        .areAssignableTo(jakarta.ws.rs.core.Application.class)
        .should()
        .resideInAPackage(root + ".rest..")
        .because("the REST edge is found in one package")
        .allowEmptyShould(true);
  }

  /** Nothing outside the REST package uses JAX-RS. */
  static ArchRule onlyRestUsesJaxRs(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs..")
        .because("HTTP concerns stay at the edge");
  }

  /** Dependencies point from the edge inwards: edge → core → config → api. */
  static ArchRule layers(String root) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("API")
        .definedBy(root + ".api..")
        .layer("Config")
        .definedBy(root + ".config..")
        .layer("Core")
        .definedBy(
            root + ".events..",
            root + ".schemas..",
            root + ".reliability..",
            root + ".routing..",
            root + ".retry..",
            root + ".tracing..")
        .layer("Handlers")
        .definedBy(root + ".handlers..")
        .layer("Operations")
        .definedBy(
            root + ".control..",
            root + ".deadletters..",
            root + ".replay..",
            root + ".stream..",
            root + ".webhooks..",
            root + ".outbox..")
        .layer("Edge")
        .definedBy(
            root + ".kafka..",
            root + ".channels..",
            root + ".health..",
            root + ".metrics..",
            root + ".rest..",
            root + ".console..")
        .whereLayer("API")
        .mayNotAccessAnyLayer()
        .whereLayer("Config")
        .mayOnlyAccessLayers("API")
        .whereLayer("Core")
        .mayOnlyAccessLayers("API", "Config")
        .whereLayer("Handlers")
        .mayOnlyAccessLayers("API", "Config")
        .whereLayer("Operations")
        .mayOnlyAccessLayers("API", "Config", "Core")
        .whereLayer("Operations")
        .mayOnlyBeAccessedByLayers("Edge")
        .whereLayer("Edge")
        .mayNotBeAccessedByAnyLayer()
        .withOptionalLayers(true);
  }

  /** Every key is read through the typed settings of the config package. */
  static ArchRule onlyConfigReadsMicroProfileConfig(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.microprofile.config..")
        .because("each key, its default and meaning are declared once, in the config package");
  }

  /**
   * Kafka clients are created by {@code config.KafkaClients} only, so that each gets the settings
   * SmallRye's channels get (TLS, SASL, bootstrap servers, given as properties or environment).
   */
  static ArchRule onlyKafkaClientsCreatesClients(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .doNotHaveFullyQualifiedName(root + ".config.KafkaClients")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(KafkaConsumer.class.getName())
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(KafkaProducer.class.getName())
        .orShould()
        .callMethod(Admin.class, "create", Map.class)
        .orShould()
        .callMethod(Admin.class, "create", Properties.class)
        .because("a client created elsewhere would miss settings given only to the connector");
  }

  /** OpenTelemetry's API is used by the tracing package only. */
  static ArchRule onlyTracingUsesOpenTelemetry(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".tracing..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.opentelemetry..")
        .because("spans, their names and attributes are made in one place");
  }

  static List<ArchRule> all(String root) {
    return List.of(
        noPackageCycles(root),
        apiImportsNothingOfHerald(root),
        restLivesInRest(root),
        onlyRestUsesJaxRs(root),
        layers(root),
        onlyConfigReadsMicroProfileConfig(root),
        onlyKafkaClientsCreatesClients(root),
        onlyTracingUsesOpenTelemetry(root));
  }
}
