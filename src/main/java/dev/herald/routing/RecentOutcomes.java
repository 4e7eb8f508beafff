package dev.herald.routing;

import dev.herald.api.EventOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The outcomes of the most recently handled events, by event id; bounded, oldest dropped first. */
@ApplicationScoped
public class RecentOutcomes {

  @Inject
  @ConfigProperty(name = "herald.outcomes.retained", defaultValue = "10000")
  int retained;

  private final Map<String, EventOutcome> outcomes =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EventOutcome> eldest) {
          return size() > retained;
        }
      };

  public synchronized void record(EventOutcome outcome) {
    outcomes.put(outcome.id(), outcome);
  }

  public synchronized Optional<EventOutcome> find(String id) {
    return Optional.ofNullable(outcomes.get(id));
  }
}
