package dev.herald.benchmark.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The runs of a backlog are its last windows, timed from mark to mark. */
class MarksTest {

  @Test
  void theLastWindowsOfABacklogAreItsRunsAndTheRestWarmsUp() {
    Marks marks = Marks.lastWindows(1_000, 3, 300);

    for (long count = 1; count <= 1_000; count++) {
      marks.reached(count, count * 10);
    }

    assertThat(marks.windows())
        .containsExactly(
            new Timing(300, 3_000, 0), new Timing(300, 3_000, 0), new Timing(300, 3_000, 0));
  }

  @Test
  void aCountThatJumpsReachesEveryMarkItPassed() {
    Marks marks = Marks.lastWindows(200, 3, 50);

    marks.reached(40, 1);
    marks.reached(120, 2);
    marks.reached(200, 5);

    assertThat(marks.windows())
        .containsExactly(new Timing(50, 0, 0), new Timing(50, 3, 0), new Timing(50, 0, 0));
  }

  @Test
  void onlyCompletedWindowsCountAndABacklogTooSmallGetsTheWindowsThatFit() {
    Marks stalled = Marks.lastWindows(1_000, 3, 300);
    for (long count = 1; count <= 750; count++) {
      stalled.reached(count, count);
    }
    Marks small = Marks.lastWindows(600, 3, 300);
    small.reached(600, 7);

    assertThat(stalled.windows()).hasSize(2);
    assertThat(small.windows()).containsExactly(new Timing(300, 0, 0));
    assertThat(Marks.none().windows()).isEmpty();
  }
}
