export * from "./roles";
export * from "./abilities";
