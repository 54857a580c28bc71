import { message } from "../../core/i18n/message";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { LibrarySearchSchema } from "../../core/library/search-query";
import { requireWorkspaceAccess } from "../auth/guards.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

// Response.json, not data(): the editor fetches this URL itself, and for a resource route
// outside single fetch's ".data" requests, data()'s status and headers are lost.

/**
 * GET: the library search as JSON, for the editor's Library panel (the Library page renders the
 * same search itself). Query parameters as LibrarySearchSchema; any member may search.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "read");
  const url = new URL(request.url);
  const parsed = LibrarySearchSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    // The same message as the library page gives a bad search, naming the first field at fault.
    return Response.json(
      { error: message("library.query.invalid", { field: String(parsed.error.issues[0]?.path[0] ?? "q") }) },
      { status: 400, headers: NO_STORE }
    );
  }
  return Response.json(await context.services.library.search(workspace.id, parsed.data), { headers: NO_STORE });
}
