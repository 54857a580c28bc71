import { monitorEventLoopDelay } from "node:perf_hooks";
import { sql } from "kysely";
import { expect, it } from "vitest";
import type { DurableSyncState } from "../../core/collab/durable-sync";
import { readDraftContent } from "../../server/drafts/draft-content";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { startCuttableProxy } from "./cuttable-proxy";
import { collabSuite, connectClient, eventually, synced, type TestClient } from "./harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the state and the time when `check` first holds (a state change, not a poll). */
function when(client: TestClient, check: (state: DurableSyncState) => boolean, ms = 10_000): Promise<{ state: DurableSyncState; at: number }> {
  if (check(client.durable.state)) return Promise.resolve({ state: client.durable.state, at: Date.now() });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`state not reached in ${ms} ms: ${JSON.stringify(client.durable.state)}`)), ms);
    const stop = client.durable.subscribe((state) => {
      if (!check(state)) return;
      clearTimeout(timer);
      stop();
      resolve({ state, at: Date.now() });
    });
  });
}

const storedText = async (db: Parameters<typeof readDraftContent>[0], draftId: string) => (await readDraftContent(db, draftId)).doc.textContent;

// "Saved" means stored in the database (issue 16): the server answers a client's save request
// only after persistence committed its changes, and the client counts its changes as unsaved
// until then — whatever the socket says.
describeEachDatabase("saved means stored", (handle) => {
  const suite = collabSuite(handle);

  it("calls a change saved only once the database has it, and never while the database refuses it", async () => {
    const world = await buildWorkspace(handle());
    const a = suite.connect(world.members.owner.token, world.draft.id);
    await synced(a);
    await when(a, (s) => s.link === "online" && s.unsaved === 0);

    // The moment the client hears "stored", the text is in the database.
    a.type("First sentence. ");
    expect(a.durable.state.unsaved).toBeGreaterThan(0);
    const stored = when(a, (s) => s.unsaved === 0).then(() => storedText(handle().db, world.draft.id));
    expect(await stored).toContain("First sentence.");

    await sql`alter table draft_updates rename to draft_updates_paused`.execute(handle().db);
    try {
      a.type("Typed while the database was down.");
      await pause(1500);
      // Sent, applied, seen by everyone — but not stored, so not saved.
      expect(a.durable.state).toMatchObject({ link: "online" });
      expect(a.durable.state.unsaved).toBeGreaterThan(0);
    } finally {
      await sql`alter table draft_updates_paused rename to draft_updates`.execute(handle().db);
    }
    await when(a, (s) => s.unsaved === 0, 15_000);
    expect(await storedText(handle().db, world.draft.id)).toContain("Typed while the database was down.");
  });

  it("merges 5 MiB typed offline: the work goes in pieces and is stored", async () => {
    const world = await buildWorkspace(handle());
    const a = connectClient(suite.harness, world.members.editor.token, world.draft.id, { connect: false });
    try {
      // Pasted and typed in bursts of a few kilobytes, as a long session adds up.
      const line = "Offline typing on a train without a network, word after word. ".repeat(64);
      const rounds = Math.ceil((5 * 1024 * 1024) / line.length);
      for (let i = 0; i < rounds; i++) a.type(line);
      expect(a.durable.state.unsaved).toBe(rounds);
      a.provider.connect();
      await synced(a);
      await when(a, (s) => s.unsaved === 0, 60_000);
      expect(a.closes).toEqual([]);
      const text = await storedText(handle().db, world.draft.id);
      expect(text.length).toBe(rounds * line.length);
    } finally {
      a.destroy();
    }
  });

  /** An editor whose network can be cut (through the proxy), and an owner watching; both synced. */
  async function editorBehindProxy() {
    const world = await buildWorkspace(handle());
    const proxy = await startCuttableProxy(suite.harness);
    const a = connectClient(proxy, world.members.editor.token, world.draft.id);
    const b = suite.connect(world.members.owner.token, world.draft.id);
    await Promise.all([synced(a), synced(b)]);
    return { world, proxy, a, b };
  }

  it("goes offline within 2.5 s of a silent network loss, and the others see the person leave", async () => {
    const { world, proxy, a, b } = await editorBehindProxy();
    try {
      // The server shows each person under their account's name (the presence guard).
      a.provider.awareness.setLocalStateField("user", { name: "anything" });
      b.provider.awareness.setLocalStateField("user", { name: "anything" });
      const [amina, kofi] = [world.members.editor.name, world.members.owner.name];
      const names = (c: TestClient) => [...c.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
      await eventually(() => [names(a), names(b)], ([x, y]) => x!.includes(kofi) && y!.includes(amina));
      await when(a, (s) => s.unsaved === 0 && s.link === "online");

      // How late this process's timers ran meanwhile: the client's silence timer is one of them,
      // so a starved CI machine widens the bound by exactly what it cost, and no more.
      const lateness = monitorEventLoopDelay({ resolution: 10 });
      lateness.enable();
      const cutAt = Date.now();
      proxy.cut();
      a.type("Written in the tunnel.");
      const offline = await when(a, (s) => s.link === "offline", 8000);
      lateness.disable();
      // 2.5 s of silence, then the next 250 ms tick; a second of slack, plus the timers' own lateness.
      expect(offline.at - cutAt).toBeLessThan(2500 + 1000 + lateness.max / 1e6);
      expect(offline.state.unsaved).toBeGreaterThan(0);
      // Nobody else is reachable from here: only this person's own state is left.
      expect(a.provider.awareness.getStates().size).toBe(1);
      // The server drops a pinging client that fell silent: the others see Amina go.
      await eventually(() => names(b), (n) => !n.includes(amina), 9000);

      proxy.restore();
      await when(a, (s) => s.link === "online" && s.unsaved === 0, 15_000);
      expect(await storedText(handle().db, world.draft.id)).toContain("Written in the tunnel.");
    } finally {
      a.destroy();
      await proxy.close();
    }
  });

  it("shows a person who comes back before the server noticed they left, at once", async () => {
    const { world, proxy, a, b } = await editorBehindProxy();
    try {
      a.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
      const seen = () => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor as { anchor: number } | undefined;
      await eventually(seen, (cursor) => cursor?.anchor === 1);
      proxy.cut();
      await when(a, (s) => s.link === "offline", 5000);
      // Back well before the server's silence sweep drops the old socket (6 s), and after the
      // 3 s of silence that lets the same person's new socket take its client id.
      await pause(1000);
      proxy.restore();
      await when(a, (s) => s.link === "online", 10_000);
      const room = suite.harness.collab.rooms.get(`draft.${world.draft.id}`)!;
      expect([...room.connections].filter((c) => c.identity.user.id === world.members.editor.id)).toHaveLength(2);
      // Same Y.Doc, same client id: the new socket takes the caret over from the silent one.
      a.provider.awareness.setLocalStateField("cursor", { anchor: 2, head: 2 });
      await eventually(seen, (cursor) => cursor?.anchor === 2, 2000);
    } finally {
      a.destroy();
      await proxy.close();
    }
  });
});
