import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { CloseCode } from "../../core/collab/close-codes";
import { docNameFromPath, draftDocName, parseDraftDocName } from "../../core/collab/doc-name";
import { DraftEventSchema, encodeDraftEvent, type DraftEvent } from "../../core/collab/draft-events";
import type { Logger } from "../logger";
import { noCollabMetrics, type CollabMetrics } from "../metrics/recorder";
import { Connection } from "./connection";
import { RoomRegistry } from "./room-registry";
import { watchLiveness } from "./liveness";
import { encodeAwarenessStates } from "./protocol";
import { SERVER_ORIGIN, type Room } from "./room";
import type { ChunkLimits } from "./update-chunks";
import { FrameIntake } from "./frame-intake";
import {
  CloseRefusal,
  HttpRefusal,
  type CollabExtension,
  type ConnectionIdentity,
  type RevalidationFilter,
  type UpgradeRequest,
} from "./types";

export interface CollabServerOptions {
  extensions: CollabExtension[];
  log: Logger;
  /** Hard cap on one frame; ws closes the socket (1009) past it. Extensions enforce the softer limits. */
  maxPayloadBytes: number;
  /** How long an empty room stays in memory, so a reload does not reload from storage. */
  roomGraceMs: number;
  /** Bounds on updates sent in pieces (a long offline session's work). */
  chunks: ChunkLimits;
  /** Re-checks a connection's access when memberships change: the new identity, or why it ended. */
  reauthorise: (identity: ConnectionIdentity) => Promise<ConnectionIdentity | "session-ended" | "no-access">;
  /** Updates received and delivered, dropped frames (server/metrics); nowhere by default. */
  metrics?: CollabMetrics;
}

/** The y-websocket protocol server: upgrade → pipeline of extensions → rooms. */
export class CollabServer {
  private readonly wss: WebSocketServer;
  readonly rooms: RoomRegistry;
  private readonly stopLiveness: () => void;
  private readonly intake: FrameIntake;
  private closing = false;

  constructor(private readonly options: CollabServerOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
    const metrics = options.metrics ?? noCollabMetrics;
    this.rooms = new RoomRegistry({
      extensions: options.extensions,
      graceMs: options.roomGraceMs,
      log: options.log,
      onChange: (room, update, origin, freshClients) => {
        // The room has just sent it to every local socket but its author.
        const author = origin.kind === "client" && room.connections.has(origin.connection) ? 1 : 0;
        metrics.updatesDelivered(room.connections.size - author);
        this.each("onChange", (e) => e.onChange?.(room, update, origin, freshClients));
      },
      onAwarenessChange: (room, update, origin) =>
        this.each("onAwarenessChange", (e) => e.onAwarenessChange?.(room, update, origin)),
    });
    this.stopLiveness = watchLiveness(this.rooms);
    this.intake = new FrameIntake(options.extensions, options.chunks, options.log, metrics);
  }

  /** Rooms in this node's memory (open drafts, and empty ones in their grace period). */
  get roomCount(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    let n = 0;
    for (const room of this.rooms.all()) n += room.connections.size;
    return n;
  }

