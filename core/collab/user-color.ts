/** Caret and avatar colours: distinct, readable on white, as #rrggbb (CollaborationCaret needs hex). */
const PALETTE = ["#0b5cad", "#b42318", "#146c43", "#8a3ffc", "#b35c00", "#00726d", "#c2185b", "#4b5563", "#1d4ed8", "#7c5e10"];

/**
 * The same person gets the same colour in every tab and on every machine. The collaboration
 * server stamps it on every presence state it relays, so browser and server must share this one.
 */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** One or two letters for an avatar: first and last word of the name. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1]![0] : "")).toUpperCase();
}
