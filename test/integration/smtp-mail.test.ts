import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailerFromEnv } from "../../server/mail/from-env";

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

/** The text of a MIME message as a reader sees it: soft line breaks joined, =XX decoded (UTF-8). */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "");
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
}

describe("mail over SMTP (a real receiving server)", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("delivers a sign-up confirmation and an invitation, each in its reader's language", async () => {
    const { mailer, transport } = mailerFromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Caucus <caucus@caucus.test>", MAIL_OUTBOX_DIR: "/never/used" });
    expect(transport).toBe("smtp");
    expect(mailer.delivers).toBe(true);
    const link = "https://caucus.example.org/signup/confirm/abcdefghijklmnopqrstuvwxyz234567";
    await mailer.sendSignUp({ kind: "confirm", to: "lea@example.org", locale: "fr", link, expiresAt: new Date("2026-12-10T12:00:00Z") });
    await mailer.sendInvitation({
      to: "rita@example.org",
      workspaceName: "Ghana UPR Coalition",
      inviterName: "Amina Diallo",
      role: "reviewer",
      link: "https://caucus.example.org/invite/abcdefghijklmnopqrstuvwxyz234567",
      expiresAt: new Date("2026-12-14T12:00:00Z"),
    });
    expect(received.map((m) => m.to)).toEqual([["lea@example.org"], ["rita@example.org"]]);
    expect(received[0]!.from).toBe("caucus@caucus.test");
    const french = decodeQuotedPrintable(received[0]!.raw);
    expect(french).toContain(link);
    expect(french).toContain("Ouvrez ce lien pour choisir votre nom");
    expect(received[0]!.raw).toMatch(/^Subject: .+$/m);
    const invitation = decodeQuotedPrintable(received[1]!.raw);
    expect(invitation).toContain("Subject: Amina Diallo invites you to Ghana UPR Coalition on Caucus");
    expect(invitation).toContain("as Reviewer");
    expect(invitation).toContain("https://caucus.example.org/invite/abcdefghijklmnopqrstuvwxyz234567");
  });

  it("fails loudly when the SMTP server refuses the recipient", async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(new Error("mailbox unavailable"));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", () => resolve()));
    const refusingPort = (refusing.server.address() as AddressInfo).port;
    try {
      const { mailer } = mailerFromEnv({ SMTP_URL: `smtp://127.0.0.1:${refusingPort}`, MAIL_FROM: "Caucus <caucus@caucus.test>", MAIL_OUTBOX_DIR: undefined });
      await expect(mailer.sendSignUp({ kind: "existing", to: "x@example.org", locale: "en", signInLink: "https://caucus.example.org/login" })).rejects.toThrow(/mailbox unavailable/);
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
