import type { RoomRegistry } from "./room-registry";

/** The protocol heartbeat: a ws ping every 30 s, as y-websocket's server does, for any client. */
const HEARTBEAT_MS = 30_000;
/** How often pinging sockets are checked for silence. */
const SWEEP_MS = 1000;
/**
 * Silence after which a pinging client is taken as gone. Our browsers ping at least every two
 * seconds (core/collab/durable-sync.ts), so three missed pings: their carets and avatars leave
 * the others' screens within seconds of a lost network, not after the heartbeat's minute.
 */
export const SILENT_CLIENT_MS = 6000;

/**
 * Finds sockets whose peer is gone: a pinging client silent for SILENT_CLIENT_MS is dropped at
 * once; any other client that misses a protocol ping is dropped at the next heartbeat. Dropping
 * closes the socket, which removes its awareness states for everyone else.
 */
export function watchLiveness(rooms: RoomRegistry): () => void {
  const heartbeat = setInterval(() => {
    for (const room of rooms.all()) for (const c of room.connections) c.heartbeat();
  }, HEARTBEAT_MS);
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const room of rooms.all()) {
      for (const c of room.connections) if (c.pings && now - c.lastFrameAt > SILENT_CLIENT_MS) c.terminate();
    }
  }, SWEEP_MS);
  heartbeat.unref();
  sweep.unref();
  return () => {
    clearInterval(heartbeat);
    clearInterval(sweep);
  };
}
