package dev.herald.schemas;

import dev.herald.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * Where the catalog's files live: {@code <type>/v<N>.json} (the schema of version N) and {@code
 * <type>/v<N>.upcast.json} (how data of version N-1 becomes version N), under a classpath folder or
 * a directory ({@code herald.schemas.location}: {@code classpath:schemas} or a path).
 */
public interface SchemaSource {

  /** The parsed file, or null when it does not exist. */
  JsonNode read(String type, String file);

  /** Where a file would be, for messages. */
  String describe(String type, String file);

  static SchemaSource of(String location) {
    if (location.startsWith("classpath:")) {
      return classpath(location.substring("classpath:".length()));
    }
    return directory(Path.of(location.startsWith("file:") ? location.substring(5) : location));
  }

  static SchemaSource classpath(String folder) {
    String base = folder.endsWith("/") ? folder : folder + "/";
    return new SchemaSource() {
      @Override
      public JsonNode read(String type, String file) {
        String resource = base + type + "/" + file;
        try (InputStream in = SchemaSource.class.getClassLoader().getResourceAsStream(resource)) {
          return in == null ? null : Json.parse(in.readAllBytes(), resource);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + resource, e);
        }
      }

      @Override
      public String describe(String type, String file) {
        return "classpath:" + base + type + "/" + file;
      }
    };
  }

  static SchemaSource directory(Path root) {
    return new SchemaSource() {
      @Override
      public JsonNode read(String type, String file) {
        Path path = root.resolve(type).resolve(file);
        try {
          return Files.exists(path) ? Json.parse(Files.readAllBytes(path), path.toString()) : null;
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + path, e);
        }
      }

      @Override
      public String describe(String type, String file) {
        return root.resolve(type).resolve(file).toString();
      }
    };
  }
}
