/**
 * Suggesting mode at scale (issue 20): a 30,000-word joint UPR draft (headings, numbered
 * paragraphs, 400 real footnotes: bench/checks/draft.ts) with 500 open suggestions — replacements,
 * deletions and insertions, one in five inside a footnote, half of them the reviewer's own —
 * in Debian's Chromium against the production server on PGlite. p50/p95 of:
 *
 * 1. Opening, as the owner: navigation start (the page's performance.timeOrigin) to the first
 *    animation frame in which all 500 suggestions are drawn (500 distinct data-suggestion-id
 *    among `.suggestion-insert, .suggestion-delete`, page and footnotes pane together).
 * 2. A keystroke in Suggesting mode, as the reviewer: keydown (a capturing listener) to the
 *    first animation frame after the suggestion's widget shows the typed letter, both typing on
 *    one of the reviewer's own suggestions and starting a new one. Beside it the main-thread
 *    time of the suggestion-marks plugin's state apply (resolve every anchor + decorate) and of
 *    the view's update (drawing), summed over the keystroke's transactions, timed by wrapping
 *    them in the page. Each keystroke waits for the previous save to be answered.
 * 3. Accept all, as the owner, on a fresh draft each time: the click on the Comments tab's
 *    "Accept all" to the first frame with no suggestion card and no suggestion drawn (the text
 *    then holds every change: checked after the run), and the server's time for the decide POST
 *    (Chromium's resource timing: request sent to first response byte). Chromium's own counters
 *    (CDP Performance.getMetrics: layout count and time, script time) are read around each
 *    accept-all and around each kind of keystroke (per keystroke, its save and redraws included).
 *
 * The drafts are written straight into the data directory before the server starts, as the Word
 * import writes them: the Y.Doc snapshot, then insertSuggestionThread with anchors from
 * anchorFor on an initProseMirrorDoc binding. Needs `npm run build` and /usr/bin/chromium.
 *
 *   npx tsx bench/suggestions.ts       (OPENS=5 KEYS=50 ACCEPTS=5 SUGGESTIONS=500 WORDS=30000 NOTES=400; PROFILE=1 prints CPU profiles of
 *   an extra open, 20 extra keystrokes and the first accept-all, mapped through the client's source maps when
 *   it was built with `node_modules/.bin/remix vite:build --sourcemapClient=hidden` — then `node scripts/build.mjs --node-only`)
 */
