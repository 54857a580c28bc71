import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { findUserByEmail } from "../../db/queries/users";
import { createWorkspace } from "../../db/queries/workspaces";
import { verifyPassword } from "../../server/auth/password";
import { lockDataDir } from "../../server/data-dir-lock";
import { describeInvitation } from "../../server/workspaces/invitations";
import { openTestDatabase, testDatabaseKinds } from "../db/test-database";

const PASSWORD = "violet lantern orchard 7";
/** Each run is a process opening the database (PGlite: seconds on a busy machine). */
const SLOW = 240_000;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built command-line tool (build/node/*.js, rebuilt by the test setup) with `input` on standard input. */
function cli(name: "account-cli" | "invite-cli", args: string[], env: Record<string, string>, input = ""): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`build/node/${name}.js`, ...args], {
      env: { ...process.env, DATABASE_URL: "", SMTP_URL: "", MAIL_OUTBOX_DIR: "", ORIGIN: "", SIGNUP: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Where the tools write, and how the test reads it back afterwards (PGlite: only while no tool runs). */
interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), "caucus-cli-"));
  return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }), cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

async function postgresTarget(): Promise<Target> {
  const database = await openTestDatabase("postgres");
  return { env: { DATABASE_URL: database.url! }, open: async () => ({ ...database, close: async () => {} }), cleanup: () => database.close() };
}

for (const kind of testDatabaseKinds()) {
  describe(`npm run account:create and npm run invite [${kind}]`, () => {
    let target: Target;
    beforeAll(async () => {
      target = kind === "pglite" ? await pgliteTarget() : await postgresTarget();
    });
    afterAll(async () => {
      await target?.cleanup();
    });

    it("creates an account from a password on standard input, refuses a weak one and a taken address", async () => {
      const made = await cli("account-cli", ["--email", "Amina@Example.org", "--name", "Amina Diallo"], target.env, `${PASSWORD}\n`);
      expect(made.stdout).toContain("Account created for amina@example.org.");
      expect(made.code).toBe(0);
      const weak = await cli("account-cli", ["--email", "kofi@example.org", "--name", "Kofi", "--lang", "fr"], target.env, "password123\n");
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain("Ce mot de passe figure sur les listes");
      const taken = await cli("account-cli", ["--email", "amina@example.org", "--name", "Someone"], target.env, `${PASSWORD}\n`);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain("amina@example.org already has an account.");
      const handle = await target.open();
      try {
        const user = await findUserByEmail(handle.db, "amina@example.org");
        expect(user?.name).toBe("Amina Diallo");
        expect(await verifyPassword(user!.password_hash, PASSWORD)).toBe(true);
        expect(await findUserByEmail(handle.db, "kofi@example.org")).toBeUndefined();
      } finally {
        await handle.close();
      }
    }, SLOW);

    it("invites into a workspace and prints the one-time link on ORIGIN", async () => {
      let workspaceId: string;
      const handle = await target.open();
      try {
        const owner = await findUserByEmail(handle.db, "amina@example.org");
        workspaceId = (await createWorkspace(handle.db, { name: "Ghana UPR Coalition", description: "", ownerId: owner!.id })).id;
      } finally {
        await handle.close();
      }
      const env = { ...target.env, ORIGIN: "https://caucus.example.org" };
      const invited = await cli("invite-cli", ["--workspace", workspaceId, "--email", "Rita@example.org", "--role", "reviewer"], env);
      expect(invited.code).toBe(0);
      const link = invited.stdout.trim();
      expect(link).toMatch(/^https:\/\/caucus\.example\.org\/invite\/[a-z2-7]{32}$/);
      expect(invited.stderr).toContain("Invitation for rita@example.org to Ghana UPR Coalition as Reviewer");
      const unknown = await cli("invite-cli", ["--workspace", "00000000-0000-0000-0000-000000000000", "--email", "x@example.org", "--role", "editor"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("No workspace has the id 00000000-0000-0000-0000-000000000000.");
      const member = await cli("invite-cli", ["--workspace", workspaceId, "--email", "amina@example.org", "--role", "editor"], env);
      expect(member.code).toBe(1);
      const badRole = await cli("invite-cli", ["--workspace", workspaceId, "--email", "x@example.org", "--role", "member"], env);
      expect(badRole.code).toBe(2);
      const again = await target.open();
      try {
        const found = await describeInvitation(again.db, link.split("/").pop());
        expect(found).toMatchObject({ state: "valid", invite: { email: "rita@example.org", role: "reviewer", inviterName: null } });
      } finally {
        await again.close();
      }
    }, SLOW);

    if (kind === "pglite") {
      it("refuses while another process holds the data directory (the server)", async () => {
        const dataDir = target.env.DATA_DIR!;
        // This test process stands in for the running server: it holds the lock the server takes.
        const release = await lockDataDir(dataDir);
        try {
          const refused = await cli("account-cli", ["--email", "late@example.org", "--name", "Late"], target.env, `${PASSWORD}\n`);
          expect(refused.code).toBe(1);
          expect(refused.stderr).toMatch(/is in use by process \d+, still running/);
          const invite = await cli("invite-cli", ["--workspace", "00000000-0000-0000-0000-000000000000", "--email", "x@example.org", "--role", "editor"], target.env);
          expect(invite.code).toBe(1);
          expect(invite.stderr).toMatch(/is in use by process \d+/);
        } finally {
          await release();
        }
      }, SLOW);
    }
  });
}
