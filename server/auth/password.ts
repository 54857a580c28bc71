import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { HashGate } from "./hash-gate";

export { HashGateBusy } from "./hash-gate";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane), as in docs/stack.md, Sessions.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

/**
 * One argon2id at a time per core, and a bounded queue (8 per core, ~150 MiB at most in
 * flight or waiting): sign-up and sign-in cannot be used to exhaust memory. Past the queue a
 * hash throws HashGateBusy, which the auth service answers as 503 with Retry-After.
 */
export const passwordHashGate = new HashGate(Math.max(1, availableParallelism()), 8 * Math.max(1, availableParallelism()));

export function hashPassword(password: string): Promise<string> {
  return passwordHashGate.run(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return passwordHashGate.run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash must read as "wrong password", never as a 500 that reveals it.
      return false;
    }
  });
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email is not told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  // The dummy is hashed outside the gate (once per process): a refused first hash must not be cached as a rejection.
  dummyHash ??= hash("caucus-timing-equaliser", OPTIONS);
  await verifyPassword(await dummyHash, password);
}
