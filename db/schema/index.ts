export * from "./catalog";
export * from "./geo";
export * from "./territories";
export * from "./users";
