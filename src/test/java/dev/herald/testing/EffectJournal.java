package dev.herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The effects {@link EffectCounter} journaled on several servers ({@code <id> <server> <millis>}
 * per line, in the order they were applied), and what the scale-out tests read from them.
 */
public final class EffectJournal {

  /** One effect: which event, on which server, when. */
  public record Effect(String id, String server, long at) {}

  private final List<Effect> effects;

  public EffectJournal(List<Effect> effects) {
    this.effects = List.copyOf(effects);
  }

  /** The journal's lines so far; none when it does not exist yet. */
  public static EffectJournal read(Path journal) {
    if (!Files.exists(journal)) {
      return new EffectJournal(List.of());
    }
    try {
      List<Effect> effects = new ArrayList<>();
      for (String line : Files.readAllLines(journal)) {
        String[] parts = line.split(" ");
        if (parts.length == 3) { // a line being written has fewer parts
          effects.add(new Effect(parts[0], parts[1], Long.parseLong(parts[2])));
        }
      }
      return new EffectJournal(effects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Effect> effects() {
    return effects;
  }

  /** The effects whose event id starts with {@code prefix}. */
  public EffectJournal of(String prefix) {
    return new EffectJournal(effects.stream().filter(e -> e.id().startsWith(prefix)).toList());
  }

  public long distinct() {
    return effects.stream().map(Effect::id).distinct().count();
  }

  /** How many effects each server applied. */
  public Map<String, Long> byServer() {
    Map<String, Long> counts = new LinkedHashMap<>();
    effects.forEach(e -> counts.merge(e.server(), 1L, Long::sum));
    return counts;
  }

  public long count(String server) {
    return byServer().getOrDefault(server, 0L);
  }

  /** The event ids applied more than once. */
  public List<String> repeated() {
    Map<String, Integer> seen = new HashMap<>();
    effects.forEach(e -> seen.merge(e.id(), 1, Integer::sum));
    return seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
  }

  /**
   * Effects that came after a later event of the same key, as "{@code id after id}": empty when
   * every key's events were applied in their sequence order, whichever server applied them.
   */
  public List<String> outOfOrder(Function<String, String> keyOf, ToLongFunction<String> sequence) {
    Map<String, Effect> lastOfKey = new HashMap<>();
    List<String> violations = new ArrayList<>();
    for (Effect effect : effects) {
      Effect last = lastOfKey.put(keyOf.apply(effect.id()), effect);
      if (last != null && sequence.applyAsLong(last.id()) > sequence.applyAsLong(effect.id())) {
        violations.add(effect.id() + " after " + last.id());
      }
    }
    return violations;
  }

  /**
   * The longest time between two consecutive effects that {@code among} selects (one server's on
   * one partition, say) within [{@code from}, {@code to}] epoch milliseconds; 0 with fewer than
   * two.
   */
  public long longestGap(Predicate<Effect> among, long from, long to) {
    long longest = 0;
    long previous = -1;
    for (Effect effect : effects) {
      if (!among.test(effect) || effect.at() < from || effect.at() > to) {
        continue;
      }
      if (previous >= 0) {
        longest = Math.max(longest, effect.at() - previous);
      }
      previous = effect.at();
    }
    return longest;
  }
}
