import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";

/**
 * The headers a scanner reads, from the real production server (`npm run build` first): every
 * document and every Remix answer carries the policy and is not stored; assets stay cacheable.
 */
describe("security headers of the production server", () => {
  let server: RunningServer;
  let secure: RunningServer;
  beforeAll(async () => {
    // Booting migrates a fresh PGlite directory: tens of seconds on a busy machine.
    [server, secure] = await Promise.all([startServer(), startServer({ ORIGIN: "https://caucus.example" })]);
  }, 180_000);
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    expect(await secure?.stop()).toBe(0);
  }, 60_000);

  const get = (path: string, base = server.url) => fetch(`${base}${path}`, { redirect: "manual" });

  it("sends a strict policy with a nonce on a document, and the document's scripts carry it", async () => {
    const response = await get("/login");
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    const directives = new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(directives.get("script-src")?.[0] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(directives.get("script-src")).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // Plain http: HSTS would be ignored, and is not sent.
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce each time.
    expect((await get("/login")).headers.get("content-security-policy")).not.toContain(nonce!);
  });

  it("marks Remix data requests and resource routes no-store", async () => {
    // Single fetch: a page's data is `<path>.data`.
    const data = await get("/login.data");
    expect(data.status).toBe(200);
    expect(data.headers.get("content-type")).toMatch(/text\/x-script/);
    expect(data.headers.get("cache-control")).toBe("no-store");
    const resource = await get("/language");
    expect(resource.status).toBe(302);
    expect(resource.headers.get("cache-control")).toBe("no-store");
    expect(resource.headers.get("content-security-policy")).toMatch(/script-src 'nonce-/);
  });

  it("lets the browser cache the built assets", async () => {
    const asset = readdirSync("build/client/assets").find((name) => name.startsWith("root-") && name.endsWith(".js"))!;
    const response = await get(`/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/max-age=31536000/);
    expect(response.headers.get("cache-control")).not.toMatch(/no-store/);
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });

  it("sends HSTS when the public origin is https", async () => {
    const response = await get("/login", secure.url);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000");
  });
});
