package dev.herald.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of {@link Architecture} fails on the fixture, which breaks it once. */
class ArchitectureRulesTest {

  private static final String FIXTURE = "dev.herald.architecture.fixture";
  private static JavaClasses classes;

  @BeforeAll
  static void importFixture() {
    classes = new ClassFileImporter().importPackages(FIXTURE);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("a cycle between routing and kafka", Architecture::noPackageCycles),
        rule("the API importing the core", Architecture::apiImportsNothingOfHerald),
        rule("a resource outside rest", Architecture::restLivesInRest),
        rule("JAX-RS outside rest", Architecture::onlyRestUsesJaxRs),
        rule("the core calling the edge", Architecture::layers),
        rule("config read outside config", Architecture::onlyConfigReadsMicroProfileConfig),
        rule(
            "a producer created outside KafkaClients",
            Architecture::onlyKafkaClientsCreatesClients),
        rule("a span made outside tracing", Architecture::onlyTracingUsesOpenTelemetry));
  }

  private static Arguments rule(String backEdge, Function<String, ArchRule> rule) {
    return Arguments.of(backEdge, rule);
  }

  @ParameterizedTest(name = "fails on {0}")
  @MethodSource("rules")
  void failsOnABackEdge(String backEdge, Function<String, ArchRule> rule) {
    assertThatThrownBy(() -> rule.apply(FIXTURE).check(classes)).isInstanceOf(AssertionError.class);
  }
}
