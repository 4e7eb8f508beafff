package dev.herald.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedriveTest {

  @Test
  void aMarkSurvivesItsJson() {
    Redrive mark = new Redrive("2026-12-01T10:00:00.123Z", "system.error.v1", 2, 77, "redrive-1");
    assertThat(Redrive.fromJson(mark.toJson())).isEqualTo(mark);
  }

  @Test
  void aMarkOfASingleRedriveHasNoTask() {
    Redrive mark = new Redrive("2026-12-01T10:00:00Z", "system.error.v1", 0, 1, null);
    assertThat(new String(mark.toJson(), StandardCharsets.UTF_8)).doesNotContain("task");
    assertThat(Redrive.fromJson(mark.toJson())).isEqualTo(mark);
  }

  @Test
  void aValueThatIsNotAMarkIsIgnored() {
    assertThat(Redrive.fromJson("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(Redrive.fromJson("{\"at\":1}".getBytes(StandardCharsets.UTF_8))).isNull();
  }
}
