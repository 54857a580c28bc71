import type { Kysely } from "kysely";
import type { DatabaseKind } from "../db/client";
import type { Database } from "../db/schema";
import type { Mailer } from "./mail/mailer";

/** What the server hands every Remix loader and action (typed as AppLoadContext in app/). */
// A type alias, not an interface: Remix's AppLoadContext has an index signature that only
// object type aliases satisfy implicitly.
export type RequestContext = {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  mailer: Mailer;
  /** The client's address (behind a proxy only when TRUST_PROXY is set); for rate limiting. */
  clientIp: string;
  /** Public origin from ORIGIN, or undefined to use the request's own. */
  publicOrigin: string | undefined;
};
