/** The matcher's pure core: see docs/matching.md. */
export * from "./club";
export * from "./errors";
export * from "./explain";
export * from "./geo";
export * from "./mentor";
export * from "./mentor-index";
export * from "./round";
export * from "./top-k";
export * from "./types";
export * from "./weights";
