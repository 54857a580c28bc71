import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { formatSourceLabel } from "../../core/citations/source-format";
import { message, type Message } from "../../core/i18n/message";
import type { SourceRecord } from "../../core/library/records";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { parseForm } from "../forms.server";

/** A source as the editor's citation picker shows and inserts it. */
function forPicker(source: SourceRecord) {
  return {
    id: source.id,
    label: formatSourceLabel(source),
    description: formatSourceLabel(source, { form: "full" }),
    unSymbol: source.unSymbol,
    defaultPinpoint: source.defaultPinpoint,
    shared: source.workspaceId === null,
  };
}
export type PickerSource = ReturnType<typeof forPicker>;

const NO_STORE = { "Cache-Control": "private, no-store" };

// Response.json, not data(): the editor fetches this URL itself, and for a resource route
// outside single fetch's ".data" requests, data()'s status and headers are lost.
const answer = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });
// The refusal is a message (id and values): the editor says it in the person's language.
const refuse = (status: 400 | 422, error: Message) => answer({ error }, status);

const Ids = z.array(z.uuid()).max(500);

/**
 * GET ?q=: sources to cite (shared + coalition), for the footnote's citation picker.
 * GET ?id=…&id=…: which of the sources a draft cites are still in the library (the pre-flight
 * check reports citations to the others).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "read");
  const url = new URL(request.url);
  if (url.searchParams.has("id")) {
    const ids = Ids.safeParse(url.searchParams.getAll("id"));
    if (!ids.success) return refuse(400, message("library.sources.badIds"));
    const found = await context.services.library.findSources(workspace.id, ids.data);
    return answer({ known: found.map((s) => s.id) });
  }
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const sources = await context.services.library.searchSources(workspace.id, q, 15);
  return answer({ sources: sources.map(forPicker) });
}

const ActionSchema = z.discriminatedUnion("intent", [
  // The source a recommendation's automatic footnote cites: its UN document.
  z.object({
    intent: z.literal("ensure-symbol"),
    symbol: z.string().trim().min(1).max(120),
    title: z.string().trim().max(500).optional(),
    issuingBody: z.string().trim().max(300).optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }),
  // "Turn this footnote into a library source".
  z.object({ intent: z.literal("from-footnote"), text: z.string().trim().min(1).max(5000) }),
]);

/**
 * POST: adds a source to the coalition's library (owners and editors). Adding one that is
 * already there (same symbol, DOI or URL) returns the existing record instead of a copy.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  const parsed = parseForm(await request.formData(), ActionSchema);
  if (!parsed.ok) return refuse(400, parsed.formError ?? Object.values(parsed.fieldErrors).flat()[0] ?? message("library.sources.badForm"));
  const actor = { userId: user.id, userName: user.name, workspaceId: workspace.id };
  const input = parsed.data;
  const added = input.intent === "ensure-symbol" ? await context.services.library.ensureSymbolSource(actor, input) : await context.services.library.sourceFromFootnote(actor, input.text);
  if (!added.ok) return refuse(added.status, added.error);
  return answer({ source: forPicker(added.source), pinpoint: added.pinpoint });
}
