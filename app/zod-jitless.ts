import { config } from "zod";

/**
 * Zod compiles faster object parsers with `new Function` when it may, and probes for that when
 * each object schema is built; the Content-Security-Policy forbids eval, so the probe alone
 * reports a violation. Interpreted parsing is fast enough for our forms. This module is root.tsx's
 * first import, so it runs before any route module builds a schema.
 */
config({ jitless: true });
