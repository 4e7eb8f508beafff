package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.EffectJournal.Effect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the scale-out tests read from a journal, shown on journals that break each check. */
class EffectJournalTest {

  private static String key(String id) {
    return "k" + (Long.parseLong(id.substring(1)) % 2);
  }

  private static long sequence(String id) {
    return Long.parseLong(id.substring(1));
  }

  @Test
  void aKeyWhoseLaterEventWasAppliedFirstIsOutOfOrderWhateverTheServer() {
    EffectJournal journal =
        new EffectJournal(
            List.of(
                new Effect("e0", "a", 1),
                new Effect("e1", "a", 2),
                new Effect("e4", "a", 3),
                new Effect("e2", "b", 4),
                new Effect("e3", "b", 5),
                new Effect("e5", "b", 6)));

    assertThat(journal.outOfOrder(EffectJournalTest::key, EffectJournalTest::sequence))
        .containsExactly("e2 after e4");
    assertThat(journal.byServer()).isEqualTo(Map.of("a", 3L, "b", 3L));
  }

  @Test
  void repeatsGapsAndPrefixesAreCounted() {
    EffectJournal journal =
        new EffectJournal(
            List.of(
                new Effect("e0", "a", 100),
                new Effect("e2", "a", 150),
                new Effect("x1", "b", 160),
                new Effect("e2", "b", 900),
                new Effect("e4", "a", 1_000)));

    assertThat(journal.repeated()).containsExactly("e2");
    assertThat(journal.of("e").distinct()).isEqualTo(3);
    assertThat(journal.longestGap(e -> e.server().equals("a"), 0, 2_000)).isEqualTo(850);
    assertThat(journal.longestGap(e -> e.server().equals("a"), 0, 500)).isEqualTo(50);
    assertThat(journal.outOfOrder(EffectJournalTest::key, EffectJournalTest::sequence)).isEmpty();
  }
}
