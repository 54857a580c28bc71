import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { sql } from "kysely";
import type { ViteDevServer } from "vite";
import type { DatabaseHandle } from "../../db/client";
import type { Env } from "../env";
import type { Logger } from "../logger";
import type { RequestContext } from "../context";
import type { Services } from "../services";
import { originGuard } from "./origin-guard";
import { noStoreByDefault, securityHeaders } from "./security-headers";

export interface HttpAppOptions {
  env: Env;
  database: DatabaseHandle;
  services: Services;
  httpServer: Server;
  log: Logger;
  /** Where `remix vite:build` put the server bundle (production only). */
  buildPath: string;
}

/**
 * The Express app: health check, security headers, CSRF origin guard, static assets, Remix.
 * In development Vite runs as middleware on the same HTTP server (its HMR socket included).
 */
export async function createHttpApp(options: HttpAppOptions): Promise<{ app: express.Express; vite?: ViteDevServer }> {
  const { env, database, log } = options;
  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", true);
  app.use(securityHeaders({ publicOrigin: env.ORIGIN, development: env.NODE_ENV !== "production" }));

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Express 4 ignores the promise; every path below answers, errors included
  app.get("/healthz", async (_req, res) => {
    try {
      await sql`select 1`.execute(database.db);
      res.json({ status: "ok", database: database.kind });
    } catch (error) {
      log.error("health check failed", { error: String(error) });
      res.status(503).json({ status: "unavailable", database: database.kind });
    }
  });

  let vite: ViteDevServer | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (env.NODE_ENV === "production") {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h", index: false }));
    build = await importBuild(options.buildPath);
  } else {
    const { createServer } = await import("vite");
    vite = await createServer({
      server: { middlewareMode: true, hmr: { server: options.httpServer } },
      appType: "custom",
    });
    app.use(vite.middlewares);
    const devServer = vite;
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  }

  app.use(originGuard(env.ORIGIN));
  app.use(noStoreByDefault());
  app.all(
    "*",
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Remix's handler catches its own errors and passes them to next()
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res): RequestContext => ({
        services: options.services,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? "unknown",
        publicOrigin: env.ORIGIN,
      }),
    }),
  );
  return { app, vite };
}

async function importBuild(path: string): Promise<ServerBuild> {
  try {
    return (await import(/* @vite-ignore */ path)) as ServerBuild;
  } catch (error) {
    throw new Error(`No production build at ${path}: run \`npm run build\` first (${String(error)})`);
  }
}
