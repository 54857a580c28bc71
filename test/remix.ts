import type { AppLoadContext } from "@remix-run/node";
import type { DatabaseHandle } from "../db/client";
import type { CollabControl, JobRunner } from "../server/context";
import { JobPool } from "../server/jobs/job-pool";
import { createLogger } from "../server/logger";
import { copyLinkMailer } from "../server/mail/mailer";
import { memoryLimits, type Limits } from "../server/limits/limits";
import { createServices, type ServiceDeps } from "../server/services";

let jobPool: JobPool | undefined;
/** One real export pool per test process, started on first use (its workers do not hold the process). */
const testJobs: JobRunner = { run: (job, options) => (jobPool ??= new JobPool({ size: 1, timeoutMs: 60_000, maxOutputBytes: 50_000_000 })).run(job, options) };

/** One memory store per test database, as one server has one: attempts count across the contexts a test makes. */
const limitsByDatabase = new WeakMap<DatabaseHandle, Limits>();
function limitsFor(handle: DatabaseHandle): Limits {
  let limits = limitsByDatabase.get(handle);
  if (!limits) limitsByDatabase.set(handle, (limits = memoryLimits()));
  return limits;
}

export type TestContext = AppLoadContext & Pick<ServiceDeps, "db" | "databaseKind">;

/**
 * The load context the server would build, over a test database; `db` and `databaseKind` ride
 * along for tests that set up rows directly (routes only see `services`).
 */
export function testContext(handle: DatabaseHandle, clientIp = "203.0.113.7", collab?: CollabControl, jobs: JobRunner = testJobs, limits: Limits = limitsFor(handle)): TestContext {
  const deps = {
    db: handle.db,
    databaseKind: handle.kind,
    mailer: copyLinkMailer,
    collab: collab ?? { revalidate: async () => {}, announce: () => {}, settle: async () => {}, applyStoredChange: () => {} },
    jobs,
    log: createLogger("silent"),
    limits,
  };
  return {
    db: deps.db,
    databaseKind: deps.databaseKind,
    services: createServices(deps),
    clientIp,
    publicOrigin: undefined,
  };
}

export const ORIGIN = "http://caucus.test";

/** A request as the browser sends it: same-origin, with the session cookie when given. */
export function makeRequest(
  path: string,
  options: { token?: string; form?: Record<string, string | string[]>; method?: string } = {},
): Request {
  const headers = new Headers({ origin: ORIGIN });
  if (options.token) headers.set("cookie", `caucus_session=${options.token}`);
  const method = options.method ?? (options.form ? "POST" : "GET");
  // An array is sent as a repeated field, as a group of checkboxes is.
  const body = options.form
    ? new URLSearchParams(Object.entries(options.form).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => [key, v])))
    : undefined;
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

/** What a loader or action did, however it said it: returned, thrown, Response or data(). */
export interface Outcome {
  status: number;
  location: string | null;
  body: unknown;
  setCookie: string | null;
}

interface DataWithInit {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

function toOutcome(value: unknown): Outcome {
  if (value instanceof Response) {
    return {
      status: value.status,
      location: value.headers.get("location"),
      body: undefined,
      setCookie: value.headers.get("set-cookie"),
    };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, location: null, body: value.data, setCookie: headers.get("set-cookie") };
  }
  return { status: 200, location: null, body: value, setCookie: null };
}

type RouteFunction = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;

/** Runs a loader or action the way Remix would and reports the outcome. */
export async function run(
  fn: RouteFunction,
  request: Request,
  context: AppLoadContext,
  params: Record<string, string> = {},
): Promise<Outcome> {
  try {
    return toOutcome(await fn({ request, context, params }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toOutcome(thrown);
    throw thrown;
  }
}

/**
 * Runs a resource route's loader or action and reads its answer. Those routes answer with
 * Response.json (a browser's fetch() of a resource route loses data()'s status), and `run`
 * reports a Response's status but not its body; this reads a JSON body, or the text of any other.
 */
export async function runJson(
  fn: RouteFunction,
  request: Request,
  context: AppLoadContext,
  params: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  let value: unknown;
  try {
    value = await fn({ request, context, params });
  } catch (thrown) {
    if (!(thrown instanceof Response) && !isDataWithInit(thrown)) throw thrown;
    value = thrown;
  }
  if (!(value instanceof Response)) {
    const { status, body } = toOutcome(value);
    return { status, body };
  }
  const text = await value.text();
  return { status: value.status, body: value.headers.get("content-type")?.includes("application/json") ? JSON.parse(text) : text };
}

/** The token inside a Set-Cookie header that signs someone in. */
export function tokenFromSetCookie(setCookie: string | null): string | undefined {
  return /caucus_session=([a-z2-7]{32})/.exec(setCookie ?? "")?.[1];
}
