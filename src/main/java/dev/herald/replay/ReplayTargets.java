package dev.herald.replay;

import dev.herald.api.EventHandler;
import dev.herald.config.ConsumeSettings;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the handlers of a replay among the enabled ones: those named, each of which must exist
 * and be {@link EventHandler#replayable replayable}; or, when none is named, every replayable one
 * (each still gets only the events it accepts).
 */
final class ReplayTargets {

  private ReplayTargets() {}

  static Set<String> choose(List<EventHandler> enabled, List<String> named) {
    Map<String, EventHandler> byName = new LinkedHashMap<>();
    enabled.forEach(handler -> byName.putIfAbsent(handler.name(), handler));
    Set<String> chosen = new LinkedHashSet<>();
    if (named.isEmpty()) {
      byName.forEach(
          (name, handler) -> {
            if (handler.replayable()) {
              chosen.add(name);
            }
          });
      return chosen;
    }
    for (String name : named) {
      EventHandler handler = byName.get(name);
      if (handler == null) {
        throw new ReplayRefusedException(
            ReplayRefusedException.Reason.NOT_FOUND,
            "No handler named '"
                + name
                + "' (a disabled one is not called: "
                + ConsumeSettings.DISABLED_HANDLERS.key()
                + "); handlers: "
                + String.join(", ", byName.keySet()));
      }
      if (!handler.replayable()) {
        throw ReplayRefusedException.invalid(
            "Handler '"
                + name
                + "' does not take replayed events (its replayable() is false); name other"
                + " handlers");
      }
      chosen.add(name);
    }
    return chosen;
  }
}
