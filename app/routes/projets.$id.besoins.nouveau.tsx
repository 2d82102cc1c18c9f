import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SkillNeedForm } from "~/components/skill-need-form";
import { listSkills } from "~/models/catalog.server";
import { addSkillNeed } from "~/models/project.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { loadEditableProject } from "~/guards/project.server";
import { validateSkillNeedForm } from "~/guards/project-form.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).projectEditing.newNeed.metaTitle }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = loadEditableProject(authorize(request, "projets.$id.besoins.nouveau"), params.id);
  return { project: { id: project.id, title: project.title }, skills: listSkills(getDb()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.besoins.nouveau");
  const formData = await readFormData(request);
  const { project } = loadEditableProject(authorize(request, "projets.$id.besoins.nouveau", formData), params.id);
  const db = getDb();
  const result = validateSkillNeedForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply);
  addSkillNeed(db, project.id, result.input, new Date());
  return redirectWithFlash(`/projets/${project.id}#besoins`, requestText(request).t.projectEditing.newNeed.added);
}

export default function NewNeed() {
  const { project, skills } = useLoaderData<typeof loader>();
  const t = useT().projectEditing.newNeed;
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro(project.title)}</p>
      <SkillNeedForm
        skills={skills}
        defaultValue={{ priority: "moyenne", hoursPerMonth: 4 }}
        submitLabel={t.submit}
      />
    </div>
  );
}
