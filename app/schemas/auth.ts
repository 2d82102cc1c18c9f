import { z } from "zod";
import { SELF_SERVICE_ROLES } from "~/domain/catalog";
import { requiredText, text } from "./text";

/** Kept in step with MIN_PASSWORD_LENGTH in password.server.ts (the server adds the common-password check). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const email = text("line", "Indiquez votre adresse e-mail.")
  .max(254, { error: "L'adresse e-mail est trop longue (254 caractères au plus)." })
  .pipe(z.email({ error: "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." }));

const newPassword = z
  .string({ error: "Choisissez un mot de passe." })
  .min(PASSWORD_MIN, { error: `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.` })
  .max(PASSWORD_MAX, { error: `Le mot de passe doit compter au plus ${PASSWORD_MAX} caractères.` });

export const communeCodeSchema = text()
  .regex(/^(\d{5}|2[AB]\d{3})$/, { error: "Code de commune inconnu." });

export const signUpSchema = z.object({
  email,
  displayName: requiredText("Indiquez le nom affiché sur Maillon.", 2, 80, "Le nom", "name"),
  password: newPassword,
  commune: text("line", "Indiquez votre commune.")
    .max(120, { error: "Le nom de commune est trop long." }),
  communeCode: communeCodeSchema.optional(),
  roles: z
    .array(z.enum(SELF_SERVICE_ROLES, { error: "Rôle inconnu." }), { error: "Choisissez au moins un rôle." })
    .min(1, { error: "Choisissez au moins un rôle." }),
});

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Indiquez votre mot de passe." }).max(PASSWORD_MAX, {
    error: "Mot de passe trop long.",
  }),
  redirectTo: text().max(2000).optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Indiquez votre mot de passe actuel." })
      .max(PASSWORD_MAX, { error: "Mot de passe trop long." }),
    newPassword,
    confirmPassword: z.string({ error: "Confirmez le nouveau mot de passe." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "Les deux mots de passe ne sont pas identiques.",
  });

/** /mot-de-passe-oublie: the address a reset link goes to (when it has an account). */
export const forgotPasswordSchema = z.object({ email });

/** The page a reset link opens: the new password, under the sign-up rules. */
export const resetPasswordSchema = z.object({ password: newPassword });

/** /compte: move the account to a new address, confirmed by a link sent there. */
export const changeEmailSchema = z.object({
  newEmail: email,
  currentPassword: z
    .string({ error: "Indiquez votre mot de passe actuel." })
    .max(PASSWORD_MAX, { error: "Mot de passe trop long." }),
});

/** /compte/donnees: deleting the account, confirmed by the password and a ticked box. */
export const deleteAccountSchema = z.object({
  currentPassword: z
    .string({ error: "Indiquez votre mot de passe pour confirmer." })
    .max(PASSWORD_MAX, { error: "Mot de passe trop long." }),
  understood: z.literal(true, { error: "Cochez la case pour confirmer que la suppression est définitive." }),
});

/** The roles kept on /compte: at least one of those a person may take on their own. */
export const rolesSchema = z.object({
  roles: z
    .array(z.enum(SELF_SERVICE_ROLES, { error: "Rôle inconnu." }), { error: "Gardez au moins un rôle." })
    .min(1, { error: "Gardez au moins un rôle." }),
});
