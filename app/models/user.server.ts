import type { Actor } from "~/domain/permissions";
import { and, eq, inArray } from "drizzle-orm";
import { communes, territoryStaff, userRoles, users } from "#db/schema";
import type { FormatLanguage } from "~/domain/format";
import type { Role } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader, type Writer } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";

export type User = typeof users.$inferSelect;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Db, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, normalizeEmail(email))).get();
}

export function getUserById(db: Reader, id: number): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function getUserRoles(db: Reader, userId: number): Role[] {
  return db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((r) => r.role);
}

/** Territories whose animation team the user belongs to. */
export function getStaffTerritoryIds(db: Reader, userId: number): number[] {
  return db
    .select({ id: territoryStaff.territoryId })
    .from(territoryStaff)
    .where(eq(territoryStaff.userId, userId))
    .all()
    .map((r) => r.id);
}

export type NewUser = {
  email: string;
  displayName: string;
  passwordHash: string;
  communeCode: string;
  roles: readonly Role[];
  /** The language of the page the person signed up on; French when not said. */
  locale?: FormatLanguage;
};


/** Creates the account and its roles at once; the e-mail check and insert share one IMMEDIATE transaction. */
export function createUser(db: Db, input: NewUser, now: Date): Outcome<{ user: User }> {
  return writeTransaction(db, (tx) => insertUser(tx, input, now));
}

/** The account and its roles, in the caller's transaction (a confirmed sign-up); refuses an address taken. */
export function insertUser(tx: Writer, input: NewUser, now: Date): Outcome<{ user: User }> {
  const email = normalizeEmail(input.email);
  if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    return fail(409, "Un compte existe déjà avec cette adresse. Connectez-vous, ou choisissez une autre adresse.", "email");
  }
  const commune = tx
    .select({ code: communes.code })
    .from(communes)
    .where(eq(communes.code, input.communeCode))
    .get();
  if (!commune) return fail(400, "Commune inconnue.", "commune");
  const user = tx
    .insert(users)
    .values({
      email,
      displayName: input.displayName.trim(),
      passwordHash: input.passwordHash,
      communeCode: input.communeCode,
      locale: input.locale ?? "fr",
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  const roles = [...new Set(input.roles)];
  if (roles.length > 0) {
    tx.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role }))).run();
  }
  return { ok: true, user } as const;
}

/** The language the person reads Maillon in, which their mail is written in. */
export function getUserLocale(q: Reader, userId: number): FormatLanguage {
  return q.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale ?? "fr";
}

/** Keeps the language the person chose with the footer's switch, for the mail they will receive. */
export function setUserLocale(db: Db, userId: number, locale: FormatLanguage): void {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** The person as permissions see them (app/domain/permissions.ts), for model functions that check again. */
export function getActor(q: Reader, userId: number): Actor {
  return { userId, roles: getUserRoles(q, userId), staffTerritoryIds: getStaffTerritoryIds(q, userId) };
}

/** Whether the person holds at least one of `roles`. */
export function hasAnyRole(q: Reader, userId: number, roles: readonly Role[]): boolean {
  return !!q
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, roles)))
    .get();
}

export function updatePasswordHash(db: Db, userId: number, passwordHash: string, now: Date): void {
  db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId)).run();
}

export function grantRoles(db: Db, userId: number, roles: readonly Role[]): void {
  if (roles.length === 0) return;
  db.insert(userRoles)
    .values(roles.map((role) => ({ userId, role })))
    .onConflictDoNothing()
    .run();
}

export function revokeRoles(db: Db, userId: number, roles: readonly Role[]): void {
  if (roles.length === 0) return;
  db.delete(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, [...roles])))
    .run();
}
