import type { Logger } from "../../logger";
import type { CollabExtension } from "../types";

/** Who came and went, and how many frames a socket sent that were dropped (changes from a read-only socket, message types clients may not send). No content. */
export function logging(log: Logger): CollabExtension {
  return {
    name: "logging",
    onConnect(connection) {
      const { user, draftId, abilities } = connection.identity;
      log.debug("collab connect", { connection: connection.id, user: user.id, draftId, readOnly: !abilities.edit });
    },
    onDisconnect(connection) {
      const fields = { connection: connection.id, draftId: connection.identity.draftId, dropped: connection.droppedFrames, readOnly: !connection.identity.abilities.edit };
      if (connection.droppedFrames > 0) log.warn("collab connection sent frames that were dropped", fields);
      else log.debug("collab disconnect", fields);
    },
  };
}
