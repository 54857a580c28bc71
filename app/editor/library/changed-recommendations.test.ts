import { describe, expect, it } from "vitest";
import { documentSchema } from "../../../core/editor";
import { recommendationNode } from "../../../core/editor/nodes/recommendation";
import type { RecommendationRecord } from "../../../core/library/records";
import { buildRecommendation } from "../../../test/library-factories";
import { changedRecommendations } from "./changed-recommendations";
import { recommendationAttributes } from "./library-api";

const schema = documentSchema();
const record = (id: string, overrides: Parameters<typeof buildRecommendation>[0] = {}): RecommendationRecord => ({
  ...buildRecommendation(overrides),
  id,
  workspaceId: null,
  updatedAt: "2026-11-27T00:00:00.000Z",
});

describe("recommendation blocks compared with the library", () => {
  const inserted = [record("r1"), record("r2", { paragraph: "186.61", recommendingStates: ["Chile"] })];
  const doc = schema.nodes.doc!.create(null, inserted.map((r) => recommendationNode(schema, recommendationAttributes(r))));

  it("finds nothing while the library still says what the blocks froze", () => {
    expect(changedRecommendations(doc, new Map(inserted.map((r) => [r.id, r])))).toEqual([]);
  });

  it("lists a block whose record's response and text changed, with the fields that did", () => {
    const now = new Map(inserted.map((r) => [r.id, r]));
    now.set("r2", { ...inserted[1]!, response: "noted", text: "Keep up its commitment, revised" });
    const changed = changedRecommendations(doc, now);
    expect(changed.map((c) => [c.frozen.libraryId, c.fields])).toEqual([["r2", ["text", "response"]]]);
    expect(doc.nodeAt(changed[0]!.pos)?.attrs.paragraph).toBe("186.61");
  });

  it("leaves alone a block whose record left the library", () => {
    expect(changedRecommendations(doc, new Map([["r1", inserted[0]!]]))).toEqual([]);
  });
});
