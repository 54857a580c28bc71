#!/usr/bin/env node
/**
 * The production build (decision 019). Two halves:
 *   - `remix vite:build`: the browser assets (build/client) and the routes' server bundle
 *     (build/server/index.js), which the server imports;
 *   - esbuild: the Node side (build/node): the server entry, the job worker, the database thread
 *     and the command-line tools, bundled from TypeScript with every node_modules package left external, so native
 *     addons and wasm files load from node_modules as they do in development.
 *
 *   node scripts/build.mjs                         everything, always (npm run build)
 *   node scripts/build.mjs --if-changed            only what the sources changed since (npm start)
 *   node scripts/build.mjs --if-changed --node-only  the Node side only (the CLIs: db:migrate, check, …)
 *
 * "Changed" is a SHA-256 over the sources' paths and contents (app, server, core, db, templates,
 * public, this script and the config files; tests left out), stored in build/stamps.json after a
 * successful build. Content, not mtimes: a checkout or a touch that changes nothing rebuilds nothing.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const NODE_OUT = join(ROOT, "build/node");
const STAMPS = join(ROOT, "build/stamps.json");
const SOURCE_DIRS = ["app", "server", "core", "db", "templates", "public"];
const SOURCE_FILES = ["package.json", "package-lock.json", "vite.config.ts", "tsconfig.json", "scripts/build.mjs"];
/** The Node side's entries: output name (build/node/<name>.js) → source. */
const NODE_ENTRIES = {
  index: "server/index.ts",
  "job-worker": "server/jobs/job-worker-main.ts",
  "pglite-thread": "db/pglite/thread-main.ts",
  "check-cli": "server/checks/check-cli.ts",
  "import-cli": "server/library/import-cli.ts",
  "migrate-cli": "db/migrate-cli.ts",
  "account-cli": "server/registration/account-cli.ts",
  "invite-cli": "server/registration/invite-cli.ts",
};
const CODE = /\.(?:[cm]?[jt]sx?)$/;

const args = new Set(process.argv.slice(2));
const ifChanged = args.has("--if-changed");
const nodeOnly = args.has("--node-only");

function log(line) {
  process.stderr.write(`build: ${line}\n`);
}

/** Every source file under the watched folders, sorted, tests left out. */
function sourceFiles() {
  const files = SOURCE_FILES.filter((file) => existsSync(join(ROOT, file)));
  for (const dir of SOURCE_DIRS) {
    if (!existsSync(join(ROOT, dir))) continue;
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
      files.push(relative(ROOT, join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

function sourceHash() {
  const hash = createHash("sha256");
  for (const file of sourceFiles()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(ROOT, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function readStamps() {
  try {
    return JSON.parse(readFileSync(STAMPS, "utf8"));
  } catch {
    return {};
  }
}

function writeStamp(part, hash) {
  mkdirSync(dirname(STAMPS), { recursive: true });
  writeFileSync(STAMPS, `${JSON.stringify({ ...readStamps(), [part]: hash }, null, 2)}\n`);
}

function buildRemix() {
  const started = performance.now();
  const result = spawnSync(join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  log(`remix vite:build done in ${seconds(started)}`);
}

/**
 * Files the code reads by path next to itself (`new URL("./x", import.meta.url)`): copied to
 * build/node/files/<path from the repository root>, and the URL in the bundle rewritten to point
 * there (every chunk sits directly in build/node). A template literal (`./${name}`) takes every
 * non-code file of its folder. A worker entry (a .js/.mjs/.ts target) is left alone: job-pool.ts
 * picks its compiled worker itself.
 */
function runtimeFiles() {
  const pattern = /new URL\(\s*(["'`])((?:\.\.?\/)[^"'`]*)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: "runtime-files",
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, (file) => {
        if (file.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(file.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const here = dirname(file.path);
        const contents = source.replace(pattern, (whole, quote, target) => {
          const dynamic = target.indexOf("${");
          if (dynamic < 0 && CODE.test(target)) return whole;
          const staticPart = dynamic < 0 ? target : target.slice(0, dynamic);
          if (dynamic >= 0 && !staticPart.endsWith("/")) throw new Error(`${relative(ROOT, file.path)}: ${target}: only a whole folder can be copied`);
          const from = resolve(here, staticPart);
          const to = join(NODE_OUT, "files", relative(ROOT, from));
          if (dynamic >= 0) {
            mkdirSync(to, { recursive: true });
            for (const name of readdirSync(from)) if (!CODE.test(name)) copyFileSync(join(from, name), join(to, name));
          } else {
            if (!existsSync(from)) throw new Error(`${relative(ROOT, file.path)}: ${target} does not exist`);
            mkdirSync(dirname(to), { recursive: true });
            copyFileSync(from, to);
          }
          const rewritten = `./files/${relative(ROOT, from).split(sep).join("/")}${dynamic < 0 ? "" : `/${target.slice(dynamic)}`}`;
          return `new URL(${quote}${rewritten}${quote}, import.meta.url)`;
        });
        return { contents, loader: file.path.endsWith("x") ? "tsx" : "ts" };
      });
    },
  };
}

async function buildNode() {
  const started = performance.now();
  const esbuild = await import("esbuild");
  rmSync(NODE_OUT, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: NODE_ENTRIES,
    outdir: NODE_OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    // Readable stack traces without --enable-source-maps: names and lines as in the source.
    keepNames: true,
    sourcemap: "linked",
    logLevel: "warning",
    metafile: true,
    plugins: [runtimeFiles()],
  });
  if (result.errors.length || result.warnings.length) process.exit(1);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  log(`esbuild: ${Object.keys(NODE_ENTRIES).length} entries, ${Math.round(bytes / 1024)} kB in build/node, ${seconds(started)}`);
}

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

const hash = sourceHash();
const stamps = readStamps();
const fresh = (part, output) => ifChanged && stamps[part] === hash && existsSync(join(ROOT, output));
const built = [];
if (!nodeOnly) {
  if (fresh("remix", "build/server/index.js")) built.push("remix: unchanged");
  else {
    buildRemix();
    writeStamp("remix", hash);
  }
}
if (fresh("node", "build/node/index.js")) built.push("node: unchanged");
else {
  await buildNode();
  writeStamp("node", hash);
}
// The command-line tools (--node-only) print only their own output when nothing was rebuilt:
// a check piped to another program must not start with a line about the build.
if (built.length && !nodeOnly) log(`${built.join(", ")} since the last build (sources ${hash.slice(0, 12)})`);
