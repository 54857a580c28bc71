import { userColor } from "../../../core/collab/user-color";

export interface StateBounds {
  /** One state's JSON as sent; a caret state is about 200 bytes. */
  maxStateBytes: number;
  /** Any one field other than `user`, serialised; a caret (two relative positions) is about 200. */
  maxFieldBytes: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A presence state as a member's browser announced it, bound to their account: `user` is always
 * `{ name, color }` from the account (whatever the page claimed), other fields are kept if small
 * (the caret's `cursor`, anything a later editor extension adds) and dropped if not.
 * Returns the JSON to apply — "null" for a removal — or null to refuse the entry: too large,
 * not JSON, or not an object.
 */
export function bindState(json: Uint8Array, account: { id: string; name: string }, bounds: StateBounds): string | null {
  if (json.byteLength > bounds.maxStateBytes) return null;
  let state: unknown;
  try {
    state = JSON.parse(utf8.decode(json));
  } catch {
    return null;
  }
  if (state === null) return "null";
  if (typeof state !== "object" || Array.isArray(state)) return null;
  const kept: Array<[string, unknown]> = [["user", { name: account.name, color: userColor(account.id) }]];
  for (const [key, value] of Object.entries(state)) {
    if (key === "user") continue;
    if (Buffer.byteLength(JSON.stringify(value)) <= bounds.maxFieldBytes) kept.push([key, value]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a plain (dropped or kept) field.
  return JSON.stringify(Object.fromEntries(kept));
}
