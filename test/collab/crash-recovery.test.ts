import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openPGlite, type DatabaseKind } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { freePort, startServer, type RunningServer } from "../app-server";
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { connectClient, eventually, synced, type TestClient } from "./harness";

/** Each client types numbered words, one every few milliseconds, so a lost one is noticed. */
async function typeWords(client: TestClient, prefix: string, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    client.type(`${prefix}${String(i).padStart(3, "0")} `);
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
}

function missingWords(text: string, prefix: string, count: number): string[] {
  const missing: string[] = [];
  for (let i = 0; i < count; i++) if (!text.includes(`${prefix}${String(i).padStart(3, "0")} `)) missing.push(String(i));
  return missing;
}

for (const kind of testDatabaseKinds()) {
  describe(`a server crash loses nothing [${kind}]`, () => {
    let dataDir = "";
    let database: TestDatabase | undefined;
    let env: Record<string, string>;
    let world: Awaited<ReturnType<typeof buildWorkspace>>;
    let server: RunningServer;
    const clients: TestClient[] = [];

    beforeAll(async () => {
      const port = await freePort();
      if (kind === "pglite") {
        // The server process will own the directory; prepare it first, then let go.
        dataDir = await mkdtemp(join(tmpdir(), "caucus-crash-"));
        const handle = await openDatabase({ pglite: await openPGlite(dataDir) });
        await migrateToLatest(handle.db);
        world = await buildWorkspace(handle);
        await handle.close();
        env = { PORT: String(port), DATA_DIR: dataDir };
      } else {
        database = await openTestDatabase(kind as DatabaseKind);
        world = await buildWorkspace(database);
        env = { PORT: String(port), DATABASE_URL: database.url! };
      }
      server = await startServer(env);
    });

    afterAll(async () => {
      for (const client of clients) client.destroy();
      await server?.stop();
      await database?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it("keeps every character two clients typed across a SIGKILL and restart", async () => {
      const target = { url: server.url.replace("http", "ws") + "/collab", origin: server.url };
      const a = connectClient(target, world.members.owner.token, world.draft.id);
      const b = connectClient(target, world.members.editor.token, world.draft.id);
      clients.push(a, b);
      await Promise.all([synced(a), synced(b)]);
      await Promise.all([typeWords(a, "a", 0, 60), typeWords(b, "b", 0, 60)]);
      await server.kill();
      // Typing goes on while the server is down; the clients keep it.
      await Promise.all([typeWords(a, "a", 60, 100), typeWords(b, "b", 60, 100)]);
      server = await startServer(env);
      await eventually(() => [a.text(), b.text()], ([x, y]) => x === y && missingWords(x!, "a", 100).length === 0 && missingWords(x!, "b", 100).length === 0, 20_000);
      // The server has it all too: a newcomer gets every word from it.
      const c = connectClient(target, world.members.viewer.token, world.draft.id);
      clients.push(c);
      await synced(c);
      await eventually(() => c.text(), (t) => t === a.text(), 5000);
      expect(missingWords(c.text(), "a", 100)).toEqual([]);
      expect(missingWords(c.text(), "b", 100)).toEqual([]);
    });
  });
}
