import { describe, expect, it } from "vitest";
import { statementBatcher } from "./batching";

/** A fake statement whose answers the test releases: what a busy database looks like to callers. */
function heldStatement() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const run = (keys: readonly number[]) => {
    batches.push([...keys]);
    return new Promise<number[]>((resolve) => releases.push(() => resolve(keys.map((k) => k * 10))));
  };
  return { run, batches, release: (i: number) => releases[i]!() };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("statementBatcher", () => {
  it("sends a lone call after one turn, and holds the calls that arrive while it runs for one next batch", async () => {
    const statement = heldStatement();
    const load = statementBatcher(statement.run, { maxBatchSize: 100 });
    const first = load(1);
    await turn();
    expect(statement.batches).toEqual([[1]]);
    const waiting = [load(2), load(3)];
    await turn();
    const later = load(4);
    await turn();
    // The database is still busy with [1]: nothing else has left.
    expect(statement.batches).toEqual([[1]]);
    statement.release(0);
    expect(await first).toBe(10);
    await turn();
    await turn();
    expect(statement.batches).toEqual([[1], [2, 3, 4]]);
    statement.release(1);
    expect(await Promise.all([...waiting, later])).toEqual([20, 30, 40]);
  });

  it("splits a batch at its maximum size and gives every caller of a failed batch the error", async () => {
    const batches: number[][] = [];
    const load = statementBatcher(
      async (keys: readonly number[]) => {
        batches.push([...keys]);
        if (keys.includes(3)) throw new Error("statement failed");
        return keys.map((k) => -k);
      },
      { maxBatchSize: 2 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(load));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([-1, -2, "statement failed", "statement failed", -5]);
  });
});
