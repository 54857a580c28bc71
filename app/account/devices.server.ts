import type { AppLoadContext } from "@remix-run/node";
import type { ValidSession } from "../auth/session.server";

/** The Account page's devices, as the page needs them (dates as ISO strings, this device marked). */
export async function loadDevices(context: AppLoadContext, session: ValidSession) {
  const rows = await context.services.auth.sessions(session.user.id);
  return rows.map((row) => ({
    id: row.id,
    userAgent: row.userAgent,
    shared: row.shared,
    method: row.method,
    signedInAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    current: row.id === session.sessionId,
  }));
}

export type DeviceView = Awaited<ReturnType<typeof loadDevices>>[number];
