import type { Duplex } from "node:stream";

/**
 * The frames a socket is sent during one turn of the event loop leave in one write (issue 23).
 *
 * Relaying is almost all `writev`: on loopback a write costs ~5–8 µs of kernel time whatever
 * its size, and a room of 50 sent each keystroke 49 of them. The first frame a socket is sent
 * in a turn corks it; every socket corked in the turn is uncorked once the turn's I/O callbacks
 * have run (setImmediate: the check phase, before the loop waits again), so everything it was
 * given leaves in one syscall. Nothing waits for a timer: an idle server writes a frame as soon
 * as the callback that produced it returns, and a busy one, which reads many updates per turn,
 * batches more the busier it is. In a room of 50 typing 16 keys/s each, CPU per delivered update
 * fell from 12.2 to 10.4 µs (bench/collab/fan-out.ts, SHAPE=2; decision 025).
 *
 * Holding a socket written less than 2 ms ago until that window ended took it to 7.4–8.6 µs,
 * but the browser's refused-edits test (test/e2e/trust.e2e.ts, a role lowered while offline)
 * then failed 4 times in 4 (the page never showed the refusal) and passes without it; until
 * that is understood the window stays out (decision 025).
 */
const heldThisTurn = new Set<Duplex>();
let turnEndScheduled = false;

/** Holds the socket's writes until the end of this turn of the event loop. */
export function holdWrites(transport: Duplex): void {
  if (heldThisTurn.has(transport)) return;
  transport.cork();
  heldThisTurn.add(transport);
  if (!turnEndScheduled) {
    turnEndScheduled = true;
    setImmediate(endOfTurn);
  }
}

function endOfTurn(): void {
  turnEndScheduled = false;
  // uncork() on a socket that ended or was destroyed meanwhile does nothing harmful.
  for (const transport of heldThisTurn) transport.uncork();
  heldThisTurn.clear();
}
