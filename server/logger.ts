const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One JSON object per line on stdout (stderr for errors), so logs read in a terminal and parse
 * in an aggregator. Fields must never hold tokens, passwords or document text.
 */
export function createLogger(level: LogLevel, category = "caucus"): Logger {
  const threshold = LEVELS[level];
  const write = (at: Exclude<LogLevel, "silent">, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[at] < threshold) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, category, message, ...fields });
    (at === "error" ? process.stderr : process.stdout).write(line + "\n");
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
  };
}
