import { availableParallelism } from "node:os";
import { expect, it } from "vitest";
import { HashGate, HashGateBusy } from "../../server/auth/hash-gate";
import { hashPassword, passwordHashGate, verifyPassword } from "../../server/auth/password";

it("never runs more argon2id hashes at once than there are cores, however many are asked for", async () => {
  const cores = Math.max(1, availableParallelism());
  expect(passwordHashGate.running).toBe(cores);
  // As many as the queue takes: every one is hashed, in turns.
  const burst = passwordHashGate.running + passwordHashGate.waiting;
  let observedPeak = 0;
  const sampler = setInterval(() => (observedPeak = Math.max(observedPeak, passwordHashGate.stats().active)), 1);
  const hashes = await Promise.all(Array.from({ length: burst }, (_, i) => hashPassword(`password number ${i}`)));
  clearInterval(sampler);
  expect(hashes).toHaveLength(burst);
  expect(await verifyPassword(hashes[3]!, "password number 3")).toBe(true);
  expect(passwordHashGate.stats().peak).toBe(cores);
  expect(observedPeak).toBeLessThanOrEqual(cores);
  expect(passwordHashGate.stats()).toMatchObject({ active: 0, queued: 0 });
});

it("queues up to its bound, refuses beyond it, and hands each freed slot to the next in line", async () => {
  const gate = new HashGate(2, 3);
  const releases: Array<() => void> = [];
  let running = 0;
  let peak = 0;
  const job = () =>
    gate.run(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((done) => releases.push(done));
      running--;
    });
  const accepted = Array.from({ length: 5 }, job);
  await new Promise((resolve) => setImmediate(resolve));
  expect(gate.stats()).toMatchObject({ active: 2, queued: 3 });
  await expect(job()).rejects.toBeInstanceOf(HashGateBusy);
  // Finish jobs one at a time: the queue drains, never more than two running.
  while (releases.length > 0 || gate.stats().active > 0) {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(accepted);
  expect(peak).toBe(2);
  expect(gate.stats()).toMatchObject({ active: 0, queued: 0, peak: 2 });
});
