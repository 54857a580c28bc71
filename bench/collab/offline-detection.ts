/**
 * Network loss to "Offline" (issue 16), in Debian's Chromium against the production server:
 * TRIALS times each, the milliseconds from losing the network to the indicator saying so, and
 * from getting it back to "All changes saved".
 * - "browser offline": the browser knows (context.setOffline: the `offline` event fires);
 * - "silent loss": the browser does not (frames in both directions are dropped, the socket
 *   stays open, as when Wi-Fi stops passing packets) — only the application ping can tell.
 * Prints p50, p95 and max of each. Needs `npm run build` first and /usr/bin/chromium.
 *
 *   npx tsx bench/collab/offline-detection.ts
 */
import type { Page, WebSocketRoute } from "playwright-core";
import { startServer } from "../../test/app-server";
import { launchBrowser } from "../../test/e2e/browser";
import { fmt, percentile, table } from "./stats";

const TRIALS = Number(process.env.TRIALS ?? 20);

const indicator = (page: Page) => page.locator(".connection-status");

async function timeUntil(page: Page, text: RegExp): Promise<number> {
  const started = Date.now();
  await indicator(page).filter({ hasText: text }).waitFor({ timeout: 30_000 });
  return Date.now() - started;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Sockets pass through here, so a trial can stop every frame without closing anything.
  let silent = false;
  await context.routeWebSocket(/\/collab\//, (ws: WebSocketRoute) => {
    const upstream = ws.connectToServer();
    ws.onMessage((message) => {
      if (!silent) upstream.send(message);
    });
    upstream.onMessage((message) => {
      if (!silent) ws.send(message);
    });
  });
  await page.goto(`${server.url}/signup`);
  await page.getByLabel("Your name").fill("Bench Typist");
  await page.getByLabel("Email").fill("bench@example.org");
  await page.getByLabel("Password").fill("tea kettle harbour 42");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${server.url}/workspaces`);
  await page.getByLabel("Coalition name").fill("Bench coalition");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "New draft" }).click();
  await page.getByRole("radio", { name: /^UPR joint submission/ }).check();
  await page.getByLabel("Title").fill("Offline detection");
  await page.getByLabel("State under review").selectOption("GHA");
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
  await indicator(page).filter({ hasText: "All changes saved" }).waitFor();

  const results: Record<string, { lost: number[]; back: number[] }> = { "browser offline": { lost: [], back: [] }, "silent loss": { lost: [], back: [] } };
  for (let trial = 0; trial < TRIALS; trial++) {
    // A little typing first, so each trial starts from a saved draft that was just in use.
    await page.locator(".document").click();
    await page.keyboard.type("x");
    await indicator(page).filter({ hasText: "All changes saved" }).waitFor();

    await context.setOffline(true);
    results["browser offline"]!.lost.push(await timeUntil(page, /^Offline/));
    await context.setOffline(false);
    results["browser offline"]!.back.push(await timeUntil(page, /^All changes saved/));

    silent = true;
    results["silent loss"]!.lost.push(await timeUntil(page, /^Offline/));
    silent = false;
    results["silent loss"]!.back.push(await timeUntil(page, /^All changes saved/));
    console.log(`  trial ${trial + 1}: browser offline ${results["browser offline"]!.lost.at(-1)} ms, silent loss ${results["silent loss"]!.lost.at(-1)} ms`);
  }
  const row = (name: string, ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return [name, fmt(percentile(sorted, 50), 0), fmt(percentile(sorted, 95), 0), fmt(sorted.at(-1)!, 0)];
  };
  console.log(`\nNetwork loss → "Offline…", and back → "All changes saved" (${TRIALS} trials each)`);
  console.log(
    table(
      ["", "p50 ms", "p95 ms", "max ms"],
      Object.entries(results).flatMap(([kind, r]) => [row(`${kind}: to Offline`, r.lost), row(`${kind}: back to saved`, r.back)]),
    ),
  );
} finally {
  await browser.close();
  await server.stop();
}
