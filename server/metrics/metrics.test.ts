import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { openDatabase, openPGlite } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { freePort, startServer, type RunningServer } from "../../test/app-server";
import { connectClient, eventually, synced, type TestClient } from "../../test/collab/harness";
import { buildWorkspace } from "../../test/factories";

/** The value of one sample in Prometheus text, 0 when absent. */
function sample(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("/metrics on METRICS_ADDRESS, for the operator", () => {
  let dataDir = "";
  let server: RunningServer;
  let metricsUrl = "";
  let world: Awaited<ReturnType<typeof buildWorkspace>>;
  const clients: TestClient[] = [];
  const scrape = async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    return response.text();
  };

  beforeAll(async () => {
    // The server process will own the directory; prepare it first, then let go.
    dataDir = await mkdtemp(join(tmpdir(), "caucus-metrics-"));
    const handle = await openDatabase({ pglite: await openPGlite(dataDir) });
    await migrateToLatest(handle.db);
    world = await buildWorkspace(handle);
    await handle.close();
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    server = await startServer({ DATA_DIR: dataDir, METRICS_ADDRESS: `127.0.0.1:${port}` });
    // A new PGlite directory takes 3–4 s alone, much longer on a loaded machine.
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("is not served on the public port", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl.replace("/metrics", "/"))).status).toBe(404);
  });

  it("counts a real client's edits: received, delivered, saved; rooms, sockets and drops", async () => {
    const before = await scrape();
    expect(sample(before, "caucus_collab_rooms_open")).toBe(0);
    expect(sample(before, "caucus_jobs_workers")).toBe(0);
    // Node's defaults are there too: event-loop delay and resident memory.
    expect(before).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    expect(before).toMatch(/^process_resident_memory_bytes /m);

    const target = { url: server.url.replace("http", "ws") + "/collab", origin: server.url };
    const owner = connectClient(target, world.members.owner.token, world.draft.id);
    const editor = connectClient(target, world.members.editor.token, world.draft.id);
    const viewer = connectClient(target, world.members.viewer.token, world.draft.id);
    clients.push(owner, editor, viewer);
    await Promise.all([synced(owner), synced(editor), synced(viewer)]);
    for (const word of ["Ghana ", "supported ", "the ", "recommendation."]) owner.type(word);
    await eventually(() => editor.text(), (text) => text.endsWith("recommendation."));
    // A viewer's change is dropped by the edit gate, not applied.
    viewer.type("not mine");

    // Saves go every 500 ms; scrape until the first is stored and the drop is counted.
    let after = "";
    const deadline = Date.now() + 10_000;
    do {
      after = await scrape();
      if (sample(after, "caucus_collab_save_lag_seconds_count") > 0 && sample(after, "caucus_collab_frames_dropped_total", '{reason="edit-gate"}') > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
    expect(sample(after, "caucus_collab_rooms_open")).toBe(1);
    expect(sample(after, "caucus_collab_sockets_open")).toBe(3);
    expect(sample(after, "caucus_collab_updates_received_total")).toBeGreaterThanOrEqual(4);
    // Each of the owner's changes went to the two other sockets.
    expect(sample(after, "caucus_collab_updates_delivered_total")).toBeGreaterThanOrEqual(8);
    expect(sample(after, "caucus_collab_save_lag_seconds_count")).toBeGreaterThan(0);
    expect(sample(after, "caucus_collab_save_lag_seconds_sum")).toBeGreaterThan(0);
    expect(sample(after, "caucus_collab_frames_dropped_total", '{reason="edit-gate"}')).toBeGreaterThan(0);
    expect(viewer.text()).toContain("not mine");
    expect(owner.text()).not.toContain("not mine");
  });
});

describe("METRICS_ADDRESS", () => {
  it("stops the server at boot with one line when it is not host:port", async () => {
    // Our own directory: app-server.ts removes its own only on stop(), and this server never starts.
    const dataDir = await mkdtemp(join(tmpdir(), "caucus-metrics-bad-"));
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    const failed = await startServer({ METRICS_ADDRESS: "9464", DATA_DIR: dataDir }).then(
      async (running) => {
        await running.stop();
        return "";
      },
      (error: Error) => error.message,
    );
    expect(failed).toMatch(/exited with 1/);
    expect(failed).toContain('METRICS_ADDRESS must be host:port for the metrics listener, such as 127.0.0.1:9464 or [::1]:9464 (got "9464")');
  });
});
