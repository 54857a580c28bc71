import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { userColor } from "../../../core/collab/user-color";
import { changesAwareness, decodeAwarenessEntries, encodeAwarenessEntries, isRemoval } from "./awareness-entries";
import { bindState } from "./bind-state";
import { TokenBucket } from "./token-bucket";

const utf8 = new TextEncoder();
const account = { id: "5d1c2f7e-0000-4000-8000-000000000001", name: "Amina Diallo" };
const bounds = { maxStateBytes: 2048, maxFieldBytes: 1024 };

describe("awareness entries", () => {
  it("reads what y-protocols writes and writes what it reads", () => {
    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    remote.setLocalState({ cursor: { anchor: 1 } });
    const update = awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]);
    const [entry] = decodeAwarenessEntries(update);
    expect(entry).toMatchObject({ clientId: remote.clientID, clock: 1 });
    expect(encodeAwarenessEntries([entry!])).toEqual(update);
    const room = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(room, encodeAwarenessEntries([{ ...entry!, json: '{"cursor":null}' }]), "test");
    expect(room.getStates().get(remote.clientID)).toEqual({ cursor: null });
  });

  it("throws on a length that runs past the update", () => {
    expect(() => decodeAwarenessEntries(Uint8Array.from([1, 7, 1, 200, 1]))).toThrow();
  });

  it("tells a change from an echo by y-protocols' own rule", () => {
    const room = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(room, encodeAwarenessEntries([{ clientId: 9, clock: 3, json: "{}" }]), "test");
    const entry = (clock: number, json: string) => ({ clientId: 9, clock, json: utf8.encode(json) });
    expect(changesAwareness(room, entry(3, "{}"))).toBe(false);
    expect(changesAwareness(room, entry(2, "{}"))).toBe(false);
    expect(changesAwareness(room, entry(4, "{}"))).toBe(true);
    expect(changesAwareness(room, entry(3, " null "))).toBe(true);
    expect(isRemoval(entry(3, " null "))).toBe(true);
  });
});

describe("binding a state to the account", () => {
  const bind = (state: unknown) => bindState(utf8.encode(JSON.stringify(state)), account, bounds);

  it("replaces the claimed name and colour, keeps the caret and small fields, drops large ones", () => {
    const bound = bind({ user: { name: "Someone else", color: "#000000", avatar: "x" }, cursor: { anchor: 1, head: 2 }, typing: true, blob: "x".repeat(1100) });
    expect(JSON.parse(bound!)).toEqual({ user: { name: "Amina Diallo", color: userColor(account.id) }, cursor: { anchor: 1, head: 2 }, typing: true });
    expect(JSON.parse(bind({})!)).toEqual({ user: { name: "Amina Diallo", color: userColor(account.id) } });
  });

  it("passes a removal and refuses what is not an object or is over the state limit", () => {
    expect(bind(null)).toBe("null");
    for (const bad of [[1, 2], "text", 3, { filler: "x".repeat(2100) }]) expect(bind(bad)).toBeNull();
    expect(bindState(utf8.encode("{not json"), account, bounds)).toBeNull();
  });

  it("keeps a __proto__ key a plain field", () => {
    const bound = bindState(utf8.encode('{"__proto__":{"polluted":true}}'), account, bounds);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(JSON.parse(bound!))).toEqual(["user", "__proto__"]);
  });
});

describe("token bucket", () => {
  it("gives a burst, then the rate", () => {
    const bucket = new TokenBucket(20, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.msUntilToken(0)).toBe(50);
    expect(bucket.take(49)).toBe(false);
    expect(bucket.take(100)).toBe(true);
  });
});
