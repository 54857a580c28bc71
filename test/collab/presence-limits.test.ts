import { expect, it } from "vitest";
import { CloseCode } from "../../core/collab/close-codes";
import { draftDocName } from "../../core/collab/doc-name";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { awarenessFrame, flood, openRawSocket } from "./awareness-frames";
import { collabSuite, eventually, synced, type TestClient } from "./harness";

/** How many presence updates `observer` received for `clientId`, and the last state. */
function watch(observer: TestClient, clientId: number) {
  const seen = { updates: 0, last: undefined as Record<string, unknown> | undefined, largest: 0 };
  observer.provider.awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
    if (!added.includes(clientId) && !updated.includes(clientId)) return;
    seen.updates += 1;
    seen.last = observer.provider.awareness.getStates().get(clientId);
    seen.largest = Math.max(seen.largest, JSON.stringify(seen.last).length);
  });
  return seen;
}

describeEachDatabase("presence limits", (handle) => {
  const suite = collabSuite(handle);
  const connect = suite.connect;
  const rawSocket = (token: string, draftId: string) => openRawSocket(`${suite.harness.url}/${draftDocName(draftId)}`, suite.harness.origin, token);
  const connectionOf = (draftId: string, userId: string) => [...suite.harness.collab.rooms.get(draftDocName(draftId))!.connections].find((c) => c.identity.user.id === userId)!;

  it("relays at most the rate of a fast caret, and always its last position", async () => {
    const world = await buildWorkspace(handle());
    const observer = connect(world.members.owner.token, world.draft.id);
    await synced(observer);
    const seen = watch(observer, 4242);
    const raw = await rawSocket(world.members.editor.token, world.draft.id);
    for (let i = 1; i <= 200; i++) raw.socket.send(awarenessFrame([{ clientId: 4242, clock: i, state: { cursor: { anchor: i, head: i } } }]));
    await eventually(() => (seen.last?.cursor as { anchor?: number } | undefined)?.anchor, (anchor) => anchor === 200);
    // A burst of 40, then about 20 a second while the frames kept coming (a few ms here).
    expect(seen.updates).toBeGreaterThanOrEqual(40);
    expect(seen.updates).toBeLessThan(60);
    expect(connectionOf(world.draft.id, world.members.editor.id).droppedFrames).toBeGreaterThan(100);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
  });

  it("refuses a presence state over the size limit and keeps the socket", async () => {
    const world = await buildWorkspace(handle());
    const observer = connect(world.members.owner.token, world.draft.id);
    await synced(observer);
    const seen = watch(observer, 4343);
    const raw = await rawSocket(world.members.viewer.token, world.draft.id);
    raw.socket.send(awarenessFrame([{ clientId: 4343, clock: 1, state: { cursor: null, filler: "x".repeat(20_000) } }]));
    raw.socket.send(awarenessFrame([{ clientId: 4343, clock: 2, state: { cursor: { anchor: 1, head: 1 } } }]));
    await eventually(() => seen.updates, (n) => n > 0);
    expect(seen.updates).toBe(1);
    expect(seen.last).toMatchObject({ cursor: { anchor: 1, head: 1 } });
    expect(connectionOf(world.draft.id, world.members.viewer.id).droppedFrames).toBe(1);
    raw.socket.close();
  });

  it("closes a socket that floods 3,000 states of 20 KB, while another draft's edits keep arriving within 200 ms", async () => {
    const flooded = await buildWorkspace(handle());
    const quiet = await buildWorkspace(handle());
    const listeners = (["owner", "editor", "reviewer"] as const).map((role) => connect(flooded.members[role].token, flooded.draft.id));
    const writer = connect(quiet.members.owner.token, quiet.draft.id);
    const reader = connect(quiet.members.editor.token, quiet.draft.id);
    await Promise.all([...listeners, writer, reader].map(synced));
    const seen = listeners.map((listener) => watch(listener, 0x5eed));

    const sentAt = new Map<number, number>();
    const latencies: Array<{ sentAt: number; ms: number }> = [];
    reader.doc.getArray<number>("probe").observe((event) => {
      for (const item of event.changes.added) {
        for (const seq of item.content.getContent() as number[]) latencies.push({ sentAt: sentAt.get(seq)!, ms: performance.now() - sentAt.get(seq)! });
      }
    });
    // One edit every 10 ms on a fixed schedule, timed from when it was due: when the process
    // stalls, the edits it could not send count as late, not as never sent.
    const scheduleStart = performance.now();
    let seq = 0;
    const probe = setInterval(() => {
      for (let due = scheduleStart + seq * 10; due <= performance.now(); due = scheduleStart + seq * 10) {
        sentAt.set(seq, due);
        writer.doc.getArray<number>("probe").push([seq++]);
      }
    }, 10);

    const raw = await rawSocket(flooded.members.viewer.token, flooded.draft.id);
    const started = performance.now();
    await flood(raw.socket, 3000, 20_000);
    // Until the server has read it all (or closed the socket), and a little after.
    await eventually(() => raw.socket.readyState === raw.socket.OPEN && raw.socket.bufferedAmount > 0, (busy) => !busy, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    clearInterval(probe);
    const during = latencies.filter((l) => l.sentAt >= started).map((l) => l.ms).sort((a, b) => a - b);
    expect(during.length).toBeGreaterThan(20);
    expect(during[Math.min(during.length - 1, Math.floor(during.length * 0.99))]).toBeLessThan(200);
    expect(await Promise.race([raw.closed, new Promise((resolve) => setTimeout(() => resolve("still open"), 1000))])).toBe(CloseCode.PresenceFlood);
    // Nothing of the flood reached the people in its draft.
    expect(seen.map((s) => s.updates)).toEqual([0, 0, 0]);
  });
});
