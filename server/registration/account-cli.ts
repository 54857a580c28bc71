/**
 * `npm run account:create -- --email amina@example.org --name "Amina Diallo" [--lang en|fr|es|ar]`:
 * the operator makes an account, whatever SIGNUP says. The password is typed at a prompt that
 * does not show it, or piped on standard input; the same policy as the sign-up form applies.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { passwordProblem } from "../../core/accounts/password-policy";
import { isInterfaceLocale } from "../../core/i18n/locales";
import { uiTranslator } from "../../locales/ui/all";
import { normaliseEmail } from "../../db/queries/users";
import { createAccount } from "./first-account";
import { openForCommandLine, readPassword } from "./cli-support";

const USAGE = `usage: npm run account:create -- --email ADDRESS --name "NAME" [--lang en|fr|es|ar]
  The password is asked without echo, or read from standard input:
    printf '%s\\n' "$PASSWORD" | npm run account:create -- --email amina@example.org --name "Amina Diallo"`;

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, lang: { type: "string", default: "en" }, help: { type: "boolean", default: false } },
});
if (values.help || !values.email || !values.name) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (!isInterfaceLocale(values.lang)) {
  console.error(`--lang must be en, fr, es or ar, not ${values.lang}`);
  process.exit(2);
}
const { t, text } = uiTranslator(values.lang);
const email = normaliseEmail(values.email);
const name = values.name.trim();
if (!z.email().safeParse(email).success) {
  console.error(t("auth.email.invalid"));
  process.exit(2);
}
if (!name || name.length > 120) {
  console.error(t("workspace.field.nameRequired"));
  process.exit(2);
}

// The data directory first: while the server holds it, nobody types a password for nothing.
const { handle, close } = await openForCommandLine();
try {
  process.exitCode = await create();
} finally {
  await close();
}

async function create(): Promise<number> {
  const password = await readPassword(t("signup.cli.passwordPrompt", { email }));
  if (!password) {
    console.error(t("signup.cli.noPassword"));
    return 2;
  }
  const problem = passwordProblem(password, email);
  if (problem) {
    console.error(text(problem));
    return 1;
  }
  const result = await createAccount(handle.db, { email, name, password });
  if (!result.ok) {
    console.error(t("signup.cli.taken", { email }));
    return 1;
  }
  console.log(t("signup.cli.created", { email }));
  return 0;
}
