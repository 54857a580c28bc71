import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSameOriginRequest, originGuard } from "./origin-guard";

describe("isSameOriginRequest", () => {
  const expected = "https://caucus.example.org";
  it("accepts the exact origin", () => {
    expect(isSameOriginRequest({ origin: expected }, expected)).toBe(true);
  });
  it("refuses another origin, a look-alike and an opaque one", () => {
    expect(isSameOriginRequest({ origin: "https://evil.example" }, expected)).toBe(false);
    expect(isSameOriginRequest({ origin: "https://caucus.example.org.evil.example" }, expected)).toBe(false);
    expect(isSameOriginRequest({ origin: "null" }, expected)).toBe(false);
  });
  it("falls back to the Referer's origin, and refuses when both are missing", () => {
    expect(isSameOriginRequest({ referer: `${expected}/workspaces` }, expected)).toBe(true);
    expect(isSameOriginRequest({ referer: "not a url" }, expected)).toBe(false);
    expect(isSameOriginRequest({}, expected)).toBe(false);
  });
});

describe("originGuard over real HTTP", () => {
  let base = "";
  let close: () => void = () => {};
  beforeAll(async () => {
    const app = express();
    app.use(originGuard(undefined));
    app.all("/", (_req, res) => {
      res.send("done");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("lets reads through without an Origin", async () => {
    expect((await fetch(base)).status).toBe(200);
  });
  it("lets a same-origin POST through", async () => {
    expect((await fetch(base, { method: "POST", headers: { origin: base } })).status).toBe(200);
  });
  it("refuses a cross-site POST and one with no Origin", async () => {
    expect((await fetch(base, { method: "POST", headers: { origin: "http://evil.test" } })).status).toBe(403);
    expect((await fetch(base, { method: "POST" })).status).toBe(403);
  });
  it("says why in the browser's language", async () => {
    expect(await (await fetch(base, { method: "POST" })).text()).toBe("Cross-origin request refused.");
    const french = await fetch(base, { method: "POST", headers: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" } });
    expect(await french.text()).toBe("Requête d'une autre origine refusée.");
  });
});
