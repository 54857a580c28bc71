import { describe, expect, it } from "vitest";
import { MAX_SESSION_VERSIONS, versionsToThin } from "./thinning";

const now = new Date("2026-12-07T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("versionsToThin", () => {
  it("keeps every session of the last two days", () => {
    const versions = Array.from({ length: 40 }, (_, i) => ({ id: `v${i}`, created_at: hoursAgo(i) }));
    expect(versionsToThin(versions, now)).toEqual([]);
  });

  it("keeps the last session of each day between two and thirty days old", () => {
    const versions = [
      { id: "mon-09", created_at: new Date("2026-11-30T09:00:00Z") },
      { id: "mon-17", created_at: new Date("2026-11-30T17:00:00Z") },
      { id: "tue-10", created_at: new Date("2026-12-01T10:00:00Z") },
    ];
    expect(versionsToThin(versions, now)).toEqual(["mon-09"]);
  });

  it("keeps the last session of each ISO week beyond thirty days", () => {
    const versions = [
      { id: "mon", created_at: new Date("2026-10-05T09:00:00Z") },
      { id: "sun", created_at: new Date("2026-10-11T20:00:00Z") },
      { id: "next-mon", created_at: new Date("2026-10-12T08:00:00Z") },
    ];
    expect(versionsToThin(versions, now).sort()).toEqual(["mon"]);
  });

  it("never keeps more than the cap, oldest first to go", () => {
    const versions = Array.from({ length: MAX_SESSION_VERSIONS + 5 }, (_, i) => ({ id: `v${i}`, created_at: new Date(now.getTime() - i * 60_000) }));
    expect(versionsToThin(versions, now)).toEqual(["v300", "v301", "v302", "v303", "v304"]);
  });
});
