package dev.herald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.herald.config.ConsumeSettings;
import dev.herald.config.IdempotencySettings;
import dev.herald.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * {@code deploy/kubernetes} agrees with what the image runs: its probes ask what MicroProfile
 * Health serves, on the port {@code server.xml} opens; its selectors pick the Deployment's pods;
 * its memory limit holds the heap of {@code jvm.options}; its configuration names Herald's settings
 * and a data source it declares. Figures come from README "Performance".
 */
class KubernetesManifestsTest {

  /** The paths MicroProfile Health serves on Liberty, by the probe that asks them. */
  private static final Map<String, String> HEALTH_PATHS =
      Map.of(
          "startupProbe", "/health/started",
          "readinessProbe", "/health/ready",
          "livenessProbe", "/health/live");

  /** Twice the 40-60 s the server takes to start on 2 cores. */
  private static final int STARTUP_SECONDS = 120;

  /** Highest RSS under load (568 MB) less the heap it had (224 MB): JIT, metaspace, GC, stacks. */
  private static final long OUTSIDE_HEAP = 344L << 20;

  /** Liberty's longest quiesce at a stop, before the application stops. */
  private static final int LIBERTY_QUIESCE_SECONDS = 30;

  /** How long the publisher's producers may take to close (KafkaEventPublisher). */
  private static final int PRODUCERS_CLOSE_SECONDS = 10;

