import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether browser tests can run here. On a laptop without Chromium they are skipped with one
 * line; in CI a missing browser fails the run instead.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI is set but ${CHROMIUM} is missing: install Debian's chromium.`);
  console.warn(`${CHROMIUM} not found: browser tests skipped (apt-get install chromium).`);
  return false;
}

/** Debian's Chromium, headless, with the flags this closed network needs (docs/stack.md, Install and CI). */
export function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      ...(options.extraArgs ?? []),
    ],
  });
}
