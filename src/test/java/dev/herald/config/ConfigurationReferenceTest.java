package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference lists every {@code herald.*} key the code reads, with the
 * code's default, and nothing else. Keys are read only through {@link Setting}s declared in this
 * package (ArchitectureTest keeps MicroProfile Config out of every other package).
 */
class ConfigurationReferenceTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`[^|]*\\| ([^|]*) \\|", 8);
  private static final Pattern HERALD_LITERAL = Pattern.compile("\"herald\\.[^\"]*\"");

  private static List<Setting> declared;
  private static Map<String, String> documented;

  @BeforeAll
  static void read() throws Exception {
    declared = new ArrayList<>();
    for (var javaClass :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.herald.config")) {
      for (Field field : Class.forName(javaClass.getName()).getDeclaredFields()) {
        if (field.getType() == Setting.class && Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          declared.add((Setting) field.get(null));
        }
      }
    }
    String readme = Files.readString(Path.of("README.md"));
    int from = readme.indexOf("\n## Configuration\n");
    int to = readme.indexOf("\n## ", from + 1);
    documented = new HashMap<>();
    Matcher rows = ROW.matcher(readme.substring(from, to));
    while (rows.find()) {
      documented.put(rows.group(1), rows.group(2).trim());
    }
  }

  @Test
  void everyKeyTheCodeReadsIsInTheReadmeWithItsDefault() {
    assertThat(declared).hasSizeGreaterThan(30);
    for (Setting setting : declared) {
      assertThat(documented).as("README configuration reference").containsKey(setting.name());
      String expected =
          setting.defaultValue() == null ? "(none)" : "`" + setting.defaultValue() + "`";
      assertThat(documented.get(setting.name())).as(setting.name()).startsWith(expected);
    }
  }

  @Test
  void theReadmeListsNoHeraldKeyTheCodeDoesNotRead() {
    List<String> names = declared.stream().map(Setting::name).toList();
    assertThat(documented.keySet().stream().filter(key -> key.startsWith("herald.")))
        .allMatch(names::contains, "declared in a *Settings class");
  }

  @Test
  void everyHeraldKeyLiteralOfTheConfigPackageIsASettingsName() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/herald/config"))) {
      for (Path file : files.toList()) {
        String source = Files.readString(file);
        Matcher literal = HERALD_LITERAL.matcher(source);
        while (literal.find()) {
          String before = source.substring(Math.max(0, literal.start() - 40), literal.start());
          assertThat(before.replaceAll("\\s+", ""))
              .as(file.getFileName() + ": " + literal.group() + " is read without a Setting")
              .endsWith("newSetting(");
        }
      }
    }
  }

  @Test
  void everyHeraldKeyOfTheShippedPropertiesIsDeclared() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      if (line.startsWith("herald.")) {
        String key = line.substring(0, line.indexOf('='));
        assertThat(declared).as(key).anyMatch(setting -> setting.matches(key));
      }
    }
  }
}
