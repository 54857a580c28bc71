import { existsSync } from "node:fs";
import { isMessage } from "../../core/i18n/message";
import { inEnglish } from "../i18n/english";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { LibraryApi, LibraryApiError } from "../../app/editor/library/library-api";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { makeRequest, ORIGIN, testContext } from "../remix";

type Built = Awaited<ReturnType<typeof buildWorkspace>>;

// The editor's JSON routes as a browser's fetch() reaches them: through Remix's own request
// handler over the production build, not by calling the loader. Only there does the difference
// show between data(body, { status }) (single fetch honours its status and headers for ".data"
// requests only; a plain fetch of a resource route got the bare value with 200) and
// Response.json(body, { status, headers }), which every request keeps.
const BUILD = new URL("../../build/server/index.js", import.meta.url);
const NO_STORE = "private, no-store";

describeEachDatabase("resource routes through the request handler", (handle) => {
  let handler: ReturnType<typeof createRequestHandler>;
  let w: Built;
  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error("This test serves the production build: run `npm run build` first.");
    const build = (await import(/* @vite-ignore */ BUILD.href)) as ServerBuild;
    handler = createRequestHandler(build, "production");
    w = await buildWorkspace(handle());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const library = (rest: string) => `/workspaces/${w.workspace.id}/library${rest}`;
  const send = async (request: Request) => {
    const response = await handler(request, testContext(handle()));
    return { status: response.status, cache: response.headers.get("cache-control"), type: response.headers.get("content-type"), body: (await response.json()) as Record<string, unknown> };
  };
  // A refusal is a message (the library's routes) or words already in the reader's language (the review routes').
  const expectRefusal = (answer: Awaited<ReturnType<typeof send>>, status: number, error: RegExp) => {
    expect(answer.status).toBe(status);
    const said = answer.body.error;
    expect(isMessage(said) ? inEnglish(said) : said).toMatch(error);
    expect(answer.type).toMatch(/^application\/json/);
  };
  /** What a LibraryApi request was refused with, in English. */
  const refusedWith = async (request: Promise<unknown>) => {
    const error = await request.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LibraryApiError);
    return inEnglish((error as LibraryApiError).reason);
  };

  it("answers a bad POST to library/sources with 422 or 400 and the server's sentence", async () => {
    const post = (form: Record<string, string>) => send(makeRequest(library("/sources"), { token: w.members.editor.token, form }));
    expectRefusal(await post({ intent: "ensure-symbol", symbol: "not a symbol" }), 422, /is not a UN document symbol/);
    expectRefusal(await post({ intent: "from-footnote", text: "Ibid., para. 14." }), 422, /points at another note/);
    expectRefusal(await post({ intent: "shout" }), 400, /./);
    const added = await post({ intent: "ensure-symbol", symbol: "A/HRC/22/6" });
    expect(added).toMatchObject({ status: 200, body: { source: { label: "A/HRC/22/6" }, pinpoint: null } });
  });

  it("answers malformed GETs with 400, and good ones with 200 and no-store", async () => {
    const get = (rest: string) => send(makeRequest(library(rest), { token: w.members.viewer.token }));
    expectRefusal(await get("/search?sdg=99"), 400, /^SDG: /);
    expectRefusal(await get("/records?id=not-a-uuid"), 400, /id must be up to 500 record ids/);
    expectRefusal(await get("/sources?id=not-a-uuid"), 400, /id must be up to 500 source ids/);
    for (const rest of ["/search?q=housing", "/records?id=00000000-0000-4000-8000-000000000000", "/sources?q=A%2FHRC", "/sources?id=00000000-0000-4000-8000-000000000000"]) {
      const answer = await get(rest);
      expect({ rest, status: answer.status, cache: answer.cache }).toEqual({ rest, status: 200, cache: NO_STORE });
    }
  });

  it("keeps the draft checks route's no-store header", async () => {
    const answer = await send(makeRequest(`/workspaces/${w.workspace.id}/drafts/${w.draft.id}/checks`, { token: w.members.viewer.token }));
    expect(answer).toMatchObject({ status: 200, cache: NO_STORE, body: { draft: { id: w.draft.id } } });
  });

  it("lets the editor's LibraryApi show the server's own sentence when a request is refused", async () => {
    // The browser's fetch, answered by the request handler as the signed-in person.
    const signedInAs = (token: string) =>
      vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set("origin", ORIGIN);
        headers.set("cookie", `caucus_session=${token}`);
        return handler(new Request(new URL(url, ORIGIN), { ...init, headers }), testContext(handle()));
      });
    const api = new LibraryApi(library(""));
    signedInAs(w.members.editor.token);
    expect(await refusedWith(api.addSource({ intent: "ensure-symbol", symbol: "not a symbol" }))).toBe("“not a symbol” is not a UN document symbol.");
    expect(await refusedWith(api.search(new URLSearchParams({ sdg: "99" })))).toMatch(/^SDG: /);
    expect(await refusedWith(api.records(["not-a-uuid"]))).toBe("id must be up to 500 record ids");
    await expect(api.sources("A/HRC")).resolves.toEqual(expect.any(Array));
    // A guard's refusal is its message's id as plain text, put into the reader's words.
    signedInAs(w.members.reviewer.token);
    expect(await refusedWith(api.addSource({ intent: "from-footnote", text: "A/HRC/22/6" }))).toBe("Your role in this workspace does not allow this.");
  });

  it("answers the review routes' refusals with their status (they already use Response.json)", async () => {
    const form = { intent: "set-status", status: "in_review" };
    const answer = await send(makeRequest(`/workspaces/${w.workspace.id}/drafts/${w.draft.id}/status`, { token: w.members.editor.token, form }));
    expectRefusal(answer, 400, /Choose at least one reviewer/);
  });
});
