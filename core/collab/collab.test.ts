import { describe, expect, it } from "vitest";
import { closeMessage, CloseCode, docNameFromPath, draftDocName, isPermanentClose, parseDraftDocName } from "./index";

const id = "3f0c9a52-8d1e-4c7b-9a51-0b6f2d8e4a10";

describe("document names", () => {
  it("round-trips a draft id", () => {
    expect(parseDraftDocName(draftDocName(id))).toBe(id);
    expect(docNameFromPath(`/collab/${draftDocName(id)}?v=1`)).toBe(`draft.${id}`);
  });

  it("normalises an upper-case id in a path to the one room name of the draft", () => {
    expect(docNameFromPath(`/collab/draft.${id.toUpperCase()}`)).toBe(`draft.${id}`);
    expect(docNameFromPath(`/collab/draft.${id.toUpperCase().replace(/-/g, "%2D")}`)).toBe(`draft.${id}`);
  });

  it("refuses anything else", () => {
    for (const bad of ["draft.", `drafts.${id}`, `draft.${id}x`, "draft.../../etc", `comment.${id}`]) {
      expect(parseDraftDocName(bad)).toBeNull();
    }
    expect(docNameFromPath(`/api/draft.${id}`)).toBeNull();
    // A malformed escape is refused, not thrown (the upgrade handler would reject unhandled).
    expect(docNameFromPath(`/collab/draft.${id}%E0%A4%A`)).toBeNull();
  });
});

describe("close codes", () => {
  it("marks refusals permanent and restarts transient, as y-websocket's default expects", () => {
    expect(isPermanentClose(CloseCode.AuthorizationChanged)).toBe(true);
    expect(isPermanentClose(CloseCode.DocumentNotFound)).toBe(true);
    expect(isPermanentClose(CloseCode.PresenceFlood)).toBe(true);
    expect(isPermanentClose(CloseCode.ServerShuttingDown)).toBe(false);
    expect(isPermanentClose(CloseCode.TooManyConnections)).toBe(false);
    expect(isPermanentClose(1006)).toBe(false);
  });

  it("explains each named code and is silent on ordinary closes", () => {
    // A catalogue id for the page to put into words, for every code the server sends.
    for (const code of Object.values(CloseCode)) expect(closeMessage(code)?.id).toMatch(/^editor\.close\./);
    expect(closeMessage(1000)).toBeNull();
  });
});
