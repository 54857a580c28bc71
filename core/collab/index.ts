export * from "./doc-name";
export * from "./close-codes";
