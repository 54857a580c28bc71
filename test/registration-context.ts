import type { DatabaseHandle } from "../db/client";
import { createLogger } from "../server/logger";
import { memoryLimits, type Limits } from "../server/limits/limits";
import { copyLinkMailer, type Mailer } from "../server/mail/mailer";
import { deliveringMailer, outboxTransport } from "../server/mail/transports";
import { createServices } from "../server/services";
import type { TestContext } from "./remix";

/**
 * The load context the server builds with SIGNUP and a mail transport set: the mail goes into a
 * real outbox folder (`outbox`), or nowhere (links to copy) without one.
 */
export function registrationContext(
  handle: DatabaseHandle,
  options: { signUp?: "invitation" | "open"; outbox?: string; clientIp?: string; limits?: Limits; mailer?: Mailer } = {},
): TestContext {
  const mailer = options.mailer ?? (options.outbox ? deliveringMailer(outboxTransport(options.outbox, "Caucus <caucus@caucus.test>")) : copyLinkMailer);
  const services = createServices({
    db: handle.db,
    databaseKind: handle.kind,
    mailer,
    collab: { revalidate: async () => {}, announce: () => {}, settle: async () => {}, applyStoredChange: () => {} },
    jobs: { run: () => Promise.reject(new Error("no jobs in registration tests")) },
    log: createLogger("silent"),
    limits: options.limits ?? memoryLimits(),
    signUp: options.signUp,
  });
  return { db: handle.db, databaseKind: handle.kind, services, clientIp: options.clientIp ?? "203.0.113.9", publicOrigin: undefined };
}

export { linkIn, readOutbox } from "./outbox";
