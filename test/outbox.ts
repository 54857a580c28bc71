import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { OutboxMail } from "../server/mail/transports";

/** Every mail in an outbox folder, oldest first. */
export async function readOutbox(dir: string): Promise<OutboxMail[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8")) as OutboxMail));
}

/** The first link in a mail's text. */
export function linkIn(mail: OutboxMail): string {
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no link in the mail to ${mail.to}`);
  return link;
}
