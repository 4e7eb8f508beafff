package dev.herald.routing;

/**
 * Records a {@link Slot} works through one after the other: a chunk of a channel's batch, or one
 * event given to {@link EventManager#dispatch}.
 */
interface Job {

  /**
   * The next record's dispatch; null when the job has no more. A record that needs no handler call
   * (rejected, so dead-lettered) is dealt with inside and skipped.
   */
  Dispatch next();

  /** The dispatch returned last has called all its handlers. */
  void finished(Dispatch dispatch);

  /**
   * The dispatch returned last was cut short by the stop or a handover: its record stays
   * uncommitted.
   */
  void interrupted(Dispatch dispatch);

  /**
   * Whether the dispatch returned last may make no further handler call: its partition went to
   * another consumer of the group, which handles the record again.
   */
  default boolean handedOver() {
    return false;
  }
}
