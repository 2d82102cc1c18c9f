// @ts-check
/**
 * Graceful shutdown of server.js on SIGTERM (systemd, docker stop) and SIGINT (Ctrl-C): stop accepting
 * connections, let the requests in flight finish, let the mail worker finish the message it is sending,
 * fold the WAL into the base file and close it, then exit 0. Past the deadline (10 s, under systemd's
 * default 90 s and docker's 10 s), exit 1 whatever is left. A second signal exits 1 at once.
 */

/**
 * What the server build leaves on globalThis (app/background.server.ts): server.js and the build are
 * two module graphs, so this is how the one reaches the other.
 * @typedef {{ stopBackgroundWork: () => Promise<void>; closeDatabase: () => void }} ServerHooks
 */

/** @returns {ServerHooks | undefined} */
function appHooks() {
  return /** @type {{ maillonServerHooks?: ServerHooks }} */ (globalThis).maillonServerHooks;
}

/**
 * @param {import("node:http").Server} server
 * @param {{ timeoutMs?: number; hooks?: () => ServerHooks | undefined; exit?: (code: number) => void; log?: (line: string) => void }} [options]
 */
export function installGracefulShutdown(server, options = {}) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const hooks = options.hooks ?? appHooks;
  const exit = options.exit ?? ((code) => process.exit(code));
  const log = options.log ?? ((line) => console.log(line));
  let stopping = false;

  /** @param {NodeJS.Signals} signal */
  async function shutdown(signal) {
    if (stopping) {
      log(`${signal} reçu de nouveau : arrêt immédiat.`);
      exit(1);
      return;
    }
    stopping = true;
    const started = Date.now();
    log(`${signal} reçu : arrêt en cours (les requêtes en cours se terminent, ${timeoutMs / 1000} s au plus).`);
    const deadline = setTimeout(() => {
      console.error(`Arrêt forcé : ce qui restait en cours après ${timeoutMs / 1000} s est abandonné.`);
      exit(1);
    }, timeoutMs);
    deadline.unref();

    // No new connection from now on; an answer on a kept-alive connection closes it.
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    server.on("request", (_req, res) => res.setHeader("Connection", "close"));
    // Kept-alive connections with no request in flight are closed now, and those whose request ends later
    // as soon as it has been answered (server.close waits for every connection).
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();

    try {
      const app = hooks();
      // The mail worker finishes the message it is sending while the requests end.
      await Promise.all([closed, app?.stopBackgroundWork()]);
      clearInterval(sweep);
      // Last: no request or message can write any more.
      app?.closeDatabase();
      clearTimeout(deadline);
      log(`Maillon arrêté proprement en ${Date.now() - started} ms.`);
      exit(0);
    } catch (error) {
      console.error("Arrêt : ", error);
      exit(1);
    }
  }

  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
    process.on(signal, () => void shutdown(signal));
  }
}
