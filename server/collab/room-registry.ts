import type { Logger } from "../logger";
import { Room } from "./room";
import type { ChangeOrigin, CollabExtension } from "./types";

interface RegistryOptions {
  extensions: CollabExtension[];
  graceMs: number;
  log: Logger;
  onChange: (room: Room, update: Uint8Array, origin: ChangeOrigin, freshClients: readonly number[]) => void;
  onAwarenessChange: (room: Room, update: Uint8Array, origin: ChangeOrigin) => void;
}

/**
 * The open rooms of this node. A room loads once however many sockets ask at the same moment,
 * and leaves memory only when it has been empty for the grace period and holds no unsaved work.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();

  constructor(private readonly options: RegistryOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  async open(name: string, draftId: string, workspaceId: string): Promise<Room> {
    const open = this.rooms.get(name);
    if (open) {
      if (open.unloadTimer) clearTimeout(open.unloadTimer);
      open.unloadTimer = null;
      return open;
    }
    const pending = this.loading.get(name);
    if (pending) return pending;
    const load = this.load(name, draftId, workspaceId).finally(() => this.loading.delete(name));
    this.loading.set(name, load);
    return load;
  }

  private async load(name: string, draftId: string, workspaceId: string): Promise<Room> {
    const room = new Room(name, draftId, workspaceId, this.options.onChange, this.options.onAwarenessChange);
    for (const extension of this.options.extensions) await extension.onLoadDocument?.(room);
    this.rooms.set(name, room);
    return room;
  }

  /** A socket left: start the grace period once the room is empty. */
  release(room: Room): void {
    if (room.destroyed || room.connections.size > 0 || room.unloadTimer) return;
    room.unloadTimer = setTimeout(() => void this.unload(room), this.options.graceMs);
    room.unloadTimer.unref();
  }

  private async unload(room: Room): Promise<void> {
    room.unloadTimer = null;
    if (room.connections.size > 0) return;
    try {
      for (const extension of this.options.extensions) await extension.beforeUnload?.(room);
    } catch (error) {
      this.options.log.warn("room kept: flush before unload failed", { draftId: room.draftId, error: String(error) });
      return this.release(room);
    }
    // Work that arrived during the flush (a peer's update, a new socket) keeps the room.
    const busy = this.options.extensions.some((e) => e.isBusy?.(room));
    if (room.connections.size > 0 || busy) return this.release(room);
    this.rooms.delete(room.name);
    room.destroy();
  }

  /**
   * Drops a room from memory at once, without writing it anywhere: its memory holds a change
   * the database refused. Its sockets must be closed by the caller; the next open reloads it.
   */
  evict(room: Room): void {
    if (this.rooms.get(room.name) !== room) return;
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.unloadTimer = null;
    this.rooms.delete(room.name);
    room.destroy();
  }

  /** Flushes every room (shutdown): nothing a client sent is left only in memory. */
  async flushAll(): Promise<void> {
    await Promise.all(
      [...this.rooms.values()].map(async (room) => {
        for (const extension of this.options.extensions) await extension.beforeUnload?.(room);
      }),
    );
  }
}
