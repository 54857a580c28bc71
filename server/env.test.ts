import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs with nothing set, on embedded PGlite", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./.data", LOG_LEVEL: "info", TRUST_PROXY: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });

  it("names the bad variable and shows its value", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/^PORT must be a port number from 0 to 65535 \(got "eighty"\)$/);
  });

  it("never echoes a database URL, which may hold a password", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/caucus" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^DATABASE_URL must be a postgres/);
    expect(message).not.toContain("hunter2");
  });

  it("refuses an ORIGIN with a path", () => {
    expect(() => parseEnv({ ORIGIN: "https://caucus.example.org/app" })).toThrow(/^ORIGIN must be an http\(s\) origin/);
  });

  it("reports every bad variable, one line each", () => {
    expect(() => parseEnv({ PORT: "-1", LOG_LEVEL: "loud" })).toThrow(/PORT .*\nLOG_LEVEL /);
  });

  it("reads METRICS_ADDRESS as host and port, and leaves metrics off when it is unset", () => {
    expect(parseEnv({}).METRICS_ADDRESS).toBeUndefined();
    expect(parseEnv({ METRICS_ADDRESS: "127.0.0.1:9464" }).METRICS_ADDRESS).toEqual({ host: "127.0.0.1", port: 9464 });
    expect(parseEnv({ METRICS_ADDRESS: "[::1]:9464" }).METRICS_ADDRESS).toEqual({ host: "::1", port: 9464 });
    expect(parseEnv({ METRICS_ADDRESS: "metrics.internal:0" }).METRICS_ADDRESS).toEqual({ host: "metrics.internal", port: 0 });
  });

  it("refuses a METRICS_ADDRESS without a port, or with one out of range, in one line", () => {
    for (const bad of ["9464", "127.0.0.1", "127.0.0.1:99999", "http://127.0.0.1:9464", ":9464"]) {
      expect(() => parseEnv({ METRICS_ADDRESS: bad })).toThrow(/^METRICS_ADDRESS must be host:port for the metrics listener, such as 127\.0\.0\.1:9464 or \[::1\]:9464 \(got "[^"\n]*"\)$/);
    }
  });

  it("accounts are by invitation unless SIGNUP=open, which needs a mail transport that delivers", () => {
    expect(parseEnv({}).SIGNUP).toBe("invitation");
    expect(() => parseEnv({ SIGNUP: "open" })).toThrow(/^SIGNUP is open, which needs a mail transport that delivers: set SMTP_URL/);
    expect(parseEnv({ SIGNUP: "open", MAIL_OUTBOX_DIR: "/tmp/outbox" })).toMatchObject({ SIGNUP: "open", MAIL_OUTBOX_DIR: "/tmp/outbox" });
    expect(() => parseEnv({ SIGNUP: "anyone" })).toThrow(/^SIGNUP must be invitation or open/);
  });

  it("never echoes an SMTP URL, which may hold a password", () => {
    expect(() => parseEnv({ SMTP_URL: "http://u:hunter2@mail" })).toThrow(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL$/);
  });
});
