package dev.herald.metrics;

import dev.herald.config.EventChannel;
import dev.herald.control.ChannelControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Per-channel gauges of what operators did to the channels. */
@ApplicationScoped
public class ChannelMetrics {

  static final Metadata PAUSED =
      Metadata.builder()
          .withName("herald.channel.paused")
          .withDescription("1 while an operator has paused the channel, else 0")
          .build();

  @Inject ChannelControl control;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (EventChannel channel : control.channels()) {
      String name = channel.channel();
      registry.gauge(PAUSED, control, c -> c.isPaused(name) ? 1 : 0, new Tag("channel", name));
    }
  }
}
