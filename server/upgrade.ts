import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { COLLAB_PATH_PREFIX } from "../core/collab/doc-name";
import type { CollabServer } from "./collab";

/**
 * Routes WebSocket upgrades. Vite's HMR socket (development) attaches its own listener and is
 * left alone; `/collab/*` goes to the collaboration server; anything else is refused so no
 * socket stays half-open.
 */
export function upgradeRouter(collab: CollabServer) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (req.headers["sec-websocket-protocol"] === "vite-hmr") return;
    if ((req.url ?? "").startsWith(COLLAB_PATH_PREFIX)) {
      // Not awaited: the upgrade event ignores it. A failure the collab server did not answer itself must not leave the socket half-open.
      void collab.handleUpgrade(req, socket, head).catch(() => socket.destroy());
      return;
    }
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  };
}
