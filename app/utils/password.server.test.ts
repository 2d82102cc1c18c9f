import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword } from "./password.server";

describe("password hashing", () => {
  it("uses argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane)", async () => {
    const hash = await hashPassword("une phrase de passe solide");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and refuses a wrong one or a garbage hash", async () => {
    const hash = await hashPassword("une phrase de passe solide");
    expect(await verifyPassword(hash, "une phrase de passe solide")).toBe(true);
    expect(await verifyPassword(hash, "une phrase de passe solidE")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});

describe("common passwords", () => {
  it.each(["azertyuiop", "motdepasse", "123456789012", "AZERTYUIOP", "azertyuiop123", "soleil2024!!", "!!password2026"])(
    "refuses %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["cigale-maraichage-2026", "le maroilles de l'avesnois", "Tonnay-Boutonne 17380"])("accepts %s", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
