import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger";
import type { PrometheusMetrics } from "./prometheus";

export interface MetricsListener {
  /** host:port actually bound (the port is the kernel's choice when 0 was asked for). */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * GET /metrics on its own address (METRICS_ADDRESS), never on the public port: what it shows
 * (rooms, sockets, load) is for the operator's Prometheus, not for the internet. Anything else
 * is 404. Resolves once listening; rejects when the address cannot be bound.
 */
export function startMetricsListener(bind: { host: string; port: number }, metrics: PrometheusMetrics, log: Logger): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    metrics.scrape().then(
      ({ contentType, body }) => res.writeHead(200, { "content-type": contentType }).end(body),
      (error: unknown) => {
        log.error("metrics scrape failed", { error: String(error) });
        res.writeHead(500).end();
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(bind.port, bind.host, () => {
      server.off("error", reject);
      const { address, port } = server.address() as AddressInfo;
      resolve({
        address: `${address.includes(":") ? `[${address}]` : address}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
