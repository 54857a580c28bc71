import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, type RunningServer } from "../app-server";
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { connectClient, eventually, synced, type TestClient } from "./harness";
import { requireRedisInCI } from "./redis-env";

const redisUrl = requireRedisInCI();
const hasPostgres = testDatabaseKinds().includes("postgres");

describe.runIf(redisUrl && hasPostgres)("two server processes sharing PostgreSQL and Redis", () => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof buildWorkspace>>;
  const nodes: RunningServer[] = [];
  const clients: TestClient[] = [];
  // Behind a load balancer every node serves one public origin.
  const ORIGIN = "http://caucus.test";
  const target = (node: RunningServer) => ({ url: node.url.replace("http", "ws") + "/collab", origin: ORIGIN });
  const nodeEnv = async () => ({ PORT: String(await freePort()), DATABASE_URL: database.url!, REDIS_URL: redisUrl!, ORIGIN });

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    world = await buildWorkspace(database);
    for (let i = 0; i < 2; i++) {
      nodes.push(await startServer(await nodeEnv()));
    }
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const node of nodes) await node.stop().catch(() => {});
    await database?.close();
  });

  it("converges a client on each node, presence included, and survives losing a node", async () => {
    const [one, two] = nodes as [RunningServer, RunningServer];
    const a = connectClient(target(one), world.members.owner.token, world.draft.id);
    const b = connectClient(target(two), world.members.editor.token, world.draft.id);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField("user", { name: world.members.owner.name });
    for (let i = 0; i < 30; i++) {
      a.type(`a${i} `);
      b.type(`b${i} `);
    }
    await eventually(() => [a.text(), b.text()], ([x, y]) => x === y && x!.includes("a29 ") && x!.includes("b29 "));
    await eventually(
      () => [...b.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name),
      (names) => names.includes(world.members.owner.name),
    );

    // Node one dies; its client fails over to node two, as a load balancer would send it.
    a.provider.serverUrl = target(two).url;
    await one.kill();
    for (let i = 30; i < 50; i++) a.type(`a${i} `);
    await eventually(() => b.text(), (t) => t.includes("a49 "), 15_000);
    expect(a.text()).toBe(b.text());

    // Everything reached the database: a fresh node loads it all.
    const three = await startServer(await nodeEnv());
    nodes.push(three);
    const c = connectClient(target(three), world.members.viewer.token, world.draft.id);
    clients.push(c);
    await synced(c);
    await eventually(() => c.text(), (t) => t === b.text(), 5000);
  });
});
