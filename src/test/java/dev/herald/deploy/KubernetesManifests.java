package dev.herald.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The resources of {@code deploy/kubernetes}, read as kustomize reads them: every file its {@code
 * kustomization.yaml} lists, each possibly holding several YAML documents.
 */
public final class KubernetesManifests {

  static final Path DIRECTORY = Path.of("deploy/kubernetes");

  private final List<JsonNode> resources;

  private KubernetesManifests(List<JsonNode> resources) {
    this.resources = List.copyOf(resources);
  }

  public static KubernetesManifests read() {
    return read(DIRECTORY);
  }

  static KubernetesManifests read(Path directory) {
    YAMLMapper yaml = YAMLMapper.shared();
    List<JsonNode> resources = new ArrayList<>();
    for (JsonNode file :
        yaml.readTree(directory.resolve("kustomization.yaml").toFile()).path("resources")) {
      try (var documents =
          yaml.readerFor(JsonNode.class)
              .<JsonNode>readValues(directory.resolve(file.asString()).toFile())) {
        documents.forEachRemaining(
            document -> {
              if (!document.isNull() && !document.isMissingNode()) {
                resources.add(document);
              }
            });
      }
    }
    return new KubernetesManifests(resources);
  }

  /** Every resource of {@code kind}. */
  List<JsonNode> all(String kind) {
    return resources.stream().filter(r -> kind.equals(r.path("kind").asString())).toList();
  }

  /** The one resource of {@code kind}; fails if there is none or several. */
  JsonNode one(String kind) {
    List<JsonNode> found = all(kind);
    if (found.size() != 1) {
      throw new AssertionError(
          "deploy/kubernetes should hold one " + kind + ", holds " + found.size());
    }
    return found.get(0);
  }

  /** The resource of {@code kind} named {@code name}. */
  JsonNode named(String kind, String name) {
    return all(kind).stream()
        .filter(r -> name.equals(r.path("metadata").path("name").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("deploy/kubernetes has no " + kind + " " + name));
  }

  JsonNode deployment() {
    return one("Deployment");
  }

  /** The Deployment's Herald container: its only one. */
  JsonNode container() {
    JsonNode containers =
        deployment().path("spec").path("template").path("spec").path("containers");
    if (containers.size() != 1) {
      throw new AssertionError(
          "the Deployment should run one container, runs " + containers.size());
    }
    return containers.get(0);
  }

  /** The container's startup, readiness and liveness probes, those it has. */
  List<JsonNode> probes() {
    JsonNode container = container();
    return Stream.of("startupProbe", "readinessProbe", "livenessProbe")
        .map(container::path)
        .filter(probe -> !probe.isMissingNode())
        .toList();
  }

  /** The paths the probes GET, e.g. {@code /health/ready}. */
  public List<String> probePaths() {
    return probes().stream().map(probe -> probe.path("httpGet").path("path").asString()).toList();
  }

  /**
   * The container's environment: the ConfigMaps of {@code envFrom}, then {@code env}, which wins. A
   * literal variable maps to its text node, one from a Secret (or another source) to its {@code
   * valueFrom}.
   */
  Map<String, JsonNode> environment() {
    Map<String, JsonNode> environment = new LinkedHashMap<>();
    for (JsonNode source : container().path("envFrom")) {
      JsonNode configMap = source.path("configMapRef");
      if (!configMap.isMissingNode()) {
        named("ConfigMap", configMap.path("name").asString())
            .path("data")
            .properties()
            .forEach(entry -> environment.put(entry.getKey(), entry.getValue()));
      }
    }
    for (JsonNode variable : container().path("env")) {
      environment.put(
          variable.path("name").asString(),
          variable.has("valueFrom") ? variable.path("valueFrom") : variable.path("value"));
    }
    return environment;
  }

  /** The literal variables of {@link #environment()}, as text. */
  Map<String, String> literalEnvironment() {
    Map<String, String> literal = new LinkedHashMap<>();
    environment()
        .forEach(
            (name, value) -> {
              if (value.isValueNode()) {
                literal.put(name, value.asString());
              }
            });
    return literal;
  }

  /**
   * The files that ConfigMap volumes put into the container, by absolute path: a mount with a
   * {@code subPath} is that key's file, one without holds every key of the ConfigMap.
   */
  Map<String, String> mountedFiles() {
    JsonNode pod = deployment().path("spec").path("template").path("spec");
    Map<String, String> files = new LinkedHashMap<>();
    for (JsonNode mount : container().path("volumeMounts")) {
      String volumeName = mount.path("name").asString();
      for (JsonNode volume : pod.path("volumes")) {
        if (volumeName.equals(volume.path("name").asString()) && volume.has("configMap")) {
          JsonNode data =
              named("ConfigMap", volume.path("configMap").path("name").asString()).path("data");
          String path = mount.path("mountPath").asString();
          if (mount.has("subPath")) {
            files.put(path, data.path(mount.path("subPath").asString()).asString());
          } else {
            data.properties()
                .forEach(
                    entry -> files.put(path + "/" + entry.getKey(), entry.getValue().asString()));
          }
        }
      }
    }
    return files;
  }
}
