/**
 * Separate processes, each with its own better-sqlite3 connection to the test file, that run writes
 * at the same instant: what two tabs or two server processes would do. Started once per test file
 * (race-contender.ts) and given one command each per round.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export type RaceCommand =
  | { action: "accept-booking"; bookingId: number; ownerId: number }
  | { action: "register"; eventId: number; userId: number }
  | { action: "accept-mentorship"; mentorshipId: number; userId: number };

/** What the model function returned, as JSON: `ok`, and `status`/`message` when it refused (or a registration's status). */
export type RaceOutcome = { ok: boolean; status?: number | string; message?: string };

const SCRIPT = path.resolve("app/route-tests/race-contender.ts");

type Contender = { child: ChildProcessWithoutNullStreams; next: () => Promise<string> };

function startContender(file: string): Promise<Contender> {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, file]);
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const lines: string[] = [];
  let pending: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  let exited: Error | undefined;
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const waiting = pending;
    pending = undefined;
    if (waiting) waiting.resolve(line);
    else lines.push(line);
  });
  child.on("exit", (code) => {
    exited = new Error(`contender exited (${code}): ${err}`);
    pending?.reject(exited);
    pending = undefined;
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) resolve(line);
      else if (exited) reject(exited);
      else pending = { resolve, reject };
    });
  return next().then((line) => {
    if (line !== "ready") throw new Error(`contender said « ${line} » instead of ready: ${err}`);
    return { child, next };
  });
}

export class Contenders {
  private constructor(private readonly processes: Contender[]) {}

  /** `count` processes on `file`, each ready (its connection open) when this resolves. */
  static async start(file: string, count: number): Promise<Contenders> {
    return new Contenders(await Promise.all(Array.from({ length: count }, () => startContender(file))));
  }

  /** Gives command i to process i in the same tick, then waits for every outcome. */
  async race(commands: RaceCommand[]): Promise<RaceOutcome[]> {
    if (commands.length > this.processes.length) throw new Error(`${commands.length} commands for ${this.processes.length} contenders`);
    const outcomes = commands.map((_, i) => this.processes[i]!.next());
    commands.forEach((command, i) => this.processes[i]!.child.stdin.write(`${JSON.stringify(command)}\n`));
    return (await Promise.all(outcomes)).map((line) => JSON.parse(line) as RaceOutcome);
  }

  /** Ends every process (stdin closed: each closes its connection and exits). */
  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.stdin.end();
          }),
      ),
    );
  }
}
