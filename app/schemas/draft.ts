/** Moved to core/schemas/draft.ts (server code validates a new draft too); kept so existing imports resolve. */
export * from "../../core/schemas/draft";
