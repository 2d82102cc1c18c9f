import { z } from "zod";

/**
 * A form field holding the id of a row (a project, a pôle, a need…): a
 * positive whole number; anything else (text, 0, -1, 1.5) gets `message` at
 * the field. The one id rule of every schema.
 */
export const id = (message: string) => z.number({ error: message }).int({ error: message }).positive({ error: message });
