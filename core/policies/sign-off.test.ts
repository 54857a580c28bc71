import { describe, expect, it } from "vitest";
import { canBeFocalPoint, canRequestSignOff, canSetFocalPoint, canSignFor, canSubmitWithoutSignOff, NO_ABILITIES, ROLES, workspaceAbilities, type Role } from "./index";

const ORG = "org-a";
const OTHER = "org-b";
const FOCAL = "user-focal";
const organisation = { id: ORG, focalPointId: FOCAL };
const actor = (role: Role | null, userId: string, organisationId: string | null) => ({
  userId,
  organisationId,
  abilities: role ? workspaceAbilities({ role }) : NO_ABILITIES,
});

describe("canSignFor", () => {
  for (const role of ROLES) {
    it(`lets a ${role} who is the organisation's focal point sign for it: signing is not editing`, () => {
      expect(canSignFor(actor(role, FOCAL, ORG), organisation)).toBe(true);
    });
    it(`refuses a ${role} of the organisation who is not its focal point`, () => {
      expect(canSignFor(actor(role, "someone-else", ORG), organisation)).toBe(false);
    });
  }
  it("refuses an owner who is not the focal point: the coordinator does not sign for a partner", () => {
    expect(canSignFor(actor("owner", "owner-1", null), organisation)).toBe(false);
  });
  it("refuses a focal point whose membership moved to another organisation", () => {
    expect(canSignFor(actor("editor", FOCAL, OTHER), organisation)).toBe(false);
  });
  it("refuses everyone for an organisation without a focal point", () => {
    expect(canSignFor(actor("owner", FOCAL, ORG), { id: ORG, focalPointId: null })).toBe(false);
  });
  it("refuses a stranger, even one with the focal point's id", () => {
    expect(canSignFor(actor(null, FOCAL, ORG), organisation)).toBe(false);
  });
});

describe("canSetFocalPoint", () => {
  it("lets an owner name any organisation's focal point", () => {
    expect(canSetFocalPoint(actor("owner", "owner-1", null), organisation)).toBe(true);
    expect(canSetFocalPoint(actor("owner", "owner-1", OTHER), { id: ORG, focalPointId: null })).toBe(true);
  });
  it("lets the current focal point hand over, whatever their role", () => {
    expect(canSetFocalPoint(actor("viewer", FOCAL, ORG), organisation)).toBe(true);
  });
  it("refuses another member of the organisation naming themselves", () => {
    expect(canSetFocalPoint(actor("editor", "member-2", ORG), organisation)).toBe(false);
    expect(canSetFocalPoint(actor("editor", "member-2", ORG), { id: ORG, focalPointId: null })).toBe(false);
  });
});

describe("the rest of the table", () => {
  it("only owners ask for sign-off and submit without every signature", () => {
    for (const role of ROLES) {
      expect(canRequestSignOff(actor(role, "u", null))).toBe(role === "owner");
      expect(canSubmitWithoutSignOff(workspaceAbilities({ role }))).toBe(role === "owner");
    }
  });
  it("only a member of the organisation can be its focal point", () => {
    expect(canBeFocalPoint({ organisationId: ORG }, organisation)).toBe(true);
    expect(canBeFocalPoint({ organisationId: OTHER }, organisation)).toBe(false);
    expect(canBeFocalPoint({ organisationId: null }, organisation)).toBe(false);
  });
});
