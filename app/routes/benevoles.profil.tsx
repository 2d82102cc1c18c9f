import { getCollectionProps, getSelectProps } from "@conform-to/react";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CommuneField } from "~/components/commune-field";
import { CheckboxField, FieldError, NumberField, optionsFrom, SelectField, TextAreaField } from "~/components/ui/field";
import { minutesToHoursLabel, SKILL_LEVEL_LABELS, VOLUNTEER_STATUS_LABELS } from "~/domain/mentorship";
import { existingActivityDomainIds, existingSkillIds, listActivityDomains, listSkills } from "~/models/catalog.server";
import { communeLabel, getCommune } from "~/models/commune.server";
import { getTrackRecord, getVolunteerProfile, saveVolunteerProfile } from "~/models/volunteer.server";
import { BIO_MAX, volunteerProfileSchema } from "~/schemas/volunteer";
import { getDb } from "~/utils/db.server";
import { formatInteger, plural } from "~/domain/format";
import { noticeNewSuggestions } from "~/models/suggestion-notices.server";
import { communeChoices, resolveTypedCommune } from "~/guards/project-form.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mon profil de bénévole — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "benevoles.profil");
  const db = getDb();
  const profile = getVolunteerProfile(db, auth.user.id);
  const commune = getCommune(db, profile?.communeCode ?? auth.user.communeCode);
  const skills = listSkills(db);
  const levels = new Map(profile?.skills.map((s) => [s.skillId, s.level]) ?? []);
  return {
    exists: !!profile,
    skills,
    domains: listActivityDomains(db),
    trackRecord: getTrackRecord(db, auth.user.id),
    defaults: {
      status: profile?.status ?? "",
      skills: skills.map((s) => ({ skillId: String(s.id), level: levels.get(s.id) ?? "" })),
      domainIds: profile?.domains.map((d) => String(d.id)) ?? [],
      commune: commune ? communeLabel(commune) : "",
      communeCode: commune?.code ?? "",
      radiusKm: String(profile?.radiusKm ?? 30),
      remoteOk: profile?.remoteOk ?? false,
      maxMentorships: String(profile?.maxMentorships ?? 2),
      hoursPerMonth: String(profile?.hoursPerMonth ?? 4),
      bio: profile?.bio ?? "",
      paused: profile?.paused ?? false,
    },
  };
}

const PROFILE_SAVED = {
  message: "Votre profil est enregistré.",
  link: { href: "/benevoles/projets", label: "Voir les projets pour moi" },
};

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "benevoles.profil");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "benevoles.profil", formData);
  const db = getDb();
  const submission = parseWithZod(formData, { schema: volunteerProfileSchema });
  const commune = resolveTypedCommune(db, formData);
  if (submission.status !== "success") {
    const communeError: Record<string, string[]> =
      commune && !commune.ok && !submission.error?.commune ? { commune: [commune.message] } : {};
    return replyInvalid(submission, { fieldErrors: communeError, choices: communeChoices(commune) });
  }
  const v = submission.value;
  const chosen = v.skills.flatMap((s) => (s.level ? [{ skillId: s.skillId, level: s.level }] : []));
  const domainIds = v.domainIds ?? [];
  const fieldErrors: Record<string, string[]> = {};
  const knownSkills = existingSkillIds(db, chosen.map((s) => s.skillId));
  if (chosen.some((s) => !knownSkills.has(s.skillId))) fieldErrors.skills = ["Compétence inconnue : choisissez dans la liste."];
  const knownDomains = existingActivityDomainIds(db, domainIds);
  if (domainIds.some((id) => !knownDomains.has(id))) fieldErrors.domainIds = ["Domaine d'activité inconnu : choisissez dans la liste."];
  if (commune && !commune.ok) fieldErrors.commune = [commune.message];
  if (!commune?.ok || Object.keys(fieldErrors).length > 0) {
    return replyInvalid(submission, { fieldErrors, choices: communeChoices(commune) });
  }
  saveVolunteerProfile(
    db,
    auth.user.id,
    {
      status: v.status,
      skills: chosen,
      domainIds,
      communeCode: commune.commune.code,
      radiusKm: v.radiusKm,
      remoteOk: v.remoteOk ?? false,
      maxMentorships: v.maxMentorships,
      hoursPerMonth: v.hoursPerMonth,
      bio: v.bio ?? "",
      paused: v.paused ?? false,
    },
    new Date(),
  );
  // The holders whose needs this profile now fits best hear of it (once per need and volunteer).
  noticeNewSuggestions(db, auth.user.id, new Date());
  return redirectWithFlash("/benevoles/profil", PROFILE_SAVED);
}

const LEVEL_OPTIONS = optionsFrom(SKILL_LEVEL_LABELS);