  /** Handles an HTTP upgrade for `/collab/draft.<uuid>`; refuses anything else. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const startedAt = performance.now();
    const docName = docNameFromPath(req.url ?? "");
    if (!docName || this.closing) {
      refuseHttp(socket, this.closing ? 503 : 404, this.closing ? "Server shutting down" : "Not Found");
      return;
    }
    const request: UpgradeRequest = { headers: req.headers, docName, draftId: parseDraftDocName(docName)! };
    try {
      for (const extension of this.options.extensions) await extension.onUpgrade?.(request);
    } catch (error) {
      if (error instanceof HttpRefusal) return refuseHttp(socket, error.status, error.message);
      if (error instanceof CloseRefusal) {
        this.wss.handleUpgrade(req, socket, head, (ws) => ws.close(error.code, error.message));
        return;
      }
      this.options.log.error("collab upgrade failed", { error: String(error) });
      return refuseHttp(socket, 503, "Service Unavailable");
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket, request as ConnectionIdentity, startedAt));
  }

  private accept(ws: WebSocket, transport: Duplex, identity: ConnectionIdentity, upgradeStartedAt: number): void {
    const connection = new Connection(ws, identity, transport);
    connection.upgradeStartedAt = upgradeStartedAt;
    connection.acceptedAt = performance.now();
    connection.roomWasOpen = this.rooms.get(identity.docName) !== undefined;
    // Listen before any await: the client's sync step 1 arrives at once and must not be lost.
    const queue: Uint8Array[] = [];
    let room: Room | null = null;
    ws.on("message", (data: Buffer) => {
      connection.lastFrameAt = Date.now();
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (room) this.intake.receive(room, connection, bytes);
      else queue.push(bytes);
    });
    ws.on("close", () => {
      this.intake.release(connection);
      if (room) {
        // An evicted room is gone already: only the counts need the socket's departure.
        if (!room.destroyed) room.remove(connection);
        this.each("onDisconnect", (e) => e.onDisconnect?.(connection));
        this.rooms.release(room);
      }
    });
    ws.on("error", (error) => this.options.log.warn("collab socket error", { error: String(error) }));
    this.each("onConnect", (e) => e.onConnect?.(connection));
    this.rooms
      .open(identity.docName, identity.draftId, identity.workspaceId)
      .then((opened) => {
        if (ws.readyState !== ws.OPEN) return this.rooms.release(opened);
        room = opened;
        connection.roomReadyAt = performance.now();
        opened.connections.add(connection);
        connection.send(opened.syncStep1());
        const states = [...opened.awareness.getStates().keys()];
        if (states.length > 0) connection.send(encodeAwarenessStates(opened.awareness, states));
        for (const bytes of queue.splice(0)) this.intake.receive(opened, connection, bytes);
      })
      .catch((error: unknown) => {
        this.options.log.error("collab room failed to load", { draftId: identity.draftId, error: String(error) });
        connection.close(1011, "Could not load the draft");
      });
  }

  /**
   * Tells every socket on the draft, on this node and (through the extensions) on the others,
   * that something stored outside the Y.Doc changed; browsers refetch it over HTTP. Sent even
   * when the draft is not open here: it may be open on another node. Never throws: a lost event
   * only delays what the next fetch shows.
   */
  announce(draftId: string, event: DraftEvent): void {
    try {
      // Callers are typed, but a bad id would be dropped by every browser: better to say so here.
      const parsed = DraftEventSchema.safeParse(event);
      if (!parsed.success) {
        this.options.log.warn("collab draft event refused", { draftId, error: parsed.error.message });
        return;
      }
      const frame = encodeDraftEvent(parsed.data);
      const room = this.rooms.get(draftDocName(draftId));
      if (room) for (const connection of room.connections) connection.send(frame);
      this.each("onAnnounce", (e) => e.onAnnounce?.(draftId, frame));
    } catch (error) {
      this.options.log.warn("collab draft event not sent", { draftId, error: String(error) });
    }
  }

  /**
   * Applies a change the server already stored (a restore, server/versions) to this node's room,
   * whose sockets receive it as any update, and through the extensions to every other node's.
   * The database has it: nothing here stores it again.
   */
  applyStoredChange(draftId: string, update: Uint8Array): void {
    const room = this.rooms.get(draftDocName(draftId));
    if (room) {
      try {
        room.receive(update, SERVER_ORIGIN);
      } catch (error) {
        this.options.log.error("collab stored change not applied", { draftId, error: String(error) });
      }
    }
    this.each("onStoredChange", (e) => e.onStoredChange?.(draftId, update));
  }

