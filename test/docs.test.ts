import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The docs name files and folders so a reader can find them: every such path must exist. Files
// move (server/<feature>/, a compiled build), and a doc that names the old place misleads more
// than one that names none. Run after moving anything: `npx vitest run test/docs.test.ts`.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP_DIRS = new Set(["node_modules", ".git", "build", ".data", ".cache", "coverage", "test-results"]);

/** Every file and folder of the working tree, as repository paths ("server/collab/", "server/index.ts"). */
function repositoryPaths(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      if (SKIP_DIRS.has(name)) continue;
      const path = dir ? `${dir}/${name}` : name;
      if (statSync(join(ROOT, path)).isDirectory()) {
        out.push(`${path}/`);
        walk(path);
      } else out.push(path);
    }
  };
  walk("");
  return out;
}

const PATHS = repositoryPaths();
/** Folders git ignores (build/, .data/): made by running the code, named by the docs, never committed. */
const GENERATED = readFileSync(join(ROOT, ".gitignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => /^[\w.-]+\/$/.test(l));
const TOP_LEVEL = new Set(PATHS.filter((p) => !p.slice(0, -1).includes("/")).map((p) => p.replace(/\/$/, "")));
const FILE_EXTENSION = /\.(ts|tsx|js|mjs|cjs|json|md|css|typ|sql|ya?ml|sh)$/;

/** `*` matches within one path segment; a trailing slash (folder) is optional on the pattern. */
function patternOf(path: string): RegExp {
  const body = path
    .replace(/\/$/, "")
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  return new RegExp(`^${body}/?$`);
}

/** Whether a repository path (glob allowed) names something that exists. */
function exists(path: string): boolean {
  if (GENERATED.some((folder) => path === folder.slice(0, -1) || path.startsWith(folder))) return true;
  const pattern = patternOf(path);
  return PATHS.some((p) => pattern.test(p));
}

/** Whether a file or folder name (glob allowed) exists somewhere under `folder` ("" = anywhere). */
function existsUnder(folder: string, name: string): boolean {
  const pattern = patternOf(name.replace(/^\.\//, ""));
  // A bare name may shorten a flat-routes file name: `library_.records.ts`.
  const tail = new RegExp(`(^|[/.])${pattern.source.slice(1)}`);
  return PATHS.some((p) => p.startsWith(folder) && tail.test(p.slice(folder.length)));
}

/**
 * Whether a code span reads as a path in this repository: one word, no URL, route pattern, npm
 * package or placeholder, and either starting at a top-level file or folder of the repository or a
 * bare file name with a known extension. `/collab/*`, `drafts/:id/export`, `@remix-run/node`,
 * `y-protocols/sync`, `draft.<uuid>` and `DATABASE_URL` are not paths.
 */
export function pathLike(span: string): "repository" | "name" | null {
  const text = span.trim();
  if (!text || /\s/.test(text) || /[<>{}:@"'`=(),;]|…|\.\.\./.test(text)) return null;
  if (text.startsWith("/") || text.startsWith("-") || text.startsWith("#")) return null;
  // Outside the repository: a clone does not have it, so the docs must not send anyone there.
  if (/^(\.\.\/)*shared\//.test(text)) return "repository";
  const first = text.split("/")[0]!;
  if (text.includes("/") && TOP_LEVEL.has(first)) return "repository";
  if (!text.includes("/") && TOP_LEVEL.has(text)) return "repository";
  if (!text.includes("/") && FILE_EXTENSION.test(text) && /^[\w.*$[\]-]+$/.test(text)) return "name";
  return null;
}

type Mention = { path: string; line: number; kind: "repository" | "name" | "relative"; folder?: string };

/** Paths named in code spans and in links, outside fenced blocks. */
function spansAndLinks(markdown: string, docPath: string): Mention[] {
  const mentions: Mention[] = [];
  let fenced = false;
  markdown.split("\n").forEach((text, index) => {
    if (text.trimStart().startsWith("```")) fenced = !fenced;
    if (fenced) return;
    const line = index + 1;
    for (const [, span] of text.matchAll(/`([^`]+)`/g)) {
      const kind = pathLike(span!);
      if (kind) mentions.push({ path: span!.trim(), line, kind });
    }
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z][a-z+.-]*:/i.test(target!) || target!.startsWith("#")) continue;
      const file = target!.replace(/#.*$/, "");
      mentions.push({ path: posix.normalize(posix.join(posix.dirname(docPath), file)), line, kind: "relative" });
    }
  });
  return mentions;
}

/**
 * The annotated tree (the first fenced block of ARCHITECTURE.md): an entry is a name in the first
 * columns, indented two spaces per level under its folder; its description follows it, on the
 * entry's line after two spaces and on the lines indented to the description column. Entries must
 * exist where the tree puts them. A file name the description mentions ("tokens.ts (…)") must exist
 * somewhere under the entry's folder; one with a slash is read from the repository root first.
 */
export function treeMentions(markdown: string): Mention[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim().startsWith("```"));
  const end = lines.findIndex((l, i) => i > start && l.trim().startsWith("```"));
  if (start < 0 || end < 0) return [];
  const mentions: Mention[] = [];
  const parents: string[] = []; // parents[level] = folder of the entries at that level ("" at the top)
  let folder = "";
  for (let i = start + 1; i < end; i++) {
    const text = lines[i]!;
    const indent = text.length - text.trimStart().length;
    let description = text.trim();
    if (indent <= 6 && description) {
      const level = indent / 2;
      const parent = level === 0 ? "" : (parents[level] ?? "");
      const [names = "", ...rest] = description.split(/\s{2,}/);
      // "components/templates/ template-gallery.tsx, …": a folder entry with its text after one space.
      const firstWord = names.match(/^\S+\/(?=\s)/);
      const entryNames = firstWord ? [firstWord[0]] : names.split(/,\s*/).filter(Boolean);
      description = firstWord ? names.slice(firstWord[0].length) + " " + rest.join("  ") : rest.join("  ");
      for (const name of entryNames) {
        if (!/^[\w.*/-]+$/.test(name)) continue;
        const path = parent + name;
        // "users, sessions, …": files named without their extension.
        mentions.push({ path: name.includes(".") || name.endsWith("/") ? path : `${path}.*`, line: i + 1, kind: "repository" });
        if (name.endsWith("/")) parents[level + 1] = path;
      }
      const last = entryNames[entryNames.length - 1] ?? "";
      folder = last.endsWith("/") ? parent + last : parent + posix.dirname(last) + "/";
      folder = folder.replace(/(^|\/)\.\/$/, "$1");
    }
    for (const [name] of description.matchAll(/(?<![\w./*-])[a-z0-9*][\w.*-]*(?:\/[\w.*-]+)*\.(?:tsx?|mjs|json|css|typ)(?![\w/])/g)) {
      const top = name.split("/")[0]!;
      if (name.includes("/") && TOP_LEVEL.has(top)) mentions.push({ path: name, line: i + 1, kind: "repository" });
      else mentions.push({ path: name, line: i + 1, kind: "name", folder });
    }
  }
  return mentions;
}

function missing(mentions: Mention[]): string[] {
  return mentions
    .filter((m) => {
      if (m.kind === "repository" || m.kind === "relative") return !exists(m.path);
      return !existsUnder(m.folder ?? "", m.path) && !(m.folder && exists(m.folder + m.path));
    })
    .map((m) => `line ${m.line}: ${m.folder ? `${m.path} (under ${m.folder})` : m.path}`);
}

// Decision records (docs/decisions/) are history: they name what was true, and what was rejected
// (remix.config.js), when they were written.
const docs = PATHS.filter((p) => /^docs\/[^/]+\.md$/.test(p));

describe("paths the docs name", () => {
  it("finds the docs", () => {
    expect(docs).toContain("docs/ARCHITECTURE.md");
  });

  it.each(docs)("%s names only paths that exist", (doc) => {
    const markdown = readFileSync(join(ROOT, doc), "utf8");
    const mentions = [...spansAndLinks(markdown, doc), ...(doc === "docs/ARCHITECTURE.md" ? treeMentions(markdown) : [])];
    expect(mentions.length).toBeGreaterThan(0);
    if (process.env.DOCS_PATHS_DEBUG) console.log(doc, mentions.map((m) => `${m.kind} ${m.folder ?? ""}${m.path}`).join("\n"));
    expect(missing(mentions), `${doc} names paths that do not exist`).toEqual([]);
  });

  it("reads paths, and leaves alone what only looks like one", () => {
    for (const path of ["server/collab/index.ts", "db/queries/library-*", "core/checks", "node-memo.ts", "package.json"]) {
      expect(pathLike(path), path).not.toBeNull();
    }
    for (const text of ["/collab/*", "drafts/:id/export", "@remix-run/node", "y-protocols/sync", "draft.<uuid>", "DATABASE_URL", "https://example.org/a.md", "npm run check -- <draft id>", "library/search", "context.collab.settle"]) {
      expect(pathLike(text), text).toBeNull();
    }
  });

  it("catches a renamed file and a moved folder", () => {
    const tree = ["```", "server/", "  collab/             room.ts  rooms", "  collab/renamed-room.ts  gone", "  nowhere/            x", "```"].join("\n");
    expect(missing(treeMentions(tree))).toEqual(["line 4: server/collab/renamed-room.ts", "line 5: server/nowhere/"]);
    const described = ["```", "server/", "  auth/               tokens.ts (…), cookies.ts (…)", "```"].join("\n");
    expect(missing(treeMentions(described))).toEqual(["line 3: cookies.ts (under server/auth/)"]);
    const prose = "See `server/collab/room.ts` and `server/collab/old-name.ts`, `db/queries/library-*` and `db/queries/nothing-*`.";
    expect(missing(spansAndLinks(prose, "docs/x.md"))).toEqual(["line 1: server/collab/old-name.ts", "line 1: db/queries/nothing-*"]);
  });
});
