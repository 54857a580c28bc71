import DataLoader from "dataloader";

/**
 * Coalesces one kind of statement across concurrent callers: while a batch is running, the calls
 * that arrive wait and then go together as the next batch. An idle database answers a lone call
 * after one turn of the event loop; a busy one gets fewer, larger statements the busier it is, which
 * is what a reconnect storm needs (issue 23: thousands of upgrades and room loads at once, each
 * statement costing far more in fixed overhead than in rows). DataLoader does the collecting;
 * this decides when a batch leaves and keeps nothing cached: every call reads the database.
 */
export function statementBatcher<K, V>(run: (keys: readonly K[]) => Promise<V[]>, options: { maxBatchSize: number }): (key: K) => Promise<V> {
  let running: Promise<unknown> | null = null;
  const loader = new DataLoader<K, V>(
    (keys) => {
      const batch = run(keys);
      const settled = batch.then(
        () => undefined,
        () => undefined,
      );
      running = settled;
      void settled.then(() => {
        if (running === settled) running = null;
      });
      return batch;
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize,
      batchScheduleFn: (dispatch) => {
        if (running) void running.then(() => setImmediate(dispatch));
        else setImmediate(dispatch);
      },
    },
  );
  return (key) => loader.load(key);
}
