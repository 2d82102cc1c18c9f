import { getCollectionProps, getSelectProps } from "@conform-to/react";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CommuneField } from "~/components/commune-field";
import { CheckboxField, FieldError, NumberField, optionsFrom, SelectField, TextAreaField } from "~/components/ui/field";
import { existingActivityDomainIds, existingSkillIds, listActivityDomains, listSkills } from "~/models/catalog.server";
import { communeLabel, getCommune } from "~/models/commune.server";
import { getTrackRecord, getVolunteerProfile, saveVolunteerProfile } from "~/models/volunteer.server";
import { BIO_MAX, volunteerProfileSchema } from "~/schemas/volunteer";
import { getDb } from "~/utils/db.server";
import { noticeNewSuggestions } from "~/models/suggestion-notices.server";
import { communeChoices, resolveTypedCommune } from "~/guards/project-form.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).mentoring.profile.metaTitle }];

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

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "benevoles.profil");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "benevoles.profil", formData);
  const db = getDb();
  const t = requestText(request).t.mentoring.profile;
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
  if (chosen.some((s) => !knownSkills.has(s.skillId))) fieldErrors.skills = [t.unknownSkill];
  const knownDomains = existingActivityDomainIds(db, domainIds);
  if (domainIds.some((id) => !knownDomains.has(id))) fieldErrors.domainIds = [t.unknownDomain];
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
  return redirectWithFlash("/benevoles/profil", { message: t.saved, link: { href: "/benevoles/projets", label: t.savedLink } });
}

export default function VolunteerProfilePage() {
  const { exists, skills, domains, trackRecord, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(volunteerProfileSchema, { id: "profil-benevole", defaultValue: defaults });
  const skillRows = fields.skills.getFieldList();
  const { mentoring, vocabulary } = useT();
  const t = mentoring.profile;
  const format = useFormat();
  const skillName = (id: string | undefined) => skills.find((s) => String(s.id) === id)?.name ?? t.skillFallback;

  return (
    <div className="container narrow">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>

      <section aria-labelledby="bilan" className="card card--spaced">
        <h2 id="bilan">{t.trackRecord}</h2>
        <ul className="stats">
          <li>
            <strong data-testid="heures-accompagnees">{t.hours(format.oneDecimal(trackRecord.minutesMentored / 60))}</strong>
            <span>{t.ofMentoring}</span>
          </li>
          <li>
            <strong>{format.integer(trackRecord.completed)}</strong>
            <span>{t.completed(trackRecord.completed)}</span>
          </li>
          <li>
            <strong>{format.integer(trackRecord.active)}</strong>
            <span>{t.active}</span>
          </li>
        </ul>
        {trackRecord.averageRating !== null ? (
          <p>
            {t.averageRating(trackRecord.averageRating.toLocaleString(format.intlTag))}
            {trackRecord.stopped > 0 ? t.stopped(trackRecord.stopped, format.integer(trackRecord.stopped)) : ""}
          </p>
        ) : null}
      </section>

      {!exists ? (
        <p>{t.intro}</p>
      ) : null}

      <ConformForm form={form}>
        <SelectField
          meta={fields.status}
          label={t.status}
          options={optionsFrom(vocabulary.volunteerStatus)}
          placeholder={t.choose}
        />

        <div className="field">
          <fieldset aria-describedby={fields.skills.errors ? fields.skills.errorId : "competences-hint"}>
            <legend>{t.skills}</legend>
            <p className="hint" id="competences-hint">
              {t.skillsHint}
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
                      <option value="">{t.notOffered}</option>
                      {optionsFrom(vocabulary.skillLevel).map((o) => (
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
            <legend>{t.domains}</legend>
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

        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} label={t.commune} />
        <NumberField meta={fields.radiusKm} label={t.radius} min={0} max={300} />
        <CheckboxField meta={fields.remoteOk} label={t.remote} />
        <NumberField
          meta={fields.maxMentorships}
          label={t.maxMentorships}
          hint={t.maxMentorshipsHint}
          min={0}
          max={20}
        />
        <NumberField
          meta={fields.hoursPerMonth}
          label={t.hoursPerMonth}
          hint={t.hoursPerMonthHint}
          min={0}
          max={200}
        />
        <TextAreaField
          meta={fields.bio}
          label={t.bio}
          hint={t.bioHint(BIO_MAX)}
        />
        <CheckboxField
          meta={fields.paused}
          label={t.paused}
          hint={t.pausedHint}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
