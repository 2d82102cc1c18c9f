import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { ClubRulesFields } from "~/components/club-rules-fields";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { SelectField, TextField } from "~/components/ui/field";
import { CLUB_STATUS_LABELS, MEMBER_STATUS_LABELS } from "~/domain/clubs/labels";
import { listActivityDomains } from "~/models/catalog.server";
import { closeAllDueVotes } from "~/models/club-vote.server";
import { createClub, listClubs } from "~/models/club.server";
import { findTerritoriesForCommune, listTerritoriesWithCounts } from "~/models/territory.server";
import { clubSchema } from "~/schemas/club";
import { hasRole } from "~/domain/permissions";
import { resolveClubScope } from "~/guards/club-form.server";
import { getDb } from "~/utils/db.server";
import { formatEuros, plural } from "~/domain/format";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Clubs d'épargnants CIGALES — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "clubs._index");
  const db = getDb();
  const canCreate = hasRole(auth, "epargnant");
  // Votes past their deadline close first: the list shows what each club committed.
  closeAllDueVotes(db, new Date());
  const territories = canCreate ? listTerritoriesWithCounts(db) : [];
  const home = auth ? findTerritoriesForCommune(db, auth.user.communeCode)[0] : undefined;
  return {
    signedIn: auth !== null,
    canCreate,
    clubs: listClubs(db, auth?.user.id ?? null),
    territories: territories.map((t) => ({ id: t.id, name: t.name, departments: t.departments })),
    domains: canCreate ? listActivityDomains(db) : [],
    defaultTerritoryId: home?.id ?? territories[0]?.id,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "clubs._index");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "clubs._index", formData);
  const submission = parseWithZod(formData, { schema: clubSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const db = getDb();
  const territory = listTerritoriesWithCounts(db).find((t) => t.id === v.territoryId);
  const { fieldErrors, scope } = resolveClubScope(db, territory, v);
  if (!territory) fieldErrors.territoryId = ["Pôle inconnu : choisissez-en un dans la liste."];
  if (Object.keys(fieldErrors).length > 0) return replyInvalid(submission, { fieldErrors });

  const club = createClub(
    db,
    auth.user.id,
    {
      territoryId: v.territoryId,
      name: v.name,
      description: v.description ?? "",
      decisionRule: v.decisionRule,
      qualifiedMajorityPct: v.qualifiedMajorityPct ?? 66,
      quorumPct: v.quorumPct,
      maxStakeBps: v.maxStakePct * 100,
      ticketMinCents: v.ticketMin,
      ticketMaxCents: v.ticketMax,
      startedOn: v.startedOn ?? null,
      ...scope,
    },
    new Date(),
  );
  return redirectWithFlash(`/clubs/${club.id}`, "Le club est créé, en constitution. Invitez des épargnants : il démarre avec 5 à 20 membres actifs.");
}

export default function Clubs() {
  const { signedIn, canCreate, clubs, territories, domains, defaultTerritoryId } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(clubSchema, {
    id: "nouveau-club",
    defaultValue: {
      territoryId: defaultTerritoryId ? String(defaultTerritoryId) : "",
      decisionRule: "majorite-simple",
      qualifiedMajorityPct: "66",
      quorumPct: "50",
      maxStakePct: "33",
      ticketMin: "500",
      ticketMax: "5000",
    },
  });
  const departments = territories.flatMap((t) => t.departments.map((d) => ({ ...d, pole: t.name })));

  return (
    <div className="container">
      <p className="eyebrow">Financer</p>
      <h1>Les clubs d'épargnants CIGALES</h1>
      <p>
        Un club réunit de 5 à 20 personnes qui épargnent chaque mois et investissent ensemble, pendant cinq ans
        (renouvelables une fois), dans des entreprises de leur territoire. Il reste minoritaire au capital.
      </p>
      <NoPaymentNotice />

      <h2>Les clubs</h2>
      <CardList
        items={clubs}
        empty="Aucun club pour l'instant : créez le premier !"
        link={(c) => ({ key: c.id, href: `/clubs/${c.id}`, title: c.name })}
      >
        {(c) => (
          <>
            <p>
                {CLUB_STATUS_LABELS[c.status]} · {c.territoryName}
              </p>
              <p>
                {plural(c.activeMembers, "membre actif", "membres actifs")} · {formatEuros(c.committedCents)} investis
              </p>
            {c.myStatus ? <p className="hint">Vous : {MEMBER_STATUS_LABELS[c.myStatus as keyof typeof MEMBER_STATUS_LABELS]}</p> : null}
          </>
        )}
      </CardList>

      <h2 id="creer-club">Créer un club</h2>
      {!signedIn ? (
        <p>
          <a href="/connexion?redirectTo=%2Fclubs">Connectez-vous</a> ou <a href="/inscription?role=epargnant">inscrivez-vous comme épargnant</a>{" "}
          pour créer un club ou en rejoindre un.
        </p>
      ) : !canCreate ? (
        <p>
          La création d'un club est réservée aux épargnants : ajoutez ce rôle dans <a href="/compte">votre compte</a>.
        </p>
      ) : (
        <ConformForm form={form} aria-labelledby="creer-club">
          <TextField meta={fields.name} label="Nom du club" hint="Par exemple « Cigale des Vals »." />
          <SelectField
            meta={fields.territoryId}
            label="Pôle du club"
            options={territories.map((t) => ({ value: String(t.id), label: t.name }))}
          />
          <ClubRulesFields fields={fields} departments={departments} domains={domains} />
          <TextField meta={fields.startedOn} label="Date de démarrage prévue (facultatif)" hint="Au format aaaa-mm-jj, par exemple 2026-09-01." />
          <SubmitButton>Créer le club</SubmitButton>
        </ConformForm>
      )}
    </div>
  );
}
