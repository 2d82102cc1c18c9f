import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { ClubRulesFields, departmentChoices } from "~/components/club-rules-fields";
import { listActivityDomains } from "~/models/catalog.server";
import { getClubScope, updateClubSettings, type ClubRow } from "~/models/club.server";
import { communeLabel, getCommune } from "~/models/commune.server";
import { listTerritoriesWithCounts } from "~/models/territory.server";
import { clubSettingsSchema, type ClubSettings } from "~/schemas/club";
import { centsToInput } from "~/schemas/money";
import { loadClubAsMember } from "~/guards/club.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { resolveClubScope } from "~/guards/club-form.server";
import { getDb, type Db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).clubs.settings.metaTitle }];

function poleOf(db: Db, club: ClubRow) {
  return listTerritoriesWithCounts(db).find((t) => t.id === club.territoryId);
}

/** The form filled with what is stored. */
function storedValues(db: Db, club: ClubRow) {
  const scope = getClubScope(db, club.id);
  return {
    description: club.description,
    departmentCodes: scope.departmentCodes,
    communes: scope.communeCodes
      .map((code) => getCommune(db, code))
      .flatMap((c) => (c ? [communeLabel(c)] : []))
      .join(" ; "),
    activityDomainIds: scope.activityDomainIds.map(String),
    ticketMin: centsToInput(club.ticketMinCents),
    ticketMax: centsToInput(club.ticketMaxCents),
    decisionRule: club.decisionRule,
    qualifiedMajorityPct: String(club.qualifiedMajorityPct),
    quorumPct: String(club.quorumPct),
    maxStakePct: String(Math.round(club.maxStakeBps / 100)),
  };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { club } = loadClubAsMember(authorize(request, "clubs.$id.parametres"), params.id);
  const db = getDb();
  const pole = poleOf(db, club);
  return {
    club: { id: club.id, name: club.name },
    values: storedValues(db, club),
    departments: departmentChoices(pole ? [pole] : []),
    domains: listActivityDomains(db),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "clubs.$id.parametres");
  const formData = await readFormData(request);
  const { club, auth } = loadClubAsMember(authorize(request, "clubs.$id.parametres", formData), params.id);
  const submission = parseWithZod(formData, { schema: clubSettingsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const db = getDb();
  const { fieldErrors, scope } = resolveClubScope(db, poleOf(db, club), v);
  if (Object.keys(fieldErrors).length > 0) return replyInvalid(submission, { fieldErrors });
  const outcome = updateClubSettings(
    db,
    club.id,
    auth.user.id,
    {
      description: v.description ?? "",
      decisionRule: v.decisionRule,
      qualifiedMajorityPct: v.qualifiedMajorityPct ?? club.qualifiedMajorityPct,
      quorumPct: v.quorumPct,
      maxStakeBps: v.maxStakePct * 100,
      ticketMinCents: v.ticketMin,
      ticketMaxCents: v.ticketMax,
      ...scope,
    },
    new Date(),
  );
  if (!outcome.ok) return replyRefused(outcome, { submission });
  return redirectWithFlash(`/clubs/${club.id}`, requestText(request).t.clubs.settings.saved);
}

export default function ClubSettings() {
  const { club, values, departments, domains } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(clubSettingsSchema, { id: "parametres", defaultValue: values });
  const t = useT().clubs.settings;
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1 id="parametres-titre">{t.title(club.name)}</h1>
      <ClubNav clubId={club.id} isMember />
      <p>{t.intro}</p>
      <ConformForm form={form} aria-labelledby="parametres-titre">
        <ClubRulesFields fields={fields} departments={departments} domains={domains} />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