import { existsSync, readFileSync } from "node:fs";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import { cpus, loadavg } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Node as PMNode } from "@tiptap/pm/model";
import { initProseMirrorDoc, prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import type { Page } from "playwright-core";
import * as Y from "yjs";
import { anchorFor } from "../core/comments/anchors";
import { QUOTE_MAX_CHARS } from "../core/comments/contract";
import { BODY_FIELD, canonicalDocument, documentSchema } from "../core/editor";
import { writeCover } from "../core/editor/cover";
import type { SliceJson } from "../core/suggestions/contract";
import { openDatabase, openPGlite } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { saveDraftSnapshot } from "../db/queries/draft-documents";
import { insertSuggestionThread } from "../db/queries/suggestions";
import { generateToken, hashToken } from "../server/auth/tokens";
import { SESSION_COOKIE } from "../core/accounts/session-cookie";
import { findTemplate } from "../templates";
import { startServer } from "../test/app-server";
import { launchBrowser } from "../test/e2e/browser";
import { longDraft } from "./checks/draft";
import { fmt, percentile, table } from "./collab/stats";

const OPENS = Number(process.env.OPENS ?? 5);
const KEYS = Number(process.env.KEYS ?? 50);
const ACCEPTS = Number(process.env.ACCEPTS ?? 5);
const SUGGESTIONS = Number(process.env.SUGGESTIONS ?? 500);
const WORDS = Number(process.env.WORDS ?? 30000);
const NOTES = Number(process.env.NOTES ?? 400);
const PROFILE = process.env.PROFILE === "1";
/** Source maps of the client bundle, read once (printProfile). */
const maps = new Map<string, TraceMap | null>();

const cpuAtStart = process.cpuUsage();
const wallAtStart = performance.now();
const template = findTemplate("upr-joint")!;
const schema = documentSchema();

// ---------------------------------------------------------------- seed

interface Seeded {
  workspaceId: string;
  ownerToken: string;
  reviewerToken: string;
  /** [0] for opening and typing, the rest one per accept-all run. */
  drafts: Array<{ id: string; inserted: string[] }>;
  /** In drafts[0]: the reviewer's own insertions and replacements, to type on. */
  ownInsertIds: string[];
}

const WORDS_IN = ["promptly", "independent", "effective", "all", "publicly", "without delay"];

/** Start and end of word `k` (0-based) of the text node at `pos` (its text `text`). */
function wordAt(text: string, pos: number, k: number): { from: number; to: number; word: string } | null {
  const words = [...text.matchAll(/[A-Za-z]{4,}/g)];
  const m = words[Math.min(k, words.length - 1)];
  if (!m) return null;
  return { from: pos + m.index!, to: pos + m.index! + m[0].length, word: m[0] };
}

/** One draft: the body and cover as a Y.Doc snapshot, and SUGGESTIONS suggestions anchored in it. */
async function seedDraft(db: Awaited<ReturnType<typeof openDatabase>>["db"], who: { workspaceId: string; ownerId: string; reviewerId: string; otherId: string }, n: number) {
  const body = longDraft(template, WORDS, NOTES);
  const doc = prosemirrorJSONToYDoc(schema, body.toJSON(), BODY_FIELD);
  writeCover(doc, { title: `Joint submission ${n}`, stateUnderReview: "GHA", mechanism: template.mechanism, language: "en" });
  const { json, text } = canonicalDocument(doc);
  const draft = await db
    .insertInto("drafts")
    .values({ workspace_id: who.workspaceId, title: `Joint submission ${n}`, mechanism: template.mechanism, template_slug: template.slug, state_under_review: "GHA", created_by: who.ownerId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await saveDraftSnapshot(db, { draftId: draft.id, state: Y.encodeStateAsUpdate(doc), content: json, text, mergedSeqs: [] });

  const fragment = doc.getXmlFragment(BODY_FIELD);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
  const binding = { doc, body: fragment, mapping };
  // Text nodes of numbered paragraphs (first one each) and of footnotes, with their positions.
  const paragraphs: Array<{ pos: number; text: string }> = [];
  const notes: Array<{ pos: number; text: string }> = [];
  pm.descendants((node: PMNode, pos: number, parent: PMNode | null) => {
    if (node.type.name === "paragraph") {
      const first = node.firstChild;
      if (first?.isText) paragraphs.push({ pos: pos + 1, text: first.text! });
      return true;
    }
    if (node.type.name === "footnote") {
      const first = node.firstChild;
      if (first?.isText) notes.push({ pos: pos + 1, text: first.text! });
      return false;
    }
    void parent;
    return true;
  });
  const inNotes = Math.floor(SUGGESTIONS / 5);
  const inBody = SUGGESTIONS - inNotes;
  const inserted: string[] = [];
  const ownInsertIds: string[] = [];
  let noteIndex = 0;
  let bodyIndex = 0;
  for (let i = 0; i < SUGGESTIONS; i++) {
    const inNote = i % 5 === 4 && noteIndex < inNotes;
    const place = inNote ? notes[Math.floor((noteIndex++ * notes.length) / inNotes)]! : paragraphs[Math.floor((bodyIndex++ * paragraphs.length) / inBody)]!;
    const target = wordAt(place.text, place.pos, inNote ? 1 : 3 + (i % 4));
    if (!target) throw new Error("no word to suggest on");
    const kind = i % 3; // 0 replacement, 1 deletion, 2 insertion
    const word = WORDS_IN[i % WORDS_IN.length]!;
    const from = target.from;
    const to = kind === 2 ? target.from : target.to;
    const deleted = kind === 2 ? "" : pm.textBetween(from, to, "\n");
    const insert: SliceJson | null = kind === 1 ? null : { content: [{ type: "text", text: kind === 2 ? `${word} ` : word }], openStart: 0, openEnd: 0 };
    const mine = i % 2 === 0;
    const { threadId } = await insertSuggestionThread(db, {
      draftId: draft.id,
      workspaceId: who.workspaceId,
      anchor: anchorFor(binding, from, to, deleted.slice(0, QUOTE_MAX_CHARS)),
      deleted,
      insert,
      authorId: mine ? who.reviewerId : who.otherId,
      authorName: mine ? "Rita Reviewer" : "Kofi Mensah",
      organisationId: null,
      imported: false,
    });
    if (insert) inserted.push(kind === 2 ? `${word} ${target.word}` : word);
    if (mine && insert && !inNote) ownInsertIds.push(threadId);
  }
  doc.destroy();
  return { id: draft.id, inserted, ownInsertIds };
}

async function seed(dir: string): Promise<Seeded> {
  const handle = await openDatabase({ pglite: await openPGlite(dir) });
  try {
    await migrateToLatest(handle.db);
    const db = handle.db;
    const workspace = await db.insertInto("workspaces").values({ name: "Bench coalition" }).returning("id").executeTakeFirstOrThrow();
    const users = await db
      .insertInto("users")
      .values(["Amina Owner", "Rita Reviewer", "Kofi Mensah"].map((name, i) => ({ email: `bench-sugg-${i}@example.org`, name, password_hash: "not-a-login" })))
      .returning("id")
      .execute();
    const [owner, reviewer, other] = users.map((u) => u.id) as [string, string, string];
    await db
      .insertInto("memberships")
      .values([
        { workspace_id: workspace.id, user_id: owner, role: "owner" as const, organisation_id: null },
        { workspace_id: workspace.id, user_id: reviewer, role: "reviewer" as const, organisation_id: null },
        { workspace_id: workspace.id, user_id: other, role: "reviewer" as const, organisation_id: null },
      ])
      .execute();
    const ownerToken = generateToken();
    const reviewerToken = generateToken();
    const expires = new Date(Date.now() + 86_400_000);
    await db
      .insertInto("sessions")
      .values([
        { id: hashToken(ownerToken), user_id: owner, expires_at: expires },
        { id: hashToken(reviewerToken), user_id: reviewer, expires_at: expires },
      ])
      .execute();
    const who = { workspaceId: workspace.id, ownerId: owner, reviewerId: reviewer, otherId: other };
    const drafts: Seeded["drafts"] = [];
    let ownInsertIds: string[] = [];
    for (let n = 0; n <= ACCEPTS; n++) {
      const started = performance.now();
      const one = await seedDraft(db, who, n);
      if (n === 0) ownInsertIds = one.ownInsertIds;
      drafts.push({ id: one.id, inserted: one.inserted });
      console.log(`  seeded draft ${n + 1}/${ACCEPTS + 1}: ${SUGGESTIONS} suggestions in ${fmt((performance.now() - started) / 1000, 1)} s`);
    }
    return { workspaceId: workspace.id, ownerToken, reviewerToken, drafts, ownInsertIds };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------- page helpers

/** performance.now() (ms since navigation) at the first animation frame in which `count` suggestions are drawn. */
async function drawnAt(page: Page, count: number, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const ids = new Set<string | undefined>();
      for (const e of document.querySelectorAll<HTMLElement>(".suggestion-insert, .suggestion-delete")) ids.add(e.dataset.suggestionId);
      return ids.size >= n ? performance.now() : false;
    },
    count,
    { polling: "raf", timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** Wraps the suggestion-marks plugin's state apply and the view's updateState, summing their time on window.__benchTimes. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Field = { name: string; apply: (...args: unknown[]) => unknown };
    const w = window as unknown as { __benchTimes: { apply: number; update: number; applies: number }; __benchEditor: unknown };
    const dom = document.querySelector(".document") as unknown as { editor: { state: { config: { fields: Field[] } }; view: { updateState: (s: unknown) => void } } };
    const editor = dom.editor;
    w.__benchEditor = editor;
    w.__benchTimes = { apply: 0, update: 0, applies: 0 };
    const field = editor.state.config.fields.find((f) => f.name.startsWith("suggestionMarks"))!;
    const apply = field.apply;
    field.apply = (...args: unknown[]) => {
      const t = performance.now();
      try {
        return apply(...args);
      } finally {
        w.__benchTimes.apply += performance.now() - t;
        w.__benchTimes.applies += 1;
      }
    };
    const view = editor.view;
    const update = view.updateState.bind(view);
    view.updateState = (s: unknown) => {
      const t = performance.now();
      try {
        update(s);
      } finally {
        w.__benchTimes.update += performance.now() - t;
      }
    };
  });
}

/** tsx keeps function names with esbuild's __name helper, which code sent to the page calls: give the page one. */
const KEEP_NAMES = "globalThis.__name = (f) => f;";

type Metrics = Record<string, number>;
/** Chromium's own counters for a page (CDP Performance.getMetrics): layouts, style recalcs, script time (s). */
async function metricsOf(cdp: { send: (method: "Performance.getMetrics") => Promise<{ metrics: Array<{ name: string; value: number }> }> }): Promise<Metrics> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
const metricsDelta = (a: Metrics, b: Metrics) => ({
  layouts: b.LayoutCount! - a.LayoutCount!,
  layoutMs: (b.LayoutDuration! - a.LayoutDuration!) * 1000,
  styleMs: (b.RecalcStyleDuration! - a.RecalcStyleDuration!) * 1000,
  scriptMs: (b.ScriptDuration! - a.ScriptDuration!) * 1000,
  taskMs: (b.TaskDuration! - a.TaskDuration!) * 1000,
});

function cookieFor(url: string, token: string) {
  return [{ name: SESSION_COOKIE, value: token, url }];
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return [fmt(percentile(sorted, 50), 1), fmt(percentile(sorted, 95), 1), fmt(sorted.at(-1)!, 1), String(ms.length)];
};

// ---------------------------------------------------------------- run

console.log(`Seeding ${ACCEPTS + 1} drafts of ~${WORDS} words, ${NOTES} notes, ${SUGGESTIONS} suggestions each…`);
const dataDir = await mkdtemp(join(tmpdir(), "caucus-bench-sugg-"));
const seeded = await seed(dataDir);
const server = await startServer({ DATA_DIR: dataDir });
const browser = await launchBrowser();
const rows: string[][] = [];
const notes: string[] = [];
const chromiumCpuStart = chromiumCpu(await findChromiumPids());
try {
  const draftUrl = (id: string) => `${server.url}/workspaces/${seeded.workspaceId}/drafts/${id}`;

  // 1. Opening, as the owner.
  const ownerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await ownerContext.addCookies(cookieFor(server.url, seeded.ownerToken));
  await ownerContext.addInitScript(KEEP_NAMES);
  const opens: number[] = [];
  for (let run = 0; run <= OPENS; run++) {
    const page = await ownerContext.newPage();
    await page.goto(draftUrl(seeded.drafts[0]!.id), { waitUntil: "commit" });
    const at = await drawnAt(page, SUGGESTIONS);
    if (run === 0) notes.push(`first open (cold cache, not in the figures): ${fmt(at, 0)} ms`);
    else opens.push(at);
    console.log(`  open ${run}: ${fmt(at, 0)} ms to ${SUGGESTIONS} drawn`);
    await page.close();
  }
  rows.push([`open: navigation → ${SUGGESTIONS} suggestions drawn`, ...summary(opens)]);
  if (PROFILE) {
    const page = await ownerContext.newPage();
    const cdp = await ownerContext.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await page.goto(draftUrl(seeded.drafts[0]!.id), { waitUntil: "commit" });
    const at = await drawnAt(page, SUGGESTIONS);
    printProfile(`one open, ${fmt(at, 0)} ms to ${SUGGESTIONS} drawn (not in the figures)`, ((await cdp.send("Profiler.stop")) as { profile: CpuProfile }).profile);
    await page.close();
  }

  // 2. Keystrokes in Suggesting mode, as the reviewer.
  const reviewerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await reviewerContext.addCookies(cookieFor(server.url, seeded.reviewerToken));
  await reviewerContext.addInitScript(KEEP_NAMES);
  const reviewer = await reviewerContext.newPage();
  await reviewer.goto(draftUrl(seeded.drafts[0]!.id));
  await drawnAt(reviewer, SUGGESTIONS);
  const mode = await reviewer.getByRole("radio", { name: /Suggesting/ }).getAttribute("aria-checked");
  if (mode !== "true") throw new Error("the reviewer is not in Suggesting mode");
  await instrument(reviewer);
  const saved = () => reviewer.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/comments"), { timeout: 30_000 });

  /** One keystroke: keydown → first frame after `.suggestion-insert` (of `id`, or a new one) shows `expected`. */
  async function keystroke(letter: string, expect: { id: string | null; text: string }) {
    await reviewer.evaluate(
      ({ id, text }) => {
        const w = window as unknown as { __benchKey: Promise<{ frame: number; apply: number; update: number; applies: number; seen?: string }>; __benchTimes: { apply: number; update: number; applies: number } };
        const before = new Set([...document.querySelectorAll<HTMLElement>(".document .suggestion-insert")].map((e) => e.dataset.suggestionId));
        w.__benchKey = new Promise((resolve) => {
          let t0 = 0;
          const root = document.querySelector(".document")!;
          // Not drawn within 10 s: reported, not waited for forever.
          setTimeout(() => {
            observer.disconnect();
            const seen = [...root.querySelectorAll<HTMLElement>(".suggestion-insert")].filter((e) => (id ? e.dataset.suggestionId === id : !before.has(e.dataset.suggestionId))).map((e) => e.textContent);
            resolve({ frame: NaN, apply: NaN, update: NaN, applies: NaN, seen: JSON.stringify(seen) });
          }, 10_000);
          const shown = () =>
            [...root.querySelectorAll<HTMLElement>(".suggestion-insert")].some((e) => (id ? e.dataset.suggestionId === id : !before.has(e.dataset.suggestionId)) && e.textContent === text);
          window.addEventListener(
            "keydown",
            () => {
              t0 = performance.now();
              w.__benchTimes.apply = 0;
              w.__benchTimes.update = 0;
              w.__benchTimes.applies = 0;
            },
            { capture: true, once: true },
          );
          const observer = new MutationObserver(() => {
            if (!t0 || !shown()) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve({ frame: performance.now() - t0, ...w.__benchTimes }));
          });
          observer.observe(root, { subtree: true, childList: true, characterData: true });
        });
      },
      { id: expect.id, text: expect.text },
    );
    const answered = saved();
    await reviewer.keyboard.type(letter);
    const result = await reviewer.evaluate(() => (window as unknown as { __benchKey: Promise<{ frame: number; apply: number; update: number; applies: number; seen?: string }> }).__benchKey);
    if (Number.isNaN(result.frame)) {
      notes.push(`a keystroke "${letter}" expected ${JSON.stringify(expect)} but the page drew ${result.seen}: not counted`);
      console.log(`  ${notes.at(-1)}`);
      await answered.catch(() => undefined);
      return null;
    }
    await answered;
    // Let the answer's own redraw (the stored copy replacing the typed one) finish.
    await reviewer.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await reviewer.waitForTimeout(50);
    return result;
  }

  /** Caret at `pos` in the page's editor (a text selection, focused). */
  const caretAt = (pos: number) =>
    reviewer.evaluate((p) => {
      const editor = (window as unknown as { __benchEditor: { chain: () => { focus: () => { setTextSelection: (n: number) => { run: () => void } } } } }).__benchEditor;
      editor.chain().focus().setTextSelection(p).run();
    }, pos);
  /** Where suggestion `id` ends now (its widget's place), from the plugin's state. */
  const endOf = (id: string) =>
    reviewer.evaluate((sid) => {
      const editor = (window as unknown as { __benchEditor: { state: { plugins: Array<{ key: string; getState: (s: unknown) => { ranges: Map<string, { from: number; to: number } | null> } }> } } }).__benchEditor;
      const plugin = editor.state.plugins.find((p) => p.key.startsWith("suggestionMarks"))!;
      return plugin.getState(editor.state).ranges.get(sid)!.to;
    }, id);
  const insertText = (id: string) => reviewer.evaluate((sid) => document.querySelector<HTMLElement>(`.document .suggestion-insert[data-suggestion-id="${sid}"]`)?.textContent ?? "", id);

  const reviewerCdp = await reviewerContext.newCDPSession(reviewer);
  await reviewerCdp.send("Performance.enable");
  let metricsBefore = await metricsOf(reviewerCdp);
  const onOwn: Array<{ frame: number; apply: number; update: number; applies: number }> = [];
  const perSuggestion = 10;
  for (let s = 0; onOwn.length < KEYS && s < 2 * KEYS; s++) {
    const id = seeded.ownInsertIds[Math.floor((s * seeded.ownInsertIds.length) / Math.ceil(KEYS / perSuggestion)) % seeded.ownInsertIds.length]!;
    await caretAt(await endOf(id));
    let text = await insertText(id);
    for (let k = 0; k < perSuggestion && onOwn.length < KEYS; k++) {
      const letter = "abcdefghij"[k]!;
      text += letter;
      const one = await keystroke(letter, { id, text });
      if (one) onOwn.push(one);
      else break;
    }
    console.log(`  typing on own suggestion ${s + 1}: ${onOwn.slice(-perSuggestion).map((r) => fmt(r.frame, 0)).join(" ")} ms`);
  }
  const ownMetrics = metricsDelta(metricsBefore, await metricsOf(reviewerCdp));
  // New suggestions: one letter each, in paragraphs away from the others (at a paragraph's end).
  const ends: number[] = await reviewer.evaluate((count) => {
    const editor = (window as unknown as { __benchEditor: { state: { doc: { descendants: (f: (n: { type: { name: string }; nodeSize: number }, pos: number) => boolean) => void } } } }).__benchEditor;
    const all: number[] = [];
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === "paragraph") all.push(pos + node.nodeSize - 1);
      return node.type.name === "doc";
    });
    return Array.from({ length: count }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / count)]!);
  }, KEYS);
  metricsBefore = await metricsOf(reviewerCdp);
  const fresh: Array<{ frame: number; apply: number; update: number; applies: number }> = [];
  for (let i = 0; i < KEYS; i++) {
    // Positions move as nothing is applied in Suggesting mode: the accepted text stays as it is.
    await caretAt(ends[i]!);
    const one = await keystroke("z", { id: null, text: "z" });
    if (one) fresh.push(one);
    if ((i + 1) % 10 === 0) console.log(`  new suggestions ${i - 8}–${i + 1}: ${fresh.slice(-10).map((r) => fmt(r.frame, 0)).join(" ")} ms`);
  }
  const freshMetrics = metricsDelta(metricsBefore, await metricsOf(reviewerCdp));
  const perKey = (m: ReturnType<typeof metricsDelta>, n: number) =>
    `${fmt(m.taskMs / n, 0)} ms main-thread tasks, ${fmt(m.scriptMs / n, 0)} ms script, ${fmt(m.layoutMs / n, 1)} ms layout (${fmt(m.layouts / n, 1)} layouts), ${fmt(m.styleMs / n, 1)} ms style`;
  notes.push(`per keystroke with its save and redraws (Chromium's counters, mean): own ${perKey(ownMetrics, onOwn.length)}; new ${perKey(freshMetrics, fresh.length)}`);
  rows.push(["keystroke on own suggestion: keydown → frame with widget", ...summary(onOwn.map((r) => r.frame))]);
  rows.push(["  of which marks plugin apply (resolve + decorate)", ...summary(onOwn.map((r) => r.apply))]);
  rows.push(["  of which view update (draw)", ...summary(onOwn.map((r) => r.update))]);
  rows.push(["keystroke starting a suggestion: keydown → frame with widget", ...summary(fresh.map((r) => r.frame))]);
  rows.push(["  of which marks plugin apply (resolve + decorate)", ...summary(fresh.map((r) => r.apply))]);
  rows.push(["  of which view update (draw)", ...summary(fresh.map((r) => r.update))]);
  notes.push(`plugin applies per keystroke until the frame: ${fmt(percentile(onOwn.map((r) => r.applies).sort((a, b) => a - b), 50), 0)} (own), ${fmt(percentile(fresh.map((r) => r.applies).sort((a, b) => a - b), 50), 0)} (new)`);

  if (PROFILE) {
    const cdp = await reviewerContext.newCDPSession(reviewer);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    const id = seeded.ownInsertIds[3]!;
    await caretAt(await endOf(id));
    let text = await insertText(id);
    for (let k = 0; k < 20; k++) {
      text += "k";
      await keystroke("k", { id, text });
    }
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
    printProfile("20 keystrokes typing on an own suggestion", profile);
  }
  await reviewerContext.close();

  // 3. Accept all, as the owner, each time on a draft not yet touched.
  const accepts: number[] = [];
  const acceptLayouts: Array<ReturnType<typeof metricsDelta>> = [];
  const serverTimes: number[] = [];
  const requestTimes: number[] = [];
  for (let run = 1; run <= ACCEPTS; run++) {
    const draft = seeded.drafts[run]!;
    const page = await ownerContext.newPage();
    await page.goto(draftUrl(draft.id));
    await drawnAt(page, SUGGESTIONS);
    await page.getByRole("tab", { name: /Comments/ }).click();
    await page.locator(".suggestion-bulk").getByRole("button", { name: "Accept all", exact: true }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll(".suggestion-card").length >= n, SUGGESTIONS, { timeout: 60_000 });
    const button = page.locator(".suggestion-bulk").getByRole("button", { name: "Accept all", exact: true });
    await button.evaluate((node) => {
      const w = window as unknown as { __benchDone: Promise<number> };
      w.__benchDone = new Promise((resolve) => {
        node.addEventListener(
          "click",
          () => {
            const t0 = performance.now();
            const check = () => {
              if (document.querySelectorAll(".suggestion-card, .suggestion-insert, .suggestion-delete").length === 0) resolve(performance.now() - t0);
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          },
          { capture: true, once: true },
        );
      });
    });
    const cdp = PROFILE && run === 1 ? await ownerContext.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    const pageCdp = await ownerContext.newCDPSession(page);
    await pageCdp.send("Performance.enable");
    const acceptBefore = await metricsOf(pageCdp);
    const decided = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/comments") && (r.request().postData() ?? "").includes("decide-suggestions"), { timeout: 120_000 });
    await button.click();
    const ms = (await page.evaluate(() => (window as unknown as { __benchDone: Promise<number> }).__benchDone)) as number;
    const response = await decided;
    const acceptMetrics = metricsDelta(acceptBefore, await metricsOf(pageCdp));
    acceptLayouts.push(acceptMetrics);
    if (cdp) printProfile("accept all (profiled run, its time included in the figures)", ((await cdp.send("Profiler.stop")) as { profile: CpuProfile }).profile);
    const timing = response.request().timing();
    if (response.status() !== 200) throw new Error(`decide answered ${response.status()}`);
    serverTimes.push(timing.responseStart - timing.requestStart);
    requestTimes.push(timing.responseEnd);
    accepts.push(ms);
    // Every change is in the text now.
    const text = await page.locator(".document").evaluate((node) => (node as HTMLElement).innerText + "\n" + [...document.querySelectorAll(".footnotes-pane .note-editor")].map((n) => (n as HTMLElement).innerText).join("\n"));
    const flat = text.replace(/\s+/g, " ");
    const missing = draft.inserted.filter((w) => !flat.includes(w)).length;
    console.log(`  accept all ${run}: ${fmt(ms, 0)} ms; decide request ${fmt(serverTimes.at(-1)!, 0)} ms to first byte${missing ? `; ${missing} inserted words not found in the text` : ""}`);
    if (missing) notes.push(`accept-all run ${run}: ${missing} of ${draft.inserted.length} inserted words not found in the page text afterwards`);
    await page.close();
  }
  rows.push(["accept all: click → no card, nothing drawn", ...summary(accepts)]);
  rows.push(["  of which layout (Chromium's LayoutDuration)", ...summary(acceptLayouts.map((m) => m.layoutMs))]);
  rows.push(["  of which script (ScriptDuration)", ...summary(acceptLayouts.map((m) => m.scriptMs))]);
  rows.push(["  layouts (count)", ...summary(acceptLayouts.map((m) => m.layouts)).map((c, i) => (i < 3 ? c.replace(/\.0$/, "") : c))]);
  rows.push(["  decide POST: request sent → first byte (server)", ...summary(serverTimes)]);
  rows.push(["  decide POST: start → response end", ...summary(requestTimes)]);
} finally {
  const cpu = process.cpuUsage(cpuAtStart);
  const wall = performance.now() - wallAtStart;
  const chromiumCpuMs = chromiumCpu(await findChromiumPids()) - chromiumCpuStart;
  await browser.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
  console.log(
    `\nSuggesting mode, ${WORDS}-word draft, ${NOTES} notes, ${SUGGESTIONS} open suggestions (ms; ${OPENS} opens, ${KEYS} keystrokes each kind, ${ACCEPTS} accept-alls)`,
  );
  console.log(table(["", "p50", "p95", "max", "n"], rows));
  for (const note of notes) console.log(`- ${note}`);
  console.log(
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load average at end ${loadavg().map((l) => l.toFixed(2)).join(" ")}; ` +
      `bench process CPU ${fmt((cpu.user + cpu.system) / 1000, 0)} ms over ${fmt(wall / 1000, 0)} s wall (seeding included); chromium CPU ${fmt(chromiumCpuMs, 0)} ms (all its processes, /proc)`,
  );
}

// ---------------------------------------------------------------- chromium CPU, profile

async function findChromiumPids(): Promise<number[]> {
  const { readdirSync } = await import("node:fs");
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      void stat;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmd.includes("chrom") && isDescendant(Number(entry))) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

function isDescendant(pid: number): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 10; hops++) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === process.pid) return true;
      p = parent;
    } catch {
      return false;
    }
  }
  return false;
}

/** CPU milliseconds of chromium's processes (the launched ones and every child still running or reaped into cutime). */
function chromiumCpu(pids: number[]): number {
  if (pids.length === 0) return NaN;
  const tick = 1000 / 100;
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime are fields 14–17 (1-based); here offset by the two before ")".
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick;
    } catch {
      /* exited */
    }
  }
  return total;
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Original function and place of a frame in the client bundle, through its source map when the
 * client was built with `remix vite:build --sourcemapClient=hidden` (same bundle, same hashes, a
 * .map beside each file); the minified name otherwise.
 */
function original(frame: CpuProfile["nodes"][number]["callFrame"]): string {
  const file = frame.url.split("/").pop() ?? "";
  const fallback = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
  if (!frame.url.includes("/assets/")) return fallback;
  if (!maps.has(file)) {
    const path = join("build/client/assets", `${file}.map`);
    maps.set(file, existsSync(path) ? new TraceMap(readFileSync(path, "utf8")) : null);
  }
  const map = maps.get(file);
  if (!map) return fallback;
  const at = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!at.source) return fallback;
  const source = at.source.replace(/^(\.\.\/)+/, "").replace(/^node_modules\//, "");
  return `${at.name ?? frame.functionName ?? "(anonymous)"} ${source}:${at.line}`;
}

function printProfile(title: string, profile: CpuProfile) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFrame = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const labels = new Map<number, string>();
  const label = (id: number) => {
    let l = labels.get(id);
    if (l === undefined) labels.set(id, (l = original(nodes.get(id)!.callFrame)));
    return l;
  };
  const total = new Map<string, number>();
  for (const [id, ms] of self) {
    byFrame.set(label(id), (byFrame.get(label(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const l = label(p);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  }
  const special = /^\((idle|program|root|garbage collector)\)/;
  const top = (m: Map<string, number>, n: number) => [...m].filter(([l]) => !special.test(l)).sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nProfile: ${title} (renderer main thread). Self time:`);
  for (const [l, ms] of top(byFrame, 25)) console.log(`  ${fmt(ms, 1).padStart(8)} ms  ${l}`);
  console.log(`  (${[...byFrame].filter(([l]) => special.test(l)).map(([l, ms]) => `${l.split(" ")[0]} ${fmt(ms, 0)} ms`).join(", ")})`);
  console.log("Inclusive time:");
  for (const [l, ms] of top(total, 45)) console.log(`  ${fmt(ms, 1).padStart(8)} ms  ${l}`);
}
