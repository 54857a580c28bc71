export * from "./doc-name";
export * from "./close-codes";
export * from "./user-color";