  private static final Pattern HEAP = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
  private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?");
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env\\.([^}]+)}");

  private static KubernetesManifests manifests;
  private static LibertyServerConfig liberty;

  @BeforeAll
  static void read() throws Exception {
    manifests = KubernetesManifests.read();
    List<String> overrides =
        manifests.mountedFiles().entrySet().stream()
            .filter(file -> file.getKey().startsWith("/config/configDropins/overrides/"))
            .map(Map.Entry::getValue)
            .toList();
    liberty =
        LibertyServerConfig.read(Path.of("server.xml"), overrides, manifests.literalEnvironment());
  }

  @Test
  void everyProbeAsksMicroProfileHealthItsOwnPathWithoutCredentials() {
    JsonNode container = manifests.container();

    assertThat(manifests.probes()).hasSize(3);
    HEALTH_PATHS.forEach(
        (probe, path) -> {
          JsonNode get = container.path(probe).path("httpGet");
          assertThat(get.path("path").asString()).as(probe).isEqualTo(path);
          assertThat(get.path("scheme").asString("HTTP")).as(probe).isEqualTo("HTTP");
          assertThat(get.path("httpHeaders").isEmpty()).as(probe + " sends no headers").isTrue();
        });
  }

  @Test
  void everyPortIsOneTheHttpEndpointOfServerXmlOpens() {
    Set<Integer> opened = Set.of(liberty.httpPort(), liberty.httpsPort());
    assertThat(liberty.httpPort()).as("HTTP on, for the probes").isPositive();

    List<Integer> containerPorts = new ArrayList<>();
    for (JsonNode port : manifests.container().path("ports")) {
      containerPorts.add(port.path("containerPort").asInt());
    }
    assertThat(containerPorts).isNotEmpty().allSatisfy(port -> assertThat(opened).contains(port));
    for (JsonNode probe : manifests.probes()) {
      assertThat(containerPort(probe.path("httpGet").path("port")))
          .as("a probe's port (HTTP)")
          .isEqualTo(liberty.httpPort());
    }
    JsonNode servicePorts = manifests.one("Service").path("spec").path("ports");
    assertThat(servicePorts).isNotEmpty();
    for (JsonNode port : servicePorts) {
      assertThat(containerPort(port.path("targetPort"))).as("Service targetPort").isIn(opened);
    }
  }

  @Test
  void theServiceAndTheDisruptionBudgetSelectTheDeploymentsPods() {
    JsonNode deployment = manifests.deployment();
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    JsonNode budget = manifests.one("PodDisruptionBudget").path("spec");

    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertSelects(deployment.path("spec").path("selector").path("matchLabels"), podLabels);
    assertSelects(manifests.one("Service").path("spec").path("selector"), podLabels);
    assertSelects(budget.path("selector").path("matchLabels"), podLabels);
    assertThat(budget.path("maxUnavailable").asInt()).isEqualTo(1);
  }

  @Test
  void probesAllowTheStartAndRideOutPauses() {
    JsonNode container = manifests.container();

    assertThat(allowedSeconds(container.path("startupProbe")))
        .isGreaterThanOrEqualTo(STARTUP_SECONDS);
    JsonNode liveness = container.path("livenessProbe");
    assertThat(allowedSeconds(liveness)).as("liveness").isGreaterThanOrEqualTo(30);
    assertThat(liveness.path("timeoutSeconds").asInt(1))
        .as("liveness timeout")
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void theHeapAndWhatLibertyUsesBesideItFitTheMemoryLimit() throws Exception {
    JsonNode resources = manifests.container().path("resources");
    long request = bytes(resources.path("requests").path("memory").asString());
    long limit = bytes(resources.path("limits").path("memory").asString());
    String jvmOptions =
        manifests.mountedFiles().getOrDefault("/config/jvm.options", imageJvmOptions());

    assertThat(limit).isGreaterThanOrEqualTo(request);
    manifests
        .literalEnvironment()
        .forEach(
            (name, value) ->
                assertThat(value)
                    .as(name + ": the heap is set in jvm.options, which wins over the environment")
                    .doesNotContain("-Xmx", "-Xms", "RAMPercentage"));
    assertThat(heap(jvmOptions) + OUTSIDE_HEAP).as("heap + non-heap").isLessThanOrEqualTo(limit);
  }

  @Test
  void theGracePeriodOutlastsHeraldsStop() {
    JsonNode pod = manifests.deployment().path("spec").path("template").path("spec");
    JsonNode preStop = manifests.container().path("lifecycle").path("preStop");
    int preStopSeconds = 0;
    if ("sleep".equals(preStop.path("exec").path("command").path(0).asString(""))) {
      preStopSeconds = preStop.path("exec").path("command").path(1).asInt();
    }
    long stopWaitMs =
        Long.parseLong(
            manifests
                .literalEnvironment()
                .getOrDefault(
                    environmentName(ConsumeSettings.STOP_WAIT_MS.key()),
                    ConsumeSettings.STOP_WAIT_MS.defaultValue()));

    assertThat(pod.path("terminationGracePeriodSeconds").asLong())
        .isGreaterThanOrEqualTo(
            preStopSeconds + LIBERTY_QUIESCE_SECONDS + stopWaitMs / 1000 + PRODUCERS_CLOSE_SECONDS);
  }

  @Test
  void theIdempotencyStoreIsADataSourceOnSharedCredentialsFromASecret() {
    Map<String, JsonNode> environment = manifests.environment();
    Map<String, String> literal = manifests.literalEnvironment();
    String jndiName = literal.get(environmentName(IdempotencySettings.DATASOURCE.key()));

    assertThat(literal.get(environmentName(IdempotencySettings.STORE.key()))).isEqualTo("jdbc");
    Element dataSource =
        liberty.dataSources().stream()
            .filter(element -> element.getAttribute("jndiName").equals(jndiName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no dataSource has jndiName " + jndiName));
    Element properties = (Element) dataSource.getElementsByTagName("properties.postgresql").item(0);
    assertThat(properties).as("PostgreSQL properties of " + jndiName).isNotNull();
    for (String attribute : List.of("user", "password")) {
      Matcher variable = ENV_REFERENCE.matcher(properties.getAttribute(attribute));
      assertThat(variable.matches()).as(attribute + " from the environment").isTrue();
      assertThat(environment.get(variable.group(1)).has("secretKeyRef"))
          .as(variable.group(1) + " from a Secret")
          .isTrue();
    }
    for (String attribute : List.of("serverName", "portNumber", "databaseName")) {
      assertThat(liberty.resolve(properties.getAttribute(attribute))).as(attribute).isNotBlank();
    }
  }

  @Test
  void everyHeraldVariableNamesASetting() throws Exception {
    Set<String> settings = new HashSet<>();
    for (var javaClass :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.herald.config")) {
      for (Field field : Class.forName(javaClass.getName()).getDeclaredFields()) {
        if (field.getType() == Setting.class && Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          Setting setting = (Setting) field.get(null);
          if (setting.hasGlobalKey()) {
            settings.add(environmentName(setting.key()));
          }
        }
      }
    }

    assertThat(manifests.environment().keySet())
        .filteredOn(name -> name.startsWith("HERALD_"))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(settings).as("a herald.* key").contains(name));
  }

  /** MicroProfile Config's environment name of a key: {@code HERALD_PROBE_INTERVAL_MS}. */
  private static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
  }

  /** A port by number or by the name of a container port. */
  private static int containerPort(JsonNode port) {
    if (port.isNumber()) {
      return port.asInt();
    }
    for (JsonNode declared : manifests.container().path("ports")) {
      if (port.asString().equals(declared.path("name").asString())) {
        return declared.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port is named " + port.asString());
  }

  private static void assertSelects(JsonNode selector, JsonNode podLabels) {
    assertThat(selector.isEmpty()).as("an empty selector").isFalse();
    selector
        .properties()
        .forEach(
            label ->
                assertThat(podLabels.path(label.getKey()).asString(null))
                    .as("pod label " + label.getKey())
                    .isEqualTo(label.getValue().asString()));
  }

  private static int allowedSeconds(JsonNode probe) {
    return probe.path("initialDelaySeconds").asInt(0)
        + probe.path("periodSeconds").asInt(10) * probe.path("failureThreshold").asInt(3);
  }

  /** The project's jvm.options, which the Dockerfile copies to /config/jvm.options. */
  private static String imageJvmOptions() {
    try {
      assertThat(Files.readString(Path.of("Dockerfile")))
          .contains("jvm.options /config/jvm.options");
      return Files.readString(Path.of("jvm.options"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The largest heap in bytes: the last -Xmx of {@code jvmOptions}. */
  private static long heap(String jvmOptions) {
    Long heap = null;
    for (String line : jvmOptions.lines().map(String::trim).toList()) {
      Matcher option = HEAP.matcher(line);
      if (option.matches()) {
        long shift =
            switch (option.group(2).toLowerCase()) {
              case "k" -> 10;
              case "m" -> 20;
              case "g" -> 30;
              default -> 0;
            };
        heap = Long.parseLong(option.group(1)) << shift;
      }
    }
    assertThat(heap).as("an -Xmx in jvm.options").isNotNull();
    return heap;
  }

  /** A Kubernetes quantity of memory in bytes, e.g. {@code 768Mi}. */
  private static long bytes(String quantity) {
    Matcher parts = QUANTITY.matcher(quantity);
    assertThat(parts.matches()).as("a memory quantity: " + quantity).isTrue();
    long number = Long.parseLong(parts.group(1));
    String unit = parts.group(2) == null ? "" : parts.group(2);
    return switch (unit) {
      case "Ki" -> number << 10;
      case "Mi" -> number << 20;
      case "Gi" -> number << 30;
      case "Ti" -> number << 40;
      case "k" -> number * 1_000L;
      case "M" -> number * 1_000_000L;
      case "G" -> number * 1_000_000_000L;
      case "T" -> number * 1_000_000_000_000L;
      default -> number;
    };
  }
}
