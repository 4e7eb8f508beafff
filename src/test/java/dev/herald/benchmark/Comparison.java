package dev.herald.benchmark;

/** Herald's path against the plain Kafka client doing the same work, in the same run. */
record Comparison(Throughput herald, Throughput plain) {

  double ratio() {
    return plain.perSecond() > 0 ? herald.perSecond() / plain.perSecond() : 0;
  }
}
