package dev.herald.benchmark.server;

import io.smallrye.reactive.messaging.kafka.KafkaConnector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.AppInfoParser;

/** What the server runs on and with: JVM, its options, library versions. */
final class ServerFacts {

  private ServerFacts() {}

  static Map<String, Object> collect() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    facts.put(
        "jvmOptions",
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(argument -> argument.startsWith("-X") || argument.startsWith("-D"))
            .toList());
    facts.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    facts.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    facts.put(
        "gc",
        ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
    facts.put("openLiberty", liberty());
    facts.put("kafkaClients", AppInfoParser.getVersion());
    facts.put("smallryeReactiveMessaging", smallrye());
    return facts;
  }

  private static String liberty() {
    Path file =
        Path.of(System.getProperty("wlp.install.dir", "."), "lib/versions/openliberty.properties");
    try (InputStream in = Files.newInputStream(file)) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("com.ibm.websphere.productVersion", "unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String smallrye() {
    String pom =
        "/META-INF/maven/io.smallrye.reactive/smallrye-reactive-messaging-kafka/pom.properties";
    try (InputStream in = KafkaConnector.class.getResourceAsStream(pom)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
