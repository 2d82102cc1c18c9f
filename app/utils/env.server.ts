/**
 * The app's access to the environment. The variables are defined in
 * server/env.js, which server.js loads before the app, so that both read one
 * validated copy.
 */
export { getEnv, parseEnv } from "../../server/env.js";
export type { Env } from "../../server/env.js";
