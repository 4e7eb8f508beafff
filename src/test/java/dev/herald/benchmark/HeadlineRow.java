package dev.herald.benchmark;

/**
 * One line of the headline table: a Herald figure, what it is compared with in the same run, and
 * the target it must meet, if any.
 *
 * @param herald Herald's figure; empty on a further comparison of the same figure
 * @param baseline what Herald is compared with; empty for an absolute figure
 * @param ratio Herald's median over the baseline's; for latency, Herald's p99 over the baseline's
 * @param target the rule, empty when this line has none
 * @param met whether this run met the target; {@code null} when it has none or did not measure it
 */
record HeadlineRow(
    String scenario,
    String herald,
    String baseline,
    String baselineFigure,
    String ratio,
    String target,
    Boolean met) {

  boolean hasTarget() {
    return !target.isEmpty();
  }
}
