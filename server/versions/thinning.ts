/**
 * Which automatic (session) versions to let go as they age (decision 023). Named, submitted,
 * status, import and restore versions, and any version a sign-off request names, never thin.
 * - younger than two days: every session is kept;
 * - two to thirty days: the last session of each day (UTC);
 * - older: the last session of each week (ISO weeks, Monday to Sunday, UTC);
 * - and never more than MAX_SESSION_VERSIONS: beyond that the oldest go first.
 */
export const MAX_SESSION_VERSIONS = 300;
const DAY_MS = 86_400_000;

export function versionsToThin(versions: ReadonlyArray<{ id: string; created_at: Date }>, now: Date): string[] {
  const newestFirst = [...versions].sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
  const seenBuckets = new Set<string>();
  const kept: string[] = [];
  const thinned: string[] = [];
  for (const version of newestFirst) {
    const bucket = bucketOf(version.created_at, now);
    if (bucket === null || !seenBuckets.has(bucket)) {
      if (bucket !== null) seenBuckets.add(bucket);
      kept.push(version.id);
    } else thinned.push(version.id);
  }
  return [...thinned, ...kept.slice(MAX_SESSION_VERSIONS)];
}

/** The bucket a version shares with the ones it may replace; null while it is kept whatever happens. */
function bucketOf(at: Date, now: Date): string | null {
  const age = now.getTime() - at.getTime();
  if (age < 2 * DAY_MS) return null;
  const day = Math.floor(at.getTime() / DAY_MS);
  if (age < 30 * DAY_MS) return `d${day}`;
  // 1970-01-01 was a Thursday: days + 3 makes weeks start on Mondays.
  return `w${Math.floor((day + 3) / 7)}`;
}
