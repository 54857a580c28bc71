import { createConnection, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface CuttableProxy {
  /** ws://… base URL through the proxy, for the harness's clients. */
  url: string;
  origin: string;
  /**
   * The network disappears without a word: bytes already in flight and every later byte are
   * dropped, no FIN or RST is sent, and new connections hang — as when a laptop leaves a
   * café's Wi-Fi. Only the clients' own checks can notice.
   */
  cut(): void;
  /**
   * The network is back: attempts made during the cut go through, new ones pass; connections
   * that were open before the cut stay dead (their bytes are gone), as on a real network.
   */
  restore(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of the collaboration server that can lose the network on demand. */
export async function startCuttableProxy(target: { url: string }): Promise<CuttableProxy> {
  const { hostname, port } = new URL(target.url.replace(/^ws/, "http"));
  const pairs = new Set<[Socket, Socket]>();
  const hanging = new Set<Socket>();
  let cut = false;
  /** Client and server joined; bytes pass while the network is up, vanish while it is cut. */
  const link = (client: Socket) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on("data", (chunk) => {
        if (!cut) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", () => !cut && drop());
    upstream.on("error", drop).on("close", () => !cut && drop());
  };
  const server: Server = createServer((client) => {
    if (!cut) return link(client);
    // Hangs like a packet sent into nowhere: no answer, no refusal — until the network is back,
    // when it goes through as a retransmitted connection attempt would.
    hanging.add(client);
    client.pause();
    client.on("close", () => hanging.delete(client)).on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: proxyPort } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${proxyPort}${new URL(target.url).pathname}`,
    // The server checks Origin against the Host it is asked for: the proxy's.
    origin: `http://127.0.0.1:${proxyPort}`,
    cut() {
      cut = true;
    },
    restore() {
      cut = false;
      for (const client of hanging) {
        hanging.delete(client);
        link(client);
        client.resume();
      }
    },
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      for (const socket of hanging) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
