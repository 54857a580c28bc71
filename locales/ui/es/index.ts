// One language's interface messages: a file per area, so each area's messages are read and reviewed together.
// Every key starts with its file's name ("editor.…" in editor.json); test/i18n/catalogues.test.ts holds that.
import commonMessages from "./common.json";
import authMessages from "./auth.json";
import workspaceMessages from "./workspace.json";
import editorMessages from "./editor.json";
import commentsMessages from "./comments.json";
import suggestionsMessages from "./suggestions.json";
import versionsMessages from "./versions.json";
import budgetsMessages from "./budgets.json";
import signOffMessages from "./signOff.json";
import exportMessages from "./export.json";
import checksMessages from "./checks.json";
import cliMessages from "./cli.json";
import libraryMessages from "./library.json";
import importMessages from "./import.json";
import notificationsMessages from "./notifications.json";
import draftsMessages from "./drafts.json";
import templateNamesMessages from "./templateNames.json";
import compareMessages from "./compare.json";
import sessionsMessages from "./sessions.json";
import twoStepMessages from "./twoStep.json";
import signupMessages from "./signup.json";
import mailMessages from "./mail.json";

const messages = {
  ...commonMessages,
  ...authMessages,
  ...workspaceMessages,
  ...editorMessages,
  ...commentsMessages,
  ...suggestionsMessages,
  ...versionsMessages,
  ...budgetsMessages,
  ...signOffMessages,
  ...exportMessages,
  ...checksMessages,
  ...cliMessages,
  ...libraryMessages,
  ...importMessages,
  ...notificationsMessages,
  ...draftsMessages,
  ...templateNamesMessages,
  ...compareMessages,
  ...sessionsMessages,
  ...twoStepMessages,
  ...signupMessages,
  ...mailMessages,
};

export default messages;
