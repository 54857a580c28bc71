import { describe, expect, it } from "vitest";
import { canExportDespiteDisclosures, draftAbilities, workspaceAbilities, ROLES, type Ability, type Role } from "./index";

// The table from docs/design.md §5, written out independently so a change to the policy fails here.
const expected: Record<Role, Ability[]> = {
  owner: ["read", "comment", "edit", "export", "manage"],
  editor: ["read", "comment", "edit", "export"],
  reviewer: ["read", "comment", "export"],
  viewer: ["read", "export"],
};

describe("workspaceAbilities", () => {
  for (const role of ROLES) {
    it(`grants a ${role} exactly ${expected[role].join(", ")}`, () => {
      const granted = Object.entries(workspaceAbilities({ role }))
        .filter(([, allowed]) => allowed)
        .map(([ability]) => ability);
      expect(granted.sort()).toEqual([...expected[role]].sort());
    });
  }

  it("grants a stranger nothing", () => {
    expect(Object.values(workspaceAbilities(null)).some(Boolean)).toBe(false);
  });
});

describe("draftAbilities", () => {
  const draft = { workspaceId: "w1", status: "drafting" as const };

  it("follows the workspace role inside the draft's workspace", () => {
    expect(draftAbilities({ role: "editor", workspaceId: "w1" }, draft).edit).toBe(true);
    expect(draftAbilities({ role: "reviewer", workspaceId: "w1" }, draft).edit).toBe(false);
    expect(draftAbilities({ role: "reviewer", workspaceId: "w1" }, draft).comment).toBe(true);
  });

  it("grants nothing to an owner of another workspace", () => {
    const abilities = draftAbilities({ role: "owner", workspaceId: "w2" }, draft);
    expect(Object.values(abilities).some(Boolean)).toBe(false);
  });

  it("freezes submitted drafts for everyone, owners included", () => {
    const submitted = { ...draft, status: "submitted" as const };
    expect(draftAbilities({ role: "owner", workspaceId: "w1" }, submitted).edit).toBe(false);
    expect(draftAbilities({ role: "owner", workspaceId: "w1" }, submitted).export).toBe(true);
  });
});

describe("canExportDespiteDisclosures", () => {
  it("is the owners' choice alone, as they decide who is confidential", () => {
    expect(ROLES.filter((role) => canExportDespiteDisclosures(workspaceAbilities({ role })))).toEqual(["owner"]);
    expect(canExportDespiteDisclosures(workspaceAbilities(null))).toBe(false);
  });
});
