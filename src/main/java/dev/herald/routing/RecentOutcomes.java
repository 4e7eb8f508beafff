package dev.herald.routing;

import dev.herald.api.EventOutcome;
import dev.herald.config.ConsumeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The outcomes of the most recently handled events, by event id; bounded, oldest dropped first. */
@ApplicationScoped
public class RecentOutcomes {

  @Inject ConsumeSettings settings;

  int retained = ConsumeSettings.defaults().outcomesRetained();

  @PostConstruct
  void init() {
    retained = settings.outcomesRetained();
  }

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
