import type { Kysely } from "kysely";
import { footnoteToSource } from "../../core/citations/footnote-to-source";
import { parseUnSymbol } from "../../core/citations/un-symbol";
import { message, type Message } from "../../core/i18n/message";
import { SourceInputSchema, type SourceRecord } from "../../core/library/records";
import { findSourceBySymbol, upsertSources } from "../../db/queries/library-sources";
import type { Database } from "../../db/schema";

/** A source added (or found already there), or why none could be: 422 with the message. */
export type AddedSource = { ok: true; source: SourceRecord; pinpoint: string | null } | { ok: false; status: 422; error: Message };

type Actor = { userId: string; userName: string; workspaceId: string };

const provenanceFor = (actor: Actor) => ({ source: `Added in Caucus by ${actor.userName}`, licence: null, retrievedAt: new Date().toISOString().slice(0, 10) });

/**
 * A UN document, by its symbol, in the coalition's library: the record already there (the
 * coalition's copy first, then the shared library's), or a new one with the title, issuing body
 * and date given.
 */
export async function ensureSymbolSource(
  db: Kysely<Database>,
  actor: Actor,
  input: { symbol: string; title?: string; issuingBody?: string; date?: string }
): Promise<AddedSource> {
  const symbol = parseUnSymbol(input.symbol);
  const refused = { ok: false as const, status: 422 as const, error: message("library.sources.notSymbol", { symbol: input.symbol }) };
  if (!symbol.valid) return refused;
  const existing = await findSourceBySymbol(db, actor.workspaceId, symbol.normalised);
  if (existing) return { ok: true, source: existing, pinpoint: null };
  const draft = SourceInputSchema.safeParse({
    csl: { type: "report", title: input.title, ...(input.date ? { issued: { "date-parts": [input.date.split("-").map(Number)] } } : {}) },
    unSymbol: symbol.normalised,
    issuingBody: input.issuingBody ?? null,
    provenance: provenanceFor(actor),
  });
  if (!draft.success) return refused;
  const { records } = await upsertSources(db, actor.workspaceId, [draft.data], { createdBy: actor.userId });
  return { ok: true, source: records[0]!, pinpoint: null };
}

/**
 * A typed footnote read into a source (document symbol, URL, title, date) and added to the
 * coalition's library; one already there (same symbol, DOI or URL) is returned instead of a copy.
 * The note's pinpoint ("para. 27") comes back beside it.
 */
export async function sourceFromFootnote(db: Kysely<Database>, actor: Actor, text: string): Promise<AddedSource> {
  const reading = footnoteToSource(text, provenanceFor(actor));
  const draft = reading.source ? SourceInputSchema.safeParse(reading.source) : null;
  if (!draft?.success) {
    const why = reading.pointer ? message("library.sources.pointer") : message("library.sources.nothingFound");
    return { ok: false, status: 422, error: why };
  }
  const { records } = await upsertSources(db, actor.workspaceId, [draft.data], { createdBy: actor.userId });
  return { ok: true, source: records[0]!, pinpoint: reading.pinpoint };
}
