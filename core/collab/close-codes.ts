import { message, type Message, type MessageId } from "../i18n/message";

/**
 * WebSocket close codes the collaboration server sends and the client switches on. y-websocket
 * treats 4400–4499 as permanent (it stops reconnecting and emits `closed`) and everything else as
 * transient, so the numbers carry the retry decision; the names carry the message to the user.
 */
export const CloseCode = {
  /** The session expired or was signed out: sign in again. */
  SessionEnded: 4401,
  /** An owner removed this person or changed their role, or the draft was submitted, while it was open. */
  AuthorizationChanged: 4403,
  /** No such draft, or not one this person may see (a stranger learns nothing more). */
  DocumentNotFound: 4404,
  /** A single message was over the frame limit. Retrying would send it again. */
  MessageTooLarge: 4413,
  /** Applying the change would take the document over its size limit. */
  DocumentTooLarge: 4422,
  /**
   * The page kept sending presence (caret) updates far faster than a person can: a bug or a
   * hostile client. Permanent, so a runaway page does not reconnect and start again.
   */
  PresenceFlood: 4429,
  /** This node is at its connection limit, or this person has too many open: try later. */
  TooManyConnections: 4529,
  /** The server is restarting: reconnect (to this or another node). */
  ServerShuttingDown: 4503,
  /**
   * The server dropped its copy of the draft to reload it from storage (a change it had applied
   * could not be stored: the draft was submitted meanwhile). Reconnect: the new sync tells the
   * client what of its own work was not accepted.
   */
  DraftReloaded: 4510,
  /** The node is receiving too many large changes at once: reconnect and send again shortly. */
  ServerBusy: 4530,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

// What the person is told, as catalogue ids (locales/ui/<language>/editor.json): the page says it in their language.
const MESSAGES: Record<CloseCodeName, MessageId> = {
  SessionEnded: "editor.close.sessionEnded",
  AuthorizationChanged: "editor.close.authorizationChanged",
  DocumentNotFound: "editor.close.documentNotFound",
  MessageTooLarge: "editor.close.messageTooLarge",
  DocumentTooLarge: "editor.close.documentTooLarge",
  PresenceFlood: "editor.close.presenceFlood",
  TooManyConnections: "editor.close.tooManyConnections",
  ServerShuttingDown: "editor.close.serverShuttingDown",
  DraftReloaded: "editor.close.draftReloaded",
  ServerBusy: "editor.close.serverBusy",
};

/** Whether the client should stop reconnecting after this close code. */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === 1009;
}

/** What to tell the person at the keyboard (a message the page puts into words), or null for an ordinary disconnect. */
export function closeMessage(code: number): Message | null {
  if (code === 1009) return message(MESSAGES.MessageTooLarge);
  const name = (Object.keys(CloseCode) as CloseCodeName[]).find((k) => CloseCode[k] === code);
  return name ? message(MESSAGES[name]) : null;
}
