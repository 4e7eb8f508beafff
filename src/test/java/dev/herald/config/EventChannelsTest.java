package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventChannelsTest {

  private static final List<String> HERALD = List.of("chat.message.received", "system.error");

  private static List<String> listed(Map<String, List<String>> config) {
    return EventChannels.listedTypes(
        HERALD, config.keySet(), key -> config.getOrDefault(key, List.of()));
  }

  @Test
  void heraldsOwnTypesComeAloneWhenNothingIsAdded() {
    assertThat(listed(Map.of("herald.event-types", HERALD, "herald.topics.prefix", List.of("x."))))
        .containsExactly("chat.message.received", "system.error");
  }

  @Test
  void typesAddedUnderNamedKeysFollowHeraldsInTheOrderOfTheNames() {
    Map<String, List<String>> config = new LinkedHashMap<>();
    config.put("herald.event-types.zoo", List.of("zoo.animal.fed"));
    config.put("herald.event-types", HERALD);
    config.put("herald.event-types.chat-archive", List.of("chat.transcript.archived", " a.b.c "));

    assertThat(listed(config))
        .containsExactly(
            "chat.message.received",
            "system.error",
            "chat.transcript.archived",
            "a.b.c",
            "zoo.animal.fed");
  }

  @Test
  void aTypeListedTwiceIsCarriedOnce() {
    Map<String, List<String>> config =
        Map.of(
            "herald.event-types.mine", List.of("system.error", "my.thing.happened", ""),
            "herald.event-types.other", List.of("my.thing.happened"));

    assertThat(listed(config))
        .containsExactly("chat.message.received", "system.error", "my.thing.happened");
  }

  @Test
  void keysThatOnlyStartLikeTheListAreIgnored() {
    assertThat(
            listed(
                Map.of(
                    "herald.event-types.", List.of("x.y"), "herald.event-typesx", List.of("a.b"))))
        .containsExactly("chat.message.received", "system.error");
  }
}
