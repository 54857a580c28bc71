import { z } from "zod";

/** An unset variable and an empty one (`PORT=` in a .env file) mean the same: use the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/./.test(v), "must be a postgres:// or postgresql:// URL");

const ADDRESS = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;
const addressMessage = "must be host:port for the metrics listener, such as 127.0.0.1:9464 or [::1]:9464";

/** host:port (IPv6 in brackets) → where to listen; the port may be 0 (the kernel picks one). */
const listenAddress = z
  .string()
  .refine((v) => {
    const match = ADDRESS.exec(v);
    return match !== null && Number(match[3]) <= 65535;
  }, addressMessage)
  .transform((v) => {
    const match = ADDRESS.exec(v)!;
    return { host: match[1] ?? match[2]!, port: Number(match[3]) };
  });

const EnvSchema = z.object({
  NODE_ENV: optional(
    z.enum(["development", "production", "test"], { error: "must be development, production or test" }),
  ).default("development"),
  PORT: optional(
    z.coerce
      .number({ error: "must be a port number from 0 to 65535" })
      .int({ error: "must be a port number from 0 to 65535" })
      .min(0, { error: "must be a port number from 0 to 65535" })
      .max(65535, { error: "must be a port number from 0 to 65535" }),
  ).default(3000),
  HOST: optional(z.string().min(1)).default("127.0.0.1"),
  DATABASE_URL: optional(postgresUrl),
  DATA_DIR: optional(z.string().min(1)).default("./.data"),
  REDIS_URL: optional(z.string().refine((v) => /^rediss?:\/\/./.test(v), "must be a redis:// or rediss:// URL")),
  ORIGIN: optional(
    z.url().refine((v) => {
      const url = new URL(v);
      return (url.protocol === "http:" || url.protocol === "https:") && url.pathname === "/" && !url.search;
    }, "must be an http(s) origin such as https://caucus.example.org, with no path"),
  ),
  LOG_LEVEL: optional(
    z.enum(["debug", "info", "warn", "error", "silent"], { error: "must be one of debug, info, warn, error, silent" }),
  ).default("info"),
  TRUST_PROXY: optional(z.enum(["true", "false", "1", "0"], { error: "must be true or false" }))
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Where GET /metrics (Prometheus) listens, apart from the public port; unset = no metrics listener. */
  METRICS_ADDRESS: optional(listenAddress),
  /** Who may create an account once one exists: only invitees (default), or anyone who confirms their address. */
  SIGNUP: optional(z.enum(["invitation", "open"], { error: "must be invitation or open" })).default("invitation"),
  /** Where mail goes out: smtp(s)://user:password@host:port; unset = no SMTP. */
  SMTP_URL: optional(z.string().refine((v) => /^smtps?:\/\/./.test(v), "must be an smtp:// or smtps:// URL")),
  /** The sender of every mail, such as "Caucus <caucus@example.org>". */
  MAIL_FROM: optional(z.string().min(3)).default("Caucus <caucus@localhost>"),
  /** A folder where each mail is written as one .eml file instead of sent (no SMTP server; tests). */
  MAIL_OUTBOX_DIR: optional(z.string().min(1)),
}).superRefine((env, ctx) => {
  // Open sign-up answers "check your inbox": without a transport that delivers, nobody could ever confirm.
  if (env.SIGNUP === "open" && !env.SMTP_URL && !env.MAIL_OUTBOX_DIR) {
    ctx.addIssue({ code: "custom", path: ["SIGNUP"], message: "is open, which needs a mail transport that delivers: set SMTP_URL (or MAIL_OUTBOX_DIR to write each mail to a folder)" });
  }
});

export type Env = z.infer<typeof EnvSchema>;

/** Variables whose values may hold credentials: never echoed in error messages. */
const SECRET = new Set(["DATABASE_URL", "REDIS_URL", "SMTP_URL"]);

export class EnvError extends Error {
  override readonly name = "EnvError";
}

/** Parses the environment once at boot; a bad variable throws one clear line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const value = source[name];
    const shown = SECRET.has(name) || value === undefined ? "" : ` (got ${JSON.stringify(value)})`;
    return `${name} ${issue.message}${shown}`;
  });
  throw new EnvError(lines.join("\n"));
}
