package dev.herald.routing;

/** The records of a batch that fall to one lane, in the batch's order. */
final class ChunkJob implements Job {

  private final ChannelFlow flow;
  private final Batch batch;
  private final int[] indexes;
  private final Runnable whenDone;
  private int position;
  private int current = -1;

  ChunkJob(ChannelFlow flow, Batch batch, int[] indexes, Runnable whenDone) {
    this.flow = flow;
    this.batch = batch;
    this.indexes = indexes;
    this.whenDone = whenDone;
  }

  @Override
  public Dispatch next() {
    while (position < indexes.length) {
      current = indexes[position++];
      if (flow.stopped() || batch.revoked(current)) {
        batch.abandon(current);
        continue;
      }
      Dispatch dispatch = flow.start(batch, current);
      if (dispatch != null) {
        return dispatch;
      }
    }
    if (current != Integer.MIN_VALUE) {
      current = Integer.MIN_VALUE;
      whenDone.run();
    }
    return null;
  }

  @Override
  public void finished(Dispatch dispatch) {
    flow.finish(batch, current, dispatch);
  }

  @Override
  public void interrupted(Dispatch dispatch) {
    batch.abandon(current);
  }

  @Override
  public boolean handedOver() {
    return batch.revoked(current);
  }
}
