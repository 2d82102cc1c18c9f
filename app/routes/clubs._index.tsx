import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { ClubRulesFields, departmentChoices } from "~/components/club-rules-fields";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { SelectField, TextField } from "~/components/ui/field";
import { listActivityDomains } from "~/models/catalog.server";
import { closeAllDueVotes } from "~/models/club-vote.server";
import { createClub, listClubs } from "~/models/club.server";
import { findTerritoriesForCommune, listTerritoriesWithCounts } from "~/models/territory.server";
import { clubSchema } from "~/schemas/club";
import { hasRole } from "~/domain/permissions";
import { resolveClubScope } from "~/guards/club-form.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { SignInLink } from "~/components/sign-in-link";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).clubs.list.metaTitle }];

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
  const t = requestText(request).t.clubs;
  const territory = listTerritoriesWithCounts(db).find((t) => t.id === v.territoryId);
  const { fieldErrors, scope } = resolveClubScope(db, territory, v);
  if (!territory) fieldErrors.territoryId = [t.list.unknownPole];
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
  return redirectWithFlash(`/clubs/${club.id}`, t.created);
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
  const { clubs: tc, vocabulary } = useT();
  const t = tc.list;
  const format = useFormat();
  const departments = departmentChoices(territories);

  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <NoPaymentNotice />

      <h2>{t.clubs}</h2>
      <CardList
        items={clubs}
        empty={t.empty}
        link={(c) => ({ key: c.id, href: `/clubs/${c.id}`, title: c.name })}
      >
        {(c) => (
          <>
            <p>
                {vocabulary.clubStatus[c.status]} · {c.territoryName}
              </p>
              <p>
                {tc.activeMembers(c.activeMembers, format.integer(c.activeMembers))} · {t.invested(format.euros(c.committedCents))}
              </p>
            {c.myStatus ? <p className="hint">{t.you(vocabulary.memberStatus[c.myStatus as keyof typeof vocabulary.memberStatus])}</p> : null}
          </>
        )}
      </CardList>

      <h2 id="creer-club">{t.create}</h2>
      {!signedIn ? (
        <p>
          <SignInLink to="/clubs">{t.signInLink}</SignInLink>
          {t.or}
          <a href="/inscription?role=epargnant">{t.signUpLink}</a> {t.signInAfter}
        </p>
      ) : !canCreate ? (
        <p>
          {t.saversOnlyBefore} <a href="/compte">{t.saversOnlyLink}</a>
          {t.saversOnlyAfter}
        </p>
      ) : (
        <ConformForm form={form} aria-labelledby="creer-club">
          <TextField meta={fields.name} label={t.name} hint={t.nameHint} />
          <SelectField
            meta={fields.territoryId}
            label={t.pole}
            options={territories.map((t) => ({ value: String(t.id), label: t.name }))}
          />
          <ClubRulesFields fields={fields} departments={departments} domains={domains} />
          <TextField meta={fields.startedOn} label={t.startedOn} hint={t.startedOnHint} />
          <SubmitButton>{t.submit}</SubmitButton>
        </ConformForm>
      )}
    </div>
  );
}
