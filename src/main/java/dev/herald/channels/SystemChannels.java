package dev.herald.channels;

import dev.herald.api.ChannelRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** System facts: health checks run, errors that occurred. */
@ApplicationScoped
public class SystemChannels {

  @Inject ChannelRouter router;

  @Incoming("system-health-check")
  public CompletionStage<Void> systemHealthCheck(Message<List<byte[]>> records) {
    return router.receive("system-health-check", records);
  }

  @Incoming("system-error")
  public CompletionStage<Void> systemError(Message<List<byte[]>> records) {
    return router.receive("system-error", records);
  }
}
