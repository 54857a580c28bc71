import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { readSessionTokenFromCookies, sessionForDraftValidator } from "../../auth/sessions";
import { isSameOriginRequest } from "../../http/origin-guard";
import { HttpRefusal, type CollabExtension } from "../types";

/**
 * The upgrade must come from our own pages (Origin: a WebSocket is not covered by CORS) and carry
 * a live session cookie. Both are checked before any socket exists; the same statement reads the
 * user's access to the draft, which authorisation then decides on.
 */
export function authentication(options: { db: Kysely<Database>; publicOrigin: string | undefined; trustProxy: boolean }): CollabExtension {
  const validate = sessionForDraftValidator(options.db);
  return {
    name: "authentication",
    async onUpgrade(request) {
      const host = request.headers.host;
      const forwarded = options.trustProxy ? String(request.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() : "";
      const expected = options.publicOrigin ?? `${forwarded === "https" ? "https" : "http"}://${host}`;
      const origin = request.headers.origin;
      if (!host || !isSameOriginRequest({ origin }, expected)) throw new HttpRefusal(403, "Forbidden origin");
      const token = readSessionTokenFromCookies(request.headers.cookie);
      const found = token ? await validate(token, request.draftId) : null;
      if (!found) throw new HttpRefusal(401, "Unauthorized");
      request.user = found.session.user;
      request.sessionId = found.session.sessionId;
      request.draftAccess = found.access;
    },
  };
}
