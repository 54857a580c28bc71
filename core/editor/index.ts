export * from "./extensions";
export * from "./canonical";
