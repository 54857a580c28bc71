/**
 * In-process cost of a room on the 50,000-word draft (issue 23), old design against new:
 * taking in 10,000 keystroke updates (Y.applyUpdate into a Y.Doc and re-encoding the update for
 * broadcast, against reading the update and keeping its bytes in an UpdateLog), the worst single
 * take-in (a fold), what merging into the base would cost, and heap per open room.
 *
 *   node --expose-gc --import tsx bench/collab/relay-costs.ts
 */
import * as Y from "yjs";
import { encodeUpdate } from "../../server/collab/protocol";
import { inspectUpdate, UpdateLog } from "../../server/collab/update-log";
import { buildHistory } from "./big-history";
import { fmt, median, table } from "./stats";

const KEYSTROKES = 10_000;
const ROUNDS = 3;
/** CPU µs of this process since `from`: wall time means little on a shared machine. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return used.user + used.system;
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const history = buildHistory();
const source = new Y.Doc();
for (const update of history.updates) Y.applyUpdate(source, update);
const snapshot = Y.encodeStateAsUpdate(source);

// One person typing into the draft: keystrokes, with now and then a word deleted.
const typist = new Y.Doc();
Y.applyUpdate(typist, snapshot);
const keystrokes: Uint8Array[] = [];
typist.on("update", (update: Uint8Array) => keystrokes.push(update));
let seed = 3;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const body = typist.getXmlFragment("body");
while (keystrokes.length < KEYSTROKES) {
  const text = (body.get(Math.floor(random() * body.length)) as Y.XmlElement).get(0) as Y.XmlText;
  if (random() < 0.05 && text.length > 10) text.delete(Math.floor(random() * (text.length - 5)), 4);
  else text.insert(Math.floor(random() * text.length), "x");
}
const frames = keystrokes.map(encodeUpdate);

function withDoc(): { perUpdateUs: number; worstMs: number } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  let sink = 0;
  doc.on("update", (update: Uint8Array) => void (sink += encodeUpdate(update).byteLength));
  let worst = 0;
  const started = process.cpuUsage();
  for (const update of keystrokes) {
    const t = performance.now();
    Y.applyUpdate(doc, update);
    worst = Math.max(worst, performance.now() - t);
  }
  const perUpdateUs = cpuSince(started) / keystrokes.length;
  doc.destroy();
  return { perUpdateUs: sink > 0 ? perUpdateUs : NaN, worstMs: worst };
}

function withLog(): { perUpdateUs: number; worstMs: number } {
  const log = new UpdateLog();
  log.load(snapshot, []);
  let worst = 0;
  const started = process.cpuUsage();
  for (let i = 0; i < keystrokes.length; i++) {
    const t = performance.now();
    const inspected = inspectUpdate(keystrokes[i]!);
    if (log.freshClients(inspected)) log.append(inspected, frames[i]);
    worst = Math.max(worst, performance.now() - t);
  }
  return { perUpdateUs: cpuSince(started) / keystrokes.length, worstMs: worst };
}

const old: Array<{ perUpdateUs: number; worstMs: number }> = [];
const now: Array<{ perUpdateUs: number; worstMs: number }> = [];
for (let round = 0; round < ROUNDS; round++) {
  old.push(withDoc());
  now.push(withLog());
}

const timed = (f: () => unknown, n = 5) => {
  f();
  const samples = Array.from({ length: n }, () => {
    const t = performance.now();
    f();
    return performance.now() - t;
  });
  return median(samples);
};
const mergeIntoBase = timed(() => Y.mergeUpdates([snapshot, keystrokes[0]!]));
const logAfter = new UpdateLog();
logAfter.load(snapshot, []);
for (const update of keystrokes) {
  const inspected = inspectUpdate(update);
  if (logAfter.freshClients(inspected)) logAfter.append(inspected);
}
const joinEmpty = timed(() => logAfter.missing(new Uint8Array([0])), 25);
const joinCurrent = timed(() => logAfter.missing(logAfter.stateVector()), 25);
const loadLog = timed(() => new UpdateLog().load(snapshot, []));
const loadDoc = timed(() => Y.applyUpdate(new Y.Doc(), snapshot));

function heapPerRoom(open: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const rooms = Array.from({ length: 5 }, open);
  gc();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  if (rooms.length !== 5) throw new Error("unreachable");
  return (after - before) / 5 / 2 ** 20;
}
const heapDoc = heapPerRoom(() => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  return doc;
});
const heapLog = heapPerRoom(() => {
  const log = new UpdateLog();
  log.load(snapshot, history.updates.slice(-200));
  return log;
});

console.log(`\n50,000-word draft: ${history.words.toLocaleString("en")} words, ${(snapshot.byteLength / 1024).toFixed(0)} KiB state; ${KEYSTROKES.toLocaleString("en")} keystroke updates, medians of ${ROUNDS}`);
console.log(
  table(
    ["room", "CPU µs per update taken in", "worst single update ms", "heap per open room MiB", "load from snapshot ms"],
    [
      ["Y.Doc (apply + re-encode)", fmt(median(old.map((r) => r.perUpdateUs)), 1), fmt(median(old.map((r) => r.worstMs)), 2), fmt(heapDoc, 2), fmt(loadDoc, 1)],
      ["UpdateLog (read + keep bytes)", fmt(median(now.map((r) => r.perUpdateUs)), 1), fmt(median(now.map((r) => r.worstMs)), 2), fmt(heapLog, 2), fmt(loadLog, 1)],
    ],
  ),
);
console.log(`ratio new/old per update: ${fmt(median(now.map((r) => r.perUpdateUs)) / median(old.map((r) => r.perUpdateUs)), 2)}`);
console.log(`merging one keystroke into the whole base (what the log never does while open): ${fmt(mergeIntoBase, 1)} ms`);
console.log(`sync reply after the 10,000 keystrokes: new client ${fmt(joinEmpty, 3)} ms, client already current ${fmt(joinCurrent, 3)} ms`);
