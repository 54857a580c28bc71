import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Routes WebSocket upgrades. Vite's HMR socket (development) attaches its own listener and is
 * left alone; `/collab/*` will go to the collaboration server; anything else is refused so no
 * socket stays half-open.
 */
export function routeUpgrade(req: IncomingMessage, socket: Duplex): void {
  if (req.headers["sec-websocket-protocol"] === "vite-hmr") return;
  socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
}