  /**
   * Re-checks the access of every local socket the filter matches (a membership changed) and
   * closes those whose abilities shrank. Extensions tell the other nodes.
   */
  async revalidate(filter: RevalidationFilter, fromPeer = false): Promise<void> {
    this.each("onRevalidate", (e) => e.onRevalidate?.(filter, fromPeer));
    const checks: Promise<void>[] = [];
    for (const room of this.rooms.all()) {
      if (filter.workspaceId && room.workspaceId !== filter.workspaceId) continue;
      for (const connection of room.connections) {
        if (filter.userId && connection.identity.user.id !== filter.userId) continue;
        checks.push(this.recheck(connection));
      }
    }
    await Promise.all(checks);
  }

  private async recheck(connection: Connection): Promise<void> {
    const before = connection.identity;
    const after = await this.options.reauthorise(before).catch(() => "no-access" as const);
    if (after === "session-ended") return connection.close(CloseCode.SessionEnded, "Signed out");
    // Any change of what this editor may do needs a fresh page: it decided read-only at load.
    const same =
      after !== "no-access" &&
      after.abilities.read &&
      after.abilities.edit === before.abilities.edit &&
      after.abilities.comment === before.abilities.comment;
    if (same) {
      connection.identity = after;
      return;
    }
    connection.close(CloseCode.AuthorizationChanged, "Access changed");
  }

  /**
   * Brings the draft's room on every node in line with what is stored — the submission freeze
   * re-read, then every change it holds written — and resolves when every node that has it open
   * has done so. Exports and checks call it so they read what people see; a submission calls it
   * after holding the draft, so its file includes every change applied before the freeze and
   * nothing after. Rejects only when a peer did not answer in time (or cannot be asked), and
   * then only once this node's own room has settled: a caller that gives up on a submission
   * ends the hold and settles again, and its answer must find this room open again, not still
   * reading the hold it just ended.
   */
  async settle(draftId: string): Promise<void> {
    const room = this.rooms.get(draftDocName(draftId));
    const local = room ? this.settleRoom(room) : Promise.resolve();
    const peers = this.options.extensions.map((e) => e.settlePeers?.(draftId));
    const failed = (await Promise.allSettled([local, ...peers])).find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }

  /** This node's part of settle(): the extensions' settle hooks, in pipeline order. */
  async settleLocally(draftId: string): Promise<void> {
    const room = this.rooms.get(draftDocName(draftId));
    if (room) await this.settleRoom(room);
  }

  private async settleRoom(room: Room): Promise<void> {
    for (const extension of this.options.extensions) await extension.settle?.(room);
  }

  /**
   * Drops this node's copy of a draft whose change the database refused (it was submitted
   * meanwhile), and closes its sockets with a code that reconnects them: the reloaded room holds
   * only what is stored, and each client's next sync tells it what of its own was not accepted.
   */
  reload(draftId: string): void {
    const room = this.rooms.get(draftDocName(draftId));
    if (!room) return;
    this.options.log.warn("collab room reloaded: a change was refused by the database", { draftId });
    const sockets = [...room.connections];
    this.rooms.evict(room);
    for (const connection of sockets) connection.close(CloseCode.DraftReloaded, "Draft reloaded");
  }

  /** Sends a draft event to this node's sockets on the draft only (a room's own timer fired). */
  announceLocally(room: Room, event: DraftEvent): void {
    const frame = encodeDraftEvent(event);
    for (const connection of room.connections) connection.send(frame);
  }

  /** Stops accepting, flushes every room, then closes the sockets (clients reconnect elsewhere). */
  async shutdown(): Promise<void> {
    this.closing = true;
    this.stopLiveness();
    await this.rooms.flushAll();
    for (const room of this.rooms.all()) {
      for (const connection of room.connections) connection.close(CloseCode.ServerShuttingDown, "Server restarting");
    }
    for (const extension of this.options.extensions) await extension.onShutdown?.();
    this.wss.close();
  }

  private each(hook: string, call: (extension: CollabExtension) => void): void {
    for (const extension of this.options.extensions) {
      try {
        call(extension);
      } catch (error) {
        this.options.log.error("collab extension failed", { extension: extension.name, hook, error: String(error) });
      }
    }
  }
}

function refuseHttp(socket: Duplex, status: number, message: string): void {
  const text = message.replace(/[^\x20-\x7e]/g, "");
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}
