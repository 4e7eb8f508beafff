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

  /** The dispatch returned last was cut short by the stop: its record stays uncommitted. */
  void interrupted(Dispatch dispatch);
}
