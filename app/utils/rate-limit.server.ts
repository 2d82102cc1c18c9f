/**
 * Limits on repeated writes (docs/decisions/020-input-and-account-protection.md): every form an action
 * receives counts, per signed-in person and per client address, in a sliding window held in memory
 * (the server is one process). The limits come from RATE_LIMIT_WRITES and
 * RATE_LIMIT_WRITES_PER_ADDRESS (« 30/60 »: 30 in any 60 seconds; « 0 »: none). `authorize` calls
 * `takeWrite` for every action, so no route can forget it.
 */
import { requestScope } from "../../server/request-scope.js";
import { getEnv, type Env } from "./env.server";

export type RateLimit = { max: number; windowMs: number };

/** Above this many keys, keys whose window has passed are swept out. */
const SWEEP_ABOVE = 10_000;

/** Recent write times per key, oldest first; a key never holds more than its limit. */
class SlidingWindow {
  private readonly hits = new Map<string, number[]>();
  /**
   * The size that triggers the next sweep: twice what the last sweep kept (at least SWEEP_ABOVE), so
   * a crowd of live keys is swept once per doubling rather than on every write.
   */
  private sweepAt = SWEEP_ABOVE;

  constructor(private readonly limit: RateLimit) {}

  /** Seconds to wait when `key` has used its limit, else null. */
  wait(key: string, now: number): number | null {
    const recent = this.recent(key, now);
    if (recent.length < this.limit.max) return null;
    return Math.max(1, Math.ceil((recent[0]! + this.limit.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > this.sweepAt) this.sweep(now);
  }

  private recent(key: string, now: number): number[] {
    const since = now - this.limit.windowMs;
    return (this.hits.get(key) ?? []).filter((at) => at > since);
  }

  private sweep(now: number): void {
    const since = now - this.limit.windowMs;
    for (const [key, times] of this.hits) if ((times.at(-1) ?? 0) <= since) this.hits.delete(key);
    this.sweepAt = Math.max(SWEEP_ABOVE, 2 * this.hits.size);
  }
}

type Limiters = { env: Env; perPerson: SlidingWindow | null; perAddress: SlidingWindow | null };
let limiters: Limiters | undefined;

/** The limiters for the current environment (tests that change it get fresh, empty ones). */
function current(): Limiters {
  const env = getEnv();
  if (limiters?.env !== env) {
    limiters = {
      env,
      perPerson: env.RATE_LIMIT_WRITES ? new SlidingWindow(env.RATE_LIMIT_WRITES) : null,
      perAddress: env.RATE_LIMIT_WRITES_PER_ADDRESS ? new SlidingWindow(env.RATE_LIMIT_WRITES_PER_ADDRESS) : null,
    };
  }
  return limiters;
}

/** The client's network address, when the server put it in the request's scope. */
export function scopedClientAddress(): string | null {
  return requestScope.getStore()?.clientAddress ?? null;
}

/**
 * Counts one write by this person and from this address, or refuses it (nothing counted) with the
 * seconds to wait when either has used its limit.
 */
export function takeWrite(who: { userId: number | null; clientAddress: string | null }, now = Date.now()): { retryAfterSeconds: number } | null {
  const { perPerson, perAddress } = current();
  const personKey = who.userId === null ? null : `u${who.userId}`;
  const addressKey = who.clientAddress;
  const waits = [
    personKey && perPerson ? perPerson.wait(personKey, now) : null,
    addressKey && perAddress ? perAddress.wait(addressKey, now) : null,
  ].filter((w): w is number => w !== null);
  if (waits.length > 0) return { retryAfterSeconds: Math.max(...waits) };
  if (personKey && perPerson) perPerson.record(personKey, now);
  if (addressKey && perAddress) perAddress.record(addressKey, now);
  return null;
}

/** What a refused write says. */
export function tooManyWritesMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} seconde${retryAfterSeconds > 1 ? "s" : ""}` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Vous avez envoyé beaucoup de formulaires en peu de temps : patientez ${wait}, puis réessayez. Rien n'a été enregistré.`;
}
