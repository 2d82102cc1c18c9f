import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#seeds/demo";
import { TEST_PASSWORD } from "#seeds/factories";
import { hashPassword, isCommonPassword, newPasswordProblem, STRENGTH_INPUT_MAX, verifyPassword } from "./password.server";

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

describe("the strength of a new password", () => {
  it.each([
    ["sixteen spaces", " ".repeat(16), "il répète le même caractère"],
    ["a row of the keyboard", "azertyuiopqsdf", "il suit une rangée de touches du clavier"],
    ["a repeated pattern", "abcabcabcabc", "il répète une même suite de caractères"],
    ["a common password with a year", "motdepasse2024", null],
    ["l33t on a common one", "p@ssw0rd2024!", null],
  ])("refuses %s, saying why in French", (_, password, why) => {
    const message = newPasswordProblem(password);
    expect(message).toMatch(/^Ce mot de passe (serait trop facile à deviner : |figure parmi les plus courants)/);
    if (why) expect(message).toContain(why);
  });

  it("refuses the person's own name or address as a password", () => {
    const person = { email: "zelie.ouvrard@exemple.fr", displayName: "Zélie Ouvrard" };
    for (const password of ["ZelieOuvrard2026", "zelie.ouvrard17", "zelieouvrard!!"]) {
      expect(newPasswordProblem(password)).toBeNull();
      expect(newPasswordProblem(password, person)).toBe(
        "Ce mot de passe serait trop facile à deviner : il reprend votre nom ou votre adresse e-mail. Ajoutez un ou deux mots inattendus, ou choisissez une phrase de plusieurs mots que vous seul connaissez.",
      );
    }
  });

  it.each([TEST_PASSWORD, DEMO_PASSWORD, "cigale-marais-brouette-2026", "une phrase assez longue pour être sûre", "le maroilles de l'avesnois", "👩🏽‍🚀 décolle vers Tonnay-Boutonne"])(
    "accepts %s",
    (password) => {
      expect(newPasswordProblem(password)).toBeNull();
    },
  );

  it(`reads only the first ${STRENGTH_INPUT_MAX} characters, so the worst input stays fast`, () => {
    // What keeps zxcvbn's cost bounded is that it never sees past the first characters: the verdict on
    // a hostile 256-character input is the verdict on its first 64 followed by anything else. (How fast
    // that is belongs to the benchmarks, not to a timed test.)
    const hostile = ["p@$$w0rd".repeat(32), "4@13!|0$5+".repeat(25), "1234567890".repeat(25), "x".repeat(256)];
    for (const password of hostile) {
      const otherTail = `${Array.from(password).slice(0, STRENGTH_INPUT_MAX).join("")}${"Zq9#une-autre-fin".repeat(12)}`;
      expect(newPasswordProblem(otherTail), password.slice(0, 12)).toEqual(newPasswordProblem(password));
    }
  });
});
