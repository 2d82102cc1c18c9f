import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SkillNeedForm } from "~/components/skill-need-form";
import { listSkills } from "~/models/catalog.server";
import { getSkillNeed, removeSkillNeed, updateSkillNeed } from "~/models/project.server";
import { getDb } from "~/utils/db.server";
import { loadEditableProject } from "~/guards/project.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { validateSkillNeedForm } from "~/guards/project-form.server";
import { authorize, type Permit, signInFirst } from "~/guards/authorize.server";
import type { Auth } from "~/utils/auth.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).projectEditing.editNeed.metaTitle }];

/** The need, only through a project this person may edit, and only if it belongs to it. */
function loadNeed(request: Request, permit: Permit<Auth>, params: LoaderFunctionArgs["params"]) {
  const { project } = loadEditableProject(permit, params.id);
  const need = getSkillNeed(getDb(), parseId(params.needId));
  if (!need || need.projectId !== project.id) throw notFound(requestText(request).t.projectEditing.editNeed.notFound);
  return { project, need };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project, need } = loadNeed(request, authorize(request, "projets.$id.besoins.$needId"), params);
  return { project: { id: project.id, title: project.title }, need, skills: listSkills(getDb()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.besoins.$needId");
  const formData = await readFormData(request);
  const { project, need } = loadNeed(request, authorize(request, "projets.$id.besoins.$needId", formData), params);
  const db = getDb();
  const t = requestText(request).t.projectEditing.editNeed;
  if (formData.get("intent") === "remove") {
    const removal = removeSkillNeed(db, need.id, new Date());
    return redirectWithFlash(
      `/projets/${project.id}#besoins`,
      removal === "close" ? t.closed : t.removed,
    );
  }
  const result = validateSkillNeedForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply);
  updateSkillNeed(db, need.id, result.input, new Date());
  return redirectWithFlash(`/projets/${project.id}#besoins`, t.saved);
}

export default function EditNeed() {
  const { project, need, skills } = useLoaderData<typeof loader>();
  const t = useT().projectEditing.editNeed;
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro(project.title)}</p>
      <SkillNeedForm
        skills={skills}
        defaultValue={{
          skillId: need.skillId,
          priority: need.priority,
          expectation: need.expectation,
          hoursPerMonth: need.hoursPerMonth,
        }}
        submitLabel={t.submit}
      />
      <h2>{t.removeTitle}</h2>
      <p>{t.removeIntro}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="remove" />
        <button type="submit" className="button button--danger">
          {t.remove}
        </button>
      </Form>
    </div>
  );
}
