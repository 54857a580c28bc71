import { expect, it } from "vitest";
import * as login from "../../app/routes/login";
import * as account from "../../app/routes/account";
import * as invite from "../../app/routes/invite.$token";
import * as wordFile from "../../app/routes/workspaces.$workspaceId.drafts.import";
import * as libraryImport from "../../app/routes/workspaces.$workspaceId.library_.import";
import { LIMIT_POLICIES, memoryLimits, type LimitName, type Limits } from "../../server/limits/limits";
import { passwordHashGate } from "../../server/auth/password";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace, TEST_PASSWORD } from "../factories";
import { handTypedDocx } from "../fixtures/import/other-tools";
import { makeRequest, run, testContext } from "../remix";
import { fixtureFile, uploadRequest } from "./library-requests";

/** Spends the attempts a key has left, as earlier requests would have; how many that was. */
async function exhaust(limits: Limits, name: LimitName, key: string): Promise<number> {
  let spent = 0;
  while (spent <= LIMIT_POLICIES[name].points && (await limits.consume(name, key)).ok) spent++;
  return spent;
}

const messageIds = (body: unknown) => JSON.stringify(body);

describeEachDatabase("limits applied by the services", (handle) => {
  // Sign-up's limit (per client address, before any hash or mail) is tested with the sign-up
  // modes themselves, in registration.test.ts.

  it("sign-in: a correct password clears the account's count", async () => {
    const limits = memoryLimits();
    const user = await buildUser(handle());
    const ctx = testContext(handle(), "198.51.100.80", undefined, undefined, limits);
    const attempt = (password: string) => run(login.action, makeRequest("/login", { form: { email: user.email, password } }), ctx);
    for (let i = 0; i < LIMIT_POLICIES["sign-in-account"].points - 1; i++) expect((await attempt(`guess ${i}`)).status).toBe(401);
    expect((await attempt(TEST_PASSWORD)).status).toBe(302);
    for (let i = 0; i < LIMIT_POLICIES["sign-in-account"].points; i++) expect((await attempt(`again ${i}`)).status).toBe(401);
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(messageIds(refused.body)).toContain("auth.login.rateLimited");
  });

  it("password change: ten checks per account, then 429 with the wait beside the field", async () => {
    const limits = memoryLimits();
    const user = await buildUser(handle());
    const ctx = testContext(handle(), undefined, undefined, undefined, limits);
    const change = (currentPassword: string) =>
      run(account.action, makeRequest("/account", { token: user.token, form: { intent: "change-password", currentPassword, newPassword: "violet lantern orchard 7", confirmPassword: "violet lantern orchard 7" } }), ctx);
    for (let i = 0; i < LIMIT_POLICIES["password-change"].points; i++) expect((await change(`wrong ${i}`)).status).toBe(400);
    const refused = await change(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(messageIds(refused.body)).toContain("common.limits.tooMany");
  });

  it("invitations: past the limit an acceptance is refused with 429, before the token is looked at", async () => {
    const limits = memoryLimits();
    const user = await buildUser(handle());
    const ctx = testContext(handle(), undefined, undefined, undefined, limits);
    const accept = (token: string) => run(invite.action, makeRequest(`/invite/${token}`, { token: user.token, form: {} }), ctx, { token });
    for (let i = 0; i < LIMIT_POLICIES.invitation.points; i++) expect((await accept(`guess${i}`)).status).toBe(404);
    expect((await accept("guess-more")).status).toBe(429);
  });

  it("uploads: a Word file and a library file are refused with 429 once the person's uploads are spent", async () => {
    const limits = memoryLimits();
    const w = await buildWorkspace(handle());
    const editor = w.members.editor;
    const ctx = testContext(handle(), undefined, undefined, undefined, limits);
    const params = { workspaceId: w.workspace.id };
    const word = new File([(await handTypedDocx()) as Uint8Array<ArrayBuffer>], "submission.docx");
    const checkWord = () =>
      run(wordFile.action, uploadRequest(`/workspaces/${w.workspace.id}/drafts/import`, { token: editor.token, fields: { intent: "check", template: "upr-joint" }, file: word }), ctx, params);
    const previewLibrary = async () =>
      run(libraryImport.action, uploadRequest(`/workspaces/${w.workspace.id}/library/import`, { token: editor.token, fields: { intent: "preview" }, file: await fixtureFile("uhri-export.csv") }), ctx, params);
    expect((await checkWord()).status).toBe(200);
    expect((await previewLibrary()).status).toBe(200);
    // The two files above each spent one upload.
    expect(await exhaust(limits, "upload", editor.id)).toBe(LIMIT_POLICIES.upload.points - 2);
    const wordRefused = await checkWord();
    expect(wordRefused.status).toBe(429);
    expect(messageIds(wordRefused.body)).toContain("common.limits.tooMany");
    const libraryRefused = await previewLibrary();
    expect(libraryRefused.status).toBe(429);
    expect(messageIds(libraryRefused.body)).toContain("common.limits.tooMany");
    // Another person's uploads are their own.
    const owner = w.members.owner;
    const ownCheck = await run(wordFile.action, uploadRequest(`/workspaces/${w.workspace.id}/drafts/import`, { token: owner.token, fields: { intent: "check", template: "upr-joint" }, file: word }), ctx, params);
    expect(ownCheck.status).toBe(200);
  });

  it("a sign-in while the password hashes are all taken and the queue is full answers 503 with Retry-After", async () => {
    const user = await buildUser(handle());
    const { running, waiting } = passwordHashGate;
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    // Occupy every slot and every place in the queue, as a burst of sign-ups would.
    const occupants = Array.from({ length: running + waiting }, () => passwordHashGate.run(() => held));
    try {
      expect(passwordHashGate.stats()).toMatchObject({ active: running, queued: waiting });
      let thrown: unknown;
      try {
        await login.action({ request: makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD } }), context: testContext(handle()), params: {} });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Response);
      const response = thrown as Response;
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await response.text()).toBe("common.error.busy");
    } finally {
      release();
      await Promise.all(occupants);
    }
    expect((await run(login.action, makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD } }), testContext(handle()))).status).toBe(302);
  });
});
