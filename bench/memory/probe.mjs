// Preloaded into a server by bench/memory.ts (NODE_OPTIONS=--import=…/probe.mjs): on SIGUSR2 the
// main thread collects garbage and writes process.memoryUsage() and V8's heap figures to
// MEMORY_PROBE_FILE. Nothing happens without that variable; the server itself knows nothing of it.
import { writeFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { isMainThread } from "node:worker_threads";

const file = process.env.MEMORY_PROBE_FILE;
if (isMainThread && file) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  process.on("SIGUSR2", () => {
    gc();
    const usage = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    writeFileSync(file, JSON.stringify({ ...usage, heapTotalPhysical: heap.total_physical_size, mallocedMemory: heap.malloced_memory }));
  });
}
