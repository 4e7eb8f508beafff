package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** There is no Docker engine in CI: these checks keep the Dockerfile and compose file honest. */
class DockerfileTest {

  private static final Pattern PINNED =
      Pattern.compile("[^:@\\s]+(:[^\\s]*\\d[^\\s]*|@sha256:\\w+)");

  @Test
  void everyCopySourceExists() throws IOException {
    List<String> copies =
        Files.readAllLines(Path.of("Dockerfile")).stream()
            .map(String::trim)
            .filter(line -> line.startsWith("COPY ") && !line.contains("--from="))
            .toList();

    assertThat(copies).isNotEmpty();
    for (String copy : copies) {
      List<String> parts =
          Arrays.stream(copy.split("\\s+")).skip(1).filter(p -> !p.startsWith("--")).toList();
      for (String source : parts.subList(0, parts.size() - 1)) {
        assertThat(Path.of(source)).as("COPY source in: " + copy).exists();
      }
    }
  }

  @Test
  void everyBaseImageIsPinnedToAVersion() throws IOException {
    List<String> images =
        Files.readAllLines(Path.of("Dockerfile")).stream()
            .map(String::trim)
            .filter(line -> line.startsWith("FROM "))
            .map(line -> line.split("\\s+")[1])
            .toList();

    assertThat(images).hasSize(2);
    assertThat(images)
        .allSatisfy(image -> assertThat(image).matches(PINNED).doesNotEndWith(":latest"));
    assertThat(images.get(1)).startsWith("icr.io/appcafe/open-liberty:").contains("kernel-slim");
  }

  @Test
  void finalStageInstallsOnlyTheServerFeaturesAndConfigures() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));

    assertThat(dockerfile).contains("RUN features.sh").contains("RUN configure.sh");
    assertThat(dockerfile.indexOf("server.xml /config/server.xml"))
        .isLessThan(dockerfile.indexOf("RUN features.sh"));
  }

  @Test
  void composeImagesArePinned() throws IOException {
    Matcher images =
        Pattern.compile("image:\\s*(\\S+)")
            .matcher(Files.readString(Path.of("docker-compose.yml")));
    int count = 0;
    while (images.find()) {
      assertThat(images.group(1)).matches(PINNED);
      count++;
    }
    assertThat(count).isPositive();
  }
}
