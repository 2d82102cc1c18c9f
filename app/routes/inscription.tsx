import { getCollectionProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { CommuneField } from "~/components/commune-field";
import { FieldError, TextField } from "~/components/ui/field";
import { ROLE_LABELS, SELF_SERVICE_ROLES, type SelfServiceRole } from "~/domain/catalog";
import { resolveCommune } from "~/models/commune-resolution.server";
import { communeChoices } from "~/guards/project-form.server";
import { createUser, findUserByEmail } from "~/models/user.server";
import { signUpSchema } from "~/schemas/auth";
import { startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { hashPassword, isCommonPassword } from "~/utils/password.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { ConformForm, useSchemaForm } from "~/components/ui/form";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Maillon" }];

const ROLE_HINTS: Record<SelfServiceRole, string> = {
  porteur: "Je veux créer ou développer une activité et trouver de l'aide.",
  benevole: "Je partage mes compétences et j'accompagne des créateurs.",
  epargnant: "J'investis mon épargne dans des projets de mon territoire.",
};

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "inscription");
  const role = new URL(request.url).searchParams.get("role");
  const preselected = SELF_SERVICE_ROLES.find((r) => r === role);
  return { preselected: preselected ? [preselected] : [] };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "inscription");
  const formData = await request.formData();
  authorize(request, "inscription", formData);
  const submission = parseWithZod(formData, { schema: signUpSchema });
  if (submission.status !== "success") {
    return replyInvalid(submission, { hideFields: ["password"] });
  }
  const input = submission.value;
  const db = getDb();
  const fieldErrors: Record<string, string[]> = {};

  if (isCommonPassword(input.password)) {
    fieldErrors.password = [
      "Ce mot de passe figure parmi les plus courants : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
    ];
  }
  const commune = resolveCommune(db, input.commune, input.communeCode);
  if (!commune.ok) fieldErrors.commune = [commune.message];
  if (findUserByEmail(db, input.email)) {
    fieldErrors.email = ["Un compte existe déjà avec cette adresse. Connectez-vous, ou choisissez une autre adresse."];
  }
  if (Object.keys(fieldErrors).length > 0 || !commune.ok) {
    return replyInvalid(submission, { fieldErrors, hideFields: ["password"], choices: communeChoices(commune) });
  }

  const passwordHash = await hashPassword(input.password);
  const result = createUser(
    db,
    {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      communeCode: commune.commune.code,
      roles: input.roles,
    },
    new Date(),
  );
  if (!result.ok) {
    // Another sign-up with the same e-mail won the race between our check and the insert.
    return replyInvalid(submission, {
      fieldErrors: { email: ["Un compte existe déjà avec cette adresse. Connectez-vous, ou choisissez une autre adresse."] },
      hideFields: ["password"],
    });
  }
  return redirectWithFlash("/espace", "Bienvenue sur Maillon ! Votre compte est créé.", {
    headers: { "Set-Cookie": startSession(result.user.id, new Date(), request.headers.get("User-Agent")) },
  });
}

export default function SignUp() {
  const { preselected } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(signUpSchema, { id: "inscription", defaultValue: { roles: preselected } });

  return (
    <div className="container narrow">
      <h1>Créer un compte</h1>
      <p>
        Rejoignez le réseau de votre pôle : porteurs de projets, bénévoles et épargnants y coopèrent. Vous
        avez déjà un compte ? <a href="/connexion">Connectez-vous</a>.
      </p>
      <ConformForm form={form}>
        <TextField meta={fields.email} label="Adresse e-mail" type="email" autoComplete="email" />
        <TextField
          meta={fields.displayName}
          label="Nom affiché"
          hint="Votre prénom et votre nom, tels que les autres membres les verront."
          autoComplete="name"
        />
        <TextField
          meta={fields.password}
          label="Mot de passe"
          type="password"
          autoComplete="new-password"
          hint="Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."
        />
        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} />
        <div className="field">
          <fieldset aria-describedby={fields.roles.errors ? fields.roles.errorId : undefined}>
            <legend>Je rejoins Maillon comme…</legend>
            <div className="checkbox-list">
              {getCollectionProps(fields.roles, { type: "checkbox", options: [...SELF_SERVICE_ROLES] }).map(
                ({ key, ...props }) => {
                  const role = props.value as SelfServiceRole;
                  return (
                    <label key={key}>
                      <input {...props} />
                      <span>
                        <strong>{ROLE_LABELS[role]}</strong> — {ROLE_HINTS[role]}
                      </span>
                    </label>
                  );
                },
              )}
            </div>
            <p className="hint">Vous pourrez en changer plus tard dans votre compte.</p>
          </fieldset>
          <FieldError meta={fields.roles} />
        </div>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Créer mon compte
          </button>
        </div>
      </ConformForm>
    </div>
  );
}
