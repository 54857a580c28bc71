import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Limits that hold (issue 22): every limit is consumed atomically before the work it guards, so
 * twenty concurrent wrong passwords cannot slip past a limit of ten. The stores shared by every
 * node (PostgreSQL, Redis) are made in server/limits/stores.ts; the memory store serves PGlite,
 * where one process is the only node.
 */
export type LimitName =
  /** Wrong passwords per account (the normalised e-mail). */
  | "sign-in-account"
  /** Sign-in attempts per client address. */
  | "sign-in-address"
  /** Account creation per client address. */
  | "sign-up"
  /** Password changes per account. */
  | "password-change"
  /** Invitation acceptances per client address. */
  | "invitation"
  /** Two-step codes (authenticator or recovery) per account. */
  | "two-step"
  /** File uploads (Word, library) per account. */
  | "upload";

export interface LimitPolicy {
  /** Attempts allowed in the window. */
  points: number;
  windowSeconds: number;
}

/** How many attempts each limit allows, and in what window. */
export const LIMIT_POLICIES: Record<LimitName, LimitPolicy> = {
  "sign-in-account": { points: 10, windowSeconds: 15 * 60 },
  "sign-in-address": { points: 50, windowSeconds: 15 * 60 },
  "sign-up": { points: 10, windowSeconds: 60 * 60 },
  "password-change": { points: 10, windowSeconds: 15 * 60 },
  invitation: { points: 20, windowSeconds: 15 * 60 },
  "two-step": { points: 10, windowSeconds: 15 * 60 },
  upload: { points: 60, windowSeconds: 60 * 60 },
};

export type LimitOutcome = { ok: true } | { ok: false; retryAfterMs: number };

export interface Limits {
  /** Spends one attempt of `name` for `key`; refused (nothing spent) once the key is at its limit. */
  consume(name: LimitName, key: string): Promise<LimitOutcome>;
  /** Forgets a key's attempts (a correct password clears its account's count). */
  reset(name: LimitName, key: string): Promise<void>;
}

/** The limiter interface rate-limiter-flexible's stores share (memory, PostgreSQL, Redis). */
export interface FlexibleLimiter {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
}

/**
 * What a store keeps for a key: its SHA-256, never the address or e-mail itself, so a dump of
 * the store or of Redis does not list who tried to sign in from where. An IPv4 address can
 * still be found again by hashing all of them; what protects it is that the row or Redis key
 * expires with its window (server/limits/stores.ts).
 */
export function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Limits over one rate-limiter-flexible limiter per name, made by `makeLimiter`. */
export function limitsFrom(makeLimiter: (name: LimitName, policy: LimitPolicy) => FlexibleLimiter): Limits {
  const limiters = new Map<LimitName, FlexibleLimiter>();
  const limiterFor = (name: LimitName) => {
    let limiter = limiters.get(name);
    if (!limiter) limiters.set(name, (limiter = makeLimiter(name, LIMIT_POLICIES[name])));
    return limiter;
  };
  return {
    async consume(name, key) {
      try {
        await limiterFor(name).consume(storedKey(key));
        return { ok: true };
      } catch (refusal) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, and with an Error when the store fails.
        if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterMs: refusal.msBeforeNext };
        throw refusal;
      }
    },
    async reset(name, key) {
      await limiterFor(name).delete(storedKey(key));
    },
  };
}

/** One process's limits, in memory (PGlite: the only node; tests). */
export function memoryLimits(): Limits {
  return limitsFrom((name, policy) => new RateLimiterMemory({ keyPrefix: name, points: policy.points, duration: policy.windowSeconds }));
}
