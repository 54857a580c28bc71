import type { Executor } from "./executor";

/** Failed sign-ins for a key since `since`. */
export async function countFailedAttempts(db: Executor, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("key", "=", key)
    .where("attempted_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordFailedAttempts(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.insertInto("login_attempts").values(keys.map((key) => ({ key }))).execute();
}

export async function clearFailedAttempts(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}

/** Drops rows no window looks at any more; keeps the table bounded by traffic in one window. */
export async function pruneFailedAttempts(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom("login_attempts").where("attempted_at", "<", before).execute();
}
