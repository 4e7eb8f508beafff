package dev.herald.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelStatesTest {

  private static final String TOPIC = "herald-channel-states";
  private static final String A = "chat-message-received";
  private static final String B = "system-error";

  private final Channels channels = new Channels(List.of(A, B));
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger log = Logger.getLogger(ChannelStates.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    log.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(capture);
  }

  @Test
  void untilTheTopicWasReadEveryChannelStaysPausedThenRunsUnlessTheTopicSaysPaused() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);

    states.followed(A, json(true), 0, 0);

    assertThat(channels.paused).containsExactlyInAnyOrder(A, B);
    assertThat(channels.changes).isEmpty();
    states.loaded();
    assertThat(channels.paused).containsExactly(A);
    assertThat(states.isLoaded()).isTrue();
  }

  @Test
  void recordsReadBeforeTheEndAreAppliedOnlyAsTheNewestSoAnOldResumeNeverLetsAChannelRun() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);

    states.followed(A, json(false), 0, 3);
    states.followed(A, json(true), 0, 7);
    states.loaded();

    assertThat(channels.paused).containsExactly(A);
    assertThat(channels.changes).as("A was never resumed").containsExactly("resume " + B);
  }

  @Test
  void afterTheEndEachFollowedRecordIsAppliedAsItComes() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();

    states.followed(B, json(true), 0, 1);
    assertThat(channels.paused).containsExactly(B);
    states.followed(B, json(false), 0, 2);
    assertThat(channels.paused).isEmpty();
  }

  @Test
  void pausingAPausedChannelChangesNothing() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();
    states.followed(A, json(true), 0, 1);
    channels.changes.clear();

    states.followed(A, json(true), 0, 2);

    assertThat(channels.changes).isEmpty();
    assertThat(channels.paused).containsExactly(A);
  }

  @Test
  void ownWriteIsAppliedAtOnceAndItsOwnRecordReadLaterChangesNothing() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();

    states.written(A, new PauseState(true, Instant.now(), "operator"), 0, 10);
    assertThat(channels.paused).containsExactly(A);
    channels.changes.clear();

    states.followed(A, json(true), 0, 10);
    assertThat(channels.changes).isEmpty();
  }

  @Test
  void anOlderRecordOfAnotherServerReadAfterOwnWriteDoesNotUndoIt() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();

    states.written(A, new PauseState(true, Instant.now(), "operator"), 0, 10);
    states.followed(A, json(false), 0, 9);

    assertThat(channels.paused).containsExactly(A);
  }

  @Test
  void aNewerRecordOfAnotherServerWinsOverOwnWrite() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();

    states.written(A, new PauseState(true, Instant.now(), "operator"), 0, 10);
    states.followed(A, json(false), 0, 11);

    assertThat(channels.paused).isEmpty();
  }

  @Test
  void ownWriteLandsAfterANewerRecordWasReadSoItIsNotApplied() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();
    states.followed(A, json(false), 0, 11);

    states.written(A, new PauseState(true, Instant.now(), "operator"), 0, 10);

    assertThat(channels.paused).isEmpty();
  }

  @Test
  void ownWriteBeforeTheTopicWasReadIsAppliedAtOnceAndKeptAtTheEnd() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);

    states.written(A, new PauseState(false, Instant.now(), "operator"), 0, 5);
    assertThat(channels.paused).containsExactly(B);
    states.followed(A, json(true), 0, 4);
    states.loaded();

    assertThat(channels.paused).isEmpty();
  }

  @Test
  void aMalformedRecordIsSkippedWithAWarning() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();

    states.followed(A, "not json".getBytes(StandardCharsets.UTF_8), 0, 1);
    states.followed(A, "{\"paused\":\"yes\"}".getBytes(StandardCharsets.UTF_8), 0, 2);
    states.followed(A, "{\"paused\":true,\"at\":\"noon\"}".getBytes(StandardCharsets.UTF_8), 0, 3);

    assertThat(channels.paused).isEmpty();
    assertThat(warnings).hasSize(3);
    assertThat(warnings.get(1).getMessage())
        .contains(TOPIC + "-0@2")
        .contains(A)
        .contains("\"paused\"");
  }

  @Test
  void aMalformedRecordDoesNotHideTheLastGoodOne() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);

    states.followed(A, json(true), 0, 1);
    states.followed(A, "[]".getBytes(StandardCharsets.UTF_8), 0, 2);
    states.loaded();

    assertThat(channels.paused).containsExactly(A);
  }

  @Test
  void aRecordOfAnUnknownChannelIsIgnoredWithAWarning() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();

    states.followed("no-such-channel", json(true), 0, 1);
    states.followed(null, json(true), 0, 2);

    assertThat(channels.paused).isEmpty();
    assertThat(channels.changes).containsExactlyInAnyOrder("resume " + A, "resume " + B);
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0).getMessage()).contains("no-such-channel").contains(A);
  }

  @Test
  void aTombstoneResumes() {
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();
    states.followed(A, json(true), 0, 1);

    states.followed(A, null, 0, 2);

    assertThat(channels.paused).isEmpty();
  }

  @Test
  void aChannelItsOwnConfigurationStartsPausedStaysPausedUntilAResumeIsRecordedAfterTheStart() {
    ChannelStates states = new ChannelStates(channels, Set.of(A), TOPIC);

    states.followed(A, json(false), 0, 1);
    states.loaded();
    assertThat(channels.paused).containsExactly(A);

    states.followed(A, json(false), 0, 2);
    assertThat(channels.paused).isEmpty();
  }

  @Test
  void aChannelThatIsNotPausableIsLeftAloneAndAPauseOfItIsAWarning() {
    channels.notPausable.add(B);
    channels.paused.remove(B);
    ChannelStates states = new ChannelStates(channels, Set.of(), TOPIC);
    states.loaded();

    states.followed(B, json(true), 0, 1);

    assertThat(channels.changes).containsExactly("resume " + A);
    assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage()).contains(B));
  }

  @Test
  void aStateIsWrittenAsJsonAndReadBack() {
    PauseState state = new PauseState(true, Instant.parse("2026-12-02T09:00:00Z"), "operator");

    assertThat(new String(state.toJson(), StandardCharsets.UTF_8))
        .isEqualTo("{\"paused\":true,\"at\":\"2026-12-02T09:00:00Z\",\"by\":\"operator\"}");
    assertThat(PauseState.fromJson(state.toJson())).isEqualTo(state);
    assertThat(PauseState.fromJson("{\"paused\":false}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new PauseState(false, null, null));
  }

  private static byte[] json(boolean paused) {
    return new PauseState(paused, Instant.parse("2026-12-02T09:00:00Z"), "elsewhere").toJson();
  }

  /** Channels as SmallRye starts them with initially-paused: all paused. */
  private static final class Channels implements ChannelStates.Switches {
    final List<String> names;
    final Set<String> paused = new TreeSet<>();
    final Set<String> notPausable = new HashSet<>();
    final List<String> changes = new ArrayList<>();

    Channels(List<String> names) {
      this.names = names;
      paused.addAll(names);
    }

    @Override
    public List<String> names() {
      return names;
    }

    @Override
    public boolean pausable(String channel) {
      return !notPausable.contains(channel);
    }

    @Override
    public boolean isPaused(String channel) {
      return paused.contains(channel);
    }

    @Override
    public boolean pause(String channel) {
      check(channel);
      if (paused.add(channel)) {
        changes.add("pause " + channel);
        return true;
      }
      return false;
    }

    @Override
    public boolean resume(String channel) {
      check(channel);
      if (paused.remove(channel)) {
        changes.add("resume " + channel);
        return true;
      }
      return false;
    }

    private void check(String channel) {
      if (notPausable.contains(channel)) {
        throw new IllegalStateException("Channel '" + channel + "' cannot be paused");
      }
    }
  }
}
