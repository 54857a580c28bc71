/**
 * `npm run invite -- --workspace <id> --email ADDRESS --role editor [--organisation <id>] [--lang …]`:
 * the operator invites someone into a workspace and gets the one-time link (built on ORIGIN), to
 * hand over however is safe; it is mailed too when SMTP_URL or MAIL_OUTBOX_DIR is set.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { isInterfaceLocale } from "../../core/i18n/locales";
import { isRole, ROLE_LABELS, ROLES } from "../../core/policies/roles";
import { uiTranslator } from "../../locales/ui/all";
import { EnvError, parseEnv } from "../env";
import { mailerFromEnv } from "../mail/from-env";
import { inviteFromCommandLine } from "./cli-invite";
import { openForCommandLine } from "./cli-support";

const USAGE = `usage: npm run invite -- --workspace ID --email ADDRESS --role ${ROLES.join("|")} [--organisation ID] [--lang en|fr|es|ar]
  Prints the one-time invitation link, built on ORIGIN (such as https://caucus.example.org).
  The workspace's id is in its address: /workspaces/<id>.`;

const { values } = parseArgs({
  options: {
    workspace: { type: "string" },
    email: { type: "string" },
    role: { type: "string" },
    organisation: { type: "string" },
    lang: { type: "string", default: "en" },
    help: { type: "boolean", default: false },
  },
});
if (values.help || !values.workspace || !values.email || !values.role) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (!isInterfaceLocale(values.lang)) {
  console.error(`--lang must be en, fr, es or ar, not ${values.lang}`);
  process.exit(2);
}
if (!isRole(values.role)) {
  console.error(`--role must be one of ${ROLES.join(", ")}, not ${values.role}`);
  process.exit(2);
}
const { t, text, date } = uiTranslator(values.lang);
const email = values.email.trim().toLowerCase();
if (!z.email().safeParse(email).success) {
  console.error(t("auth.email.invalid"));
  process.exit(2);
}

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`caucus: invalid configuration\n${error.message}`);
  process.exit(1);
}
const origin = (env.ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
if (!env.ORIGIN) console.error(t("signup.cli.originUnset", { origin }));

const { handle, close } = await openForCommandLine();
try {
  const result = await inviteFromCommandLine(
    { db: handle.db, mailer: mailerFromEnv(env).mailer },
    { workspaceId: values.workspace, email, role: values.role, organisationId: values.organisation ?? null },
    origin,
  );
  if (result.ok) {
    console.error(t("signup.cli.invited", { email, workspace: result.workspaceName, role: t(ROLE_LABELS[values.role]), date: date(result.expiresAt, { dateStyle: "long", timeStyle: "short" }) }));
    console.log(result.link);
    if (result.delivered) console.error(t("signup.cli.mailed", { email }));
  } else {
    console.error(text(result.problem));
  }
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await close();
}
