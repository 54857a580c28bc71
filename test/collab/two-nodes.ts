import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { roomChannel } from "../../server/collab/extensions/redis-fan-out";
import { connectClient, startCollab, type CollabHarness, type TestClient } from "./harness";

/**
 * Two collaboration servers in this process over one database and one Redis, as two app nodes
 * behind a load balancer are; started before the suite's tests, closed after them with every
 * client the suite connected. Call inside a describe block that runs only with Redis.
 */
export function twoNodeSuite<C extends TestClient = TestClient>(
  handle: () => DatabaseHandle,
  redisUrl: string | undefined,
  wrap: (client: TestClient) => C = (client) => client as C,
) {
  const nodes: CollabHarness[] = [];
  const clients: C[] = [];
  let redis: Redis;
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) nodes.push(await startCollab(handle(), undefined, redisUrl));
    redis = new Redis(redisUrl!);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    redis.disconnect();
    for (const node of nodes.splice(0)) await node.close();
  });
  return {
    get nodeA(): CollabHarness {
      return nodes[0]!;
    },
    get nodeB(): CollabHarness {
      return nodes[1]!;
    },
    connect(node: CollabHarness, token: string, draftId: string): C {
      const client = wrap(connectClient(node, token, draftId));
      clients.push(client);
      return client;
    },
    /** The fan-out subscribes in the background after a room opens: wait until Redis has it. */
    async subscribers(draftId: string, count: number): Promise<void> {
      const deadline = Date.now() + 2000;
      for (;;) {
        const [, n] = (await redis.call("PUBSUB", ["NUMSUB", roomChannel(draftId)])) as [string, number];
        if (n === count) return;
        if (Date.now() > deadline) throw new Error(`${n} nodes subscribed to the draft, not ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    get redis(): Redis {
      return redis;
    },
  };
}
