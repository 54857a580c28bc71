import type { Kysely } from "kysely";
import type { Database } from "../schema";

/** A database or an open transaction: query functions take this first; the caller owns the transaction. */
export type Executor = Kysely<Database>;
