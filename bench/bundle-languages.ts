/**
 * What a browser downloads per interface language (issue 19): the JavaScript a page loads (Remix's
 * entry, the route chain's modules and their imports, as the client manifest lists them) plus the
 * one catalogue chunk for its language, raw and gzip-compressed (level 9, as a server would send
 * it). Reads a finished client build; `npx tsx bench/bundle-languages.ts [build/client]`. Run it
 * against a build of an earlier commit for the "before" column.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestEntry {
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry & { parentId?: string }>;
}

const clientDir = process.argv[2] ?? "build/client";
const assets = join(clientDir, "assets");
const manifestFile = readdirSync(assets).find((name) => /^manifest-.*\.js$/.test(name));
if (!manifestFile) throw new Error(`no manifest-*.js in ${assets}: build first (npm run build)`);
const manifest = JSON.parse(readFileSync(join(assets, manifestFile), "utf8").replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;

function size(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(join(clientDir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The modules a page loads: the entry, then each route from the root down to `routeId`, with their imports. */
function pageModules(routeId: string): Set<string> {
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`no route ${id} in the manifest`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return files;
}

const kib = (n: number) => (n / 1024).toFixed(1);
const catalogues = readdirSync(assets).filter((name) => /^(en|fr|es|ar)-[\w-]+\.js$/.test(name));
const pages: Array<[string, string]> = [
  ["sign-in", "routes/login"],
  ["workspace home", "routes/workspaces.$workspaceId._index"],
  ["draft editor", "routes/workspaces.$workspaceId.drafts.$draftId"],
];

console.log(`client build: ${clientDir}`);
console.log("page | JS without catalogue KiB (gzip) | " + (catalogues.length ? catalogues.map((c) => c.split("-")[0]).join(" | ") + " catalogue KiB (gzip)" : "no catalogues"));
for (const [name, routeId] of pages) {
  if (!manifest.routes[routeId]) continue;
  const total = [...pageModules(routeId)].reduce((sum, file) => {
    const s = size(file);
    return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip };
  }, { raw: 0, gzip: 0 });
  const perLanguage = catalogues.map((file) => {
    const s = size(`/assets/${file}`);
    return `${kib(s.raw)} (${kib(s.gzip)})`;
  });
  console.log(`${name} | ${kib(total.raw)} (${kib(total.gzip)}) | ${perLanguage.join(" | ")}`);
}
