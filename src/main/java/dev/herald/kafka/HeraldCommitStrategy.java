package dev.herald.kafka;

import dev.herald.config.ConsumeSettings;
import dev.herald.routing.ChannelOffsets;
import dev.herald.routing.Offsets;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;

/**
 * Herald's commit strategy ({@code commit-strategy=herald}, set for every channel in Herald's
 * configuration): commits what routing settled, per partition up to the first record not yet
 * settled, whatever order records of different keys finish in. SmallRye's own strategies cannot do
 * that in batch mode: they register only each partition's last record of a batch.
 */
@ApplicationScoped
@Identifier(HeraldCommitStrategy.NAME)
public class HeraldCommitStrategy implements KafkaCommitHandler.Factory {

  public static final String NAME = "herald";

  @Inject ChannelOffsets offsets;
  @Inject ConsumeSettings settings;

  @Override
  public KafkaCommitHandler create(
      KafkaConnectorIncomingConfiguration config,
      Vertx vertx,
      KafkaConsumer<?, ?> consumer,
      BiConsumer<Throwable, Boolean> reportFailure) {
    Offsets channel = offsets.forChannel(config.getChannel());
    channel.attach();
    return new SettledOffsetsCommit(
        config.getChannel(),
        channel,
        vertx,
        consumer,
        reportFailure,
        settings.commitIntervalMs(),
        config.getThrottledUnprocessedRecordMaxAgeMs(),
        settings.stopWaitMs(),
        settings.revokeWaitMs());
  }
}
