import type { IncomingHttpHeaders } from "node:http";
import type { Abilities } from "../../core/policies";
import type { DraftAccessRow } from "../../db/queries/upgrade-access";
import type { DraftStatus } from "../../db/schema";
import type { Connection } from "./connection";
import type { Room } from "./room";

/** Who is connecting and to what; filled in by the upgrade hooks, in pipeline order. */
export interface UpgradeRequest {
  readonly headers: IncomingHttpHeaders;
  readonly docName: string;
  readonly draftId: string;
  /** Set by authentication. */
  user?: { id: string; name: string; email: string };
  sessionId?: string;
  /**
   * Set by authentication: the user's access to the draft, read with the session in one
   * statement (null: no such draft). Authorisation decides from it; it is not kept on the socket.
   */
  draftAccess?: DraftAccessRow | null;
  /** Set by authorisation. */
  workspaceId?: string;
  abilities?: Abilities;
  /** The draft's status when access was decided: says why a socket may not edit. */
  draftStatus?: DraftStatus;
}

export type ConnectionIdentity = Required<Omit<UpgradeRequest, "headers" | "draftAccess">>;

/** Where a change to a room's document came from. */
export type ChangeOrigin =
  | { kind: "client"; connection: Connection }
  | { kind: "storage" }
  /** A change the server made and stored itself (a restore): applied in memory, already stored. */
  | { kind: "server" }
  | { kind: "peer"; nodeId: string };

/** The first part of an incoming frame, read without applying it. */
export interface ClassifiedMessage {
  type:
    | "sync-step-1"
    | "sync-step-2"
    | "sync-update"
    | "awareness"
    | "query-awareness"
    | "auth"
    | "save-request"
    | "ping"
    | "update-chunk"
    | "unknown";
  /** An onMessage hook may replace it with a frame of the same type (the presence guard rewrites awareness). */
  bytes: Uint8Array;
  /** A sync-update put together from UPDATE_CHUNK frames: larger than one frame may be. */
  assembled?: boolean;
}

/** Which connections a membership change concerns. */
export interface RevalidationFilter {
  workspaceId?: string;
  userId?: string;
}

/**
 * One concern of the collaboration server (docs/style.md §5). The server calls each hook of each
 * extension in the order the extensions are listed in `server/collab/index.ts`.
 */
export interface CollabExtension {
  readonly name: string;
  /** Before the WebSocket exists; throw an HttpRefusal or CloseRefusal to refuse. */
  onUpgrade?(request: UpgradeRequest): Promise<void> | void;
  onConnect?(connection: Connection): void;
  /** An incoming frame before it is applied; return false to drop it. */
  onMessage?(connection: Connection, message: ClassifiedMessage, room: Room): boolean;
  /** Fill a new room's document (from storage) before any client sees it. */
  onLoadDocument?(room: Room): Promise<void>;
  /**
   * A change the room took in (it held something new), exactly as it came; must not block
   * (persistence queues). `freshClients`: the Yjs clients whose structs it adds to the room.
   */
  onChange?(room: Room, update: Uint8Array, origin: ChangeOrigin, freshClients: readonly number[]): void;
  onAwarenessChange?(room: Room, update: Uint8Array, origin: ChangeOrigin): void;
  onDisconnect?(connection: Connection): void;
  /** Whether the room still has work in flight (unsaved updates): such a room is never unloaded. */
  isBusy?(room: Room): boolean;
  /** Before a room leaves memory: flush whatever it holds. */
  beforeUnload?(room: Room): Promise<void>;
  /**
   * Brings an open room in line with what is stored and stores what it holds: the submission
   * freeze re-reads the draft's freeze, then persistence writes every pending update. Called in
   * pipeline order, so nothing is applied after the freeze that the write does not include.
   */
  settle?(room: Room): Promise<void>;
  /**
   * Asks the other nodes to settle the draft and resolves once every node that has it open has
   * answered (multi-node only). Rejects when one did not answer in time.
   */
  settlePeers?(draftId: string): Promise<void>;
  /** A membership change happened here; peers may need to hear of it. */
  onRevalidate?(filter: RevalidationFilter, fromPeer: boolean): void;
  /**
   * A draft event was announced on this node (an HTTP write) and already sent to this node's
   * sockets on the draft; peers need to hear of it, whether or not the room is open here.
   * `frame` is the encoded MESSAGE_DRAFT_EVENT frame, ready to send as it is. Must not block.
   */
  onAnnounce?(draftId: string, frame: Uint8Array): void;
  /** The server stored a change of its own to the draft (CollabServer.applyStoredChange): tell the other nodes. */
  onStoredChange?(draftId: string, update: Uint8Array): void;
  onShutdown?(): Promise<void>;
}

/** Refuse at the HTTP level, before any WebSocket exists (no cookie, bad Origin). */
export class HttpRefusal extends Error {
  override readonly name = "HttpRefusal";
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** Accept, then close with a named code the client recognises (authenticated but refused). */
export class CloseRefusal extends Error {
  override readonly name = "CloseRefusal";
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