export default function VolunteerProfilePage() {
  const { exists, skills, domains, trackRecord, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(volunteerProfileSchema, { id: "profil-benevole", defaultValue: defaults });
  const skillRows = fields.skills.getFieldList();
  const skillName = (id: string | undefined) => skills.find((s) => String(s.id) === id)?.name ?? "Compétence";

  return (
    <div className="container narrow">
      <p className="eyebrow">Accompagner</p>
      <h1>Mon profil de bénévole</h1>

      <section aria-labelledby="bilan" className="card card--spaced">
        <h2 id="bilan">Mon bilan d'accompagnement</h2>
        <ul className="stats">
          <li>
            <strong data-testid="heures-accompagnees">{minutesToHoursLabel(trackRecord.minutesMentored)} h</strong>
            <span>d'accompagnement</span>
          </li>
          <li>
            <strong>{formatInteger(trackRecord.completed)}</strong>
            <span>{trackRecord.completed > 1 ? "accompagnements terminés" : "accompagnement terminé"}</span>
          </li>
          <li>
            <strong>{formatInteger(trackRecord.active)}</strong>
            <span>en cours</span>
          </li>
        </ul>
        {trackRecord.averageRating !== null ? (
          <p>
            Note moyenne donnée par les porteurs : {trackRecord.averageRating.toLocaleString("fr-FR")} / 5
            {trackRecord.stopped > 0 ? ` · ${plural(trackRecord.stopped, "accompagnement arrêté", "accompagnements arrêtés")}` : ""}
          </p>
        ) : null}
      </section>

      {!exists ? (
        <p>
          Dites ce que vous savez faire et combien de temps vous pouvez donner : Maillon vous proposera des projets
          qui vous correspondent, en expliquant pourquoi.
        </p>
      ) : null}

      <ConformForm form={form}>
        <SelectField
          meta={fields.status}
          label="Ma situation"
          options={optionsFrom(VOLUNTEER_STATUS_LABELS)}
          placeholder="Choisir"
        />

        <div className="field">
          <fieldset aria-describedby={fields.skills.errors ? fields.skills.errorId : "competences-hint"}>
            <legend>Mes compétences et mon niveau</legend>
            <p className="hint" id="competences-hint">
              Choisissez un niveau pour chaque compétence que vous proposez ; laissez « Non proposée » sinon.
            </p>
            <div className="skill-grid">
              {skillRows.map((row) => {
                const rowFields = row.getFieldset();
                const { key, ...selectProps } = getSelectProps(rowFields.level);
                return (
                  <div key={row.key} className="skill-grid__row">
                    <input type="hidden" name={rowFields.skillId.name} value={rowFields.skillId.initialValue ?? ""} />
                    <label htmlFor={rowFields.level.id}>{skillName(rowFields.skillId.initialValue)}</label>
                    <select key={key} {...selectProps}>
                      <option value="">Non proposée</option>
                      {LEVEL_OPTIONS.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <FieldError meta={fields.skills} />
        </div>

        <div className="field">
          <fieldset aria-describedby={fields.domainIds.errors ? fields.domainIds.errorId : undefined}>
            <legend>Les domaines d'activité que je connais (facultatif)</legend>
            <div className="checkbox-list checkbox-list--columns">
              {getCollectionProps(fields.domainIds, {
                type: "checkbox",
                options: domains.map((d) => String(d.id)),
              }).map(({ key, ...props }) => (
                <label key={key}>
                  <input {...props} />
                  <span>{domains.find((d) => String(d.id) === props.value)?.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <FieldError meta={fields.domainIds} />
        </div>

        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label="Ma commune" />
        <NumberField meta={fields.radiusKm} label="Distance que j'accepte de parcourir (km)" min={0} max={300} />
        <CheckboxField meta={fields.remoteOk} label="J'accepte d'accompagner à distance" />
        <NumberField
          meta={fields.maxMentorships}
          label="Nombre de projets que je peux suivre en même temps"
          hint="Maillon ne vous proposera pas plus de projets que cela. Au moins 1, sauf pendant une pause."
          min={0}
          max={20}
        />
        <NumberField
          meta={fields.hoursPerMonth}
          label="Heures que je peux donner par mois"
          hint="Au moins 1, sauf pendant une pause."
          min={0}
          max={200}
        />
        <TextAreaField
          meta={fields.bio}
          label="Ma présentation (facultative)"
          hint={`Votre parcours en quelques lignes (${BIO_MAX} caractères au plus).`}
        />
        <CheckboxField
          meta={fields.paused}
          label="Je fais une pause"
          hint="Pendant une pause, personne ne peut vous solliciter ; vos accompagnements en cours continuent."
        />
        <SubmitButton>Enregistrer mon profil</SubmitButton>
      </ConformForm>
    </div>
  );
}
