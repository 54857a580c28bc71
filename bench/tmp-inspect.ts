import * as Y from "yjs";
import { buildHistory } from "./collab/big-history";
import { inspectUpdate } from "../server/collab/update-log";
const h = buildHistory();
const doc = new Y.Doc();
for (const u of h.updates) Y.applyUpdate(doc, u);
const snap = Y.encodeStateAsUpdate(doc);
console.log("snapshot", snap.byteLength, "updates", h.updates.length);
function time(label: string, f: () => unknown, n = 20) {
  for (let i = 0; i < 3; i++) f();
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(label.padEnd(36), "p50", t[n >> 1]!.toFixed(2), "ms");
}
time("inspectUpdate", () => inspectUpdate(snap));
time("Y.decodeUpdate", () => Y.decodeUpdate(snap));
time("Y.parseUpdateMeta", () => Y.parseUpdateMeta(snap));
time("Y.encodeStateVectorFromUpdate", () => Y.encodeStateVectorFromUpdate(snap));
