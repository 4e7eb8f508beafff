package dev.herald.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a stream starts reading each partition, and the resets to tell first.
 *
 * <ul>
 *   <li>A fresh stream (no position) starts at the end of every partition, as it is when it opens.
 *   <li>A resumed stream starts each partition at the position's offset; one whose records from
 *       there were deleted starts at its first offset, after a {@link Reset}.
 *   <li>A partition the position lacks, of a topic it reads, was added since: read from its
 *       beginning. A topic the position does not read at all (the client asks for more types than
 *       before) starts at its end, as in a fresh stream.
 * </ul>
 *
 * An offset beyond a partition's end is left to the broker, which answers it is out of range when
 * the log does not reach it (a recreated topic): the stream then resets that partition as it reads.
 *
 * @param next the next offset to read of every partition, the stream's first position
 * @param resets the partitions whose requested records are gone, for the {@code reset} event
 */
record StartPositions(SortedMap<TopicPartition, Long> next, List<Reset> resets) {

  static StartPositions resolve(
      Position from, Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
    SortedMap<TopicPartition, Long> next = new TreeMap<>(Position.ORDER);
    List<Reset> resets = new ArrayList<>();
    for (Map.Entry<TopicPartition, Long> last : end.entrySet()) {
      TopicPartition partition = last.getKey();
      long first = beginning.getOrDefault(partition, 0L);
      if (from == null || !from.reads(partition.topic())) {
        next.put(partition, last.getValue());
        continue;
      }
      Long requested = from.offset(partition);
      if (requested == null) {
        next.put(partition, first);
      } else if (requested < first) {
        resets.add(Reset.outOfRange(partition, requested, first));
        next.put(partition, first);
      } else {
        next.put(partition, requested);
      }
    }
    resets.sort((a, b) -> Position.ORDER.compare(a.partition(), b.partition()));
    return new StartPositions(next, List.copyOf(resets));
  }
}
