package dev.herald.metrics;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * A {@link MetricRegistry} that only records what is registered: gauges (read on demand) and timers
 * (their updates), by {@code name{tag=value,...}}. Registering one twice fails, as a duplicate
 * gauge would be a bug.
 */
final class RecordingRegistry {

  final Map<String, Supplier<Number>> gauges = new TreeMap<>();
  final Map<String, List<Duration>> timers = new TreeMap<>();
  final MetricRegistry registry =
      (MetricRegistry)
          Proxy.newProxyInstance(
              MetricRegistry.class.getClassLoader(),
              new Class<?>[] {MetricRegistry.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "gauge" -> gauge(args);
                    case "timer" -> timer(args);
                    default -> throw new UnsupportedOperationException(method.toString());
                  });

  @SuppressWarnings("unchecked")
  private Object gauge(Object[] args) {
    Object source = args[1];
    Function<Object, Number> function = (Function<Object, Number>) args[2];
    String id = id((Metadata) args[0], (Tag[]) args[3]);
    if (gauges.putIfAbsent(id, () -> function.apply(source)) != null) {
      throw new IllegalStateException("gauge registered twice: " + id);
    }
    return null;
  }

  private Object timer(Object[] args) {
    String id = id((Metadata) args[0], (Tag[]) args[1]);
    if (timers.putIfAbsent(id, new CopyOnWriteArrayList<>()) != null) {
      throw new IllegalStateException("timer registered twice: " + id);
    }
    List<Duration> updates = timers.get(id);
    return Proxy.newProxyInstance(
        Timer.class.getClassLoader(),
        new Class<?>[] {Timer.class},
        (proxy, method, timerArgs) -> {
          switch (method.getName()) {
            case "update" -> {
              updates.add((Duration) timerArgs[0]);
              return null;
            }
            case "getCount" -> {
              return (long) updates.size();
            }
            case "getElapsedTime" -> {
              return updates.stream().reduce(Duration.ZERO, Duration::plus);
            }
            default -> {}
          }
          throw new UnsupportedOperationException(method.toString());
        });
  }

  private static String id(Metadata metadata, Tag[] tags) {
    return metadata.getName()
        + Arrays.stream(tags)
            .map(tag -> tag.getTagName() + "=" + tag.getTagValue())
            .collect(Collectors.joining(",", "{", "}"));
  }

  double gauge(String id) {
    Supplier<Number> gauge = gauges.get(id);
    if (gauge == null) {
      throw new AssertionError("no gauge " + id + " among " + gauges.keySet());
    }
    return gauge.get().doubleValue();
  }
}
