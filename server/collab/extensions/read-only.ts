import type { CollabExtension } from "../types";

/**
 * Reviewers and viewers read the live document but must not change it: their sync step 2 and
 * update frames are dropped (and counted). Sync step 1 is still answered, and awareness passes,
 * so they see the document and others see them.
 */
export function readOnlyFilter(): CollabExtension {
  return {
    name: "read-only filter",
    onMessage(connection, message) {
      if (!connection.readOnly) return true;
      if (message.type === "sync-step-2" || message.type === "sync-update") {
        connection.droppedFrames += 1;
        return false;
      }
      return true;
    },
  };
}
