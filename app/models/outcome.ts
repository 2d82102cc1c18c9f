/**
 * What a model function that can refuse returns: `{ ok: true, …result }`, or
 * why not — the HTTP status a route answers with, a French message for the
 * person, and the form field it belongs to when there is one.
 */
export type Failure = { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: string };
export type Outcome<T = object> = ({ ok: true } & T) | Failure;

export function fail(status: Failure["status"], message: string, field?: string): Failure {
  return field ? { ok: false, status, message, field } : { ok: false, status, message };
}
