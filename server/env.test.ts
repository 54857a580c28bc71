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
});
