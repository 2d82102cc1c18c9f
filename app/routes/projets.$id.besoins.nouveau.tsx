import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SkillNeedForm } from "~/components/skill-need-form";
import { listSkills } from "~/models/catalog.server";
import { addSkillNeed } from "~/models/project.server";
import { getDb } from "~/utils/db.server";
import { loadEditableProject } from "~/utils/project-access.server";
import { parseId } from "~/utils/http.server";
import { validateSkillNeedForm } from "~/utils/project-form.server";

export const meta: MetaFunction = () => [{ title: "Ajouter un besoin — Maillon" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = loadEditableProject(request, parseId(params.id));
  return { project: { id: project.id, title: project.title }, skills: listSkills(getDb()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { project } = loadEditableProject(request, parseId(params.id));
  const db = getDb();
  const result = validateSkillNeedForm(db, await request.formData());
  if (!result.ok) return data(result.reply, { status: 400 });
  addSkillNeed(db, project.id, result.input, new Date());
  return redirect(`/projets/${project.id}?besoin=ajoute#besoins`);
}

export default function NewNeed() {
  const { project, skills } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← Retour au projet</a>
      </p>
      <h1>Ajouter un besoin de compétence</h1>
      <p>Pour « {project.title} ». Un besoin trouve un accompagnant ; ajoutez-en un par compétence.</p>
      <SkillNeedForm
        lastResult={lastResult}
        skills={skills}
        defaultValue={{ priority: "moyenne", hoursPerMonth: 4 }}
        submitLabel="Ajouter ce besoin"
      />
    </div>
  );
}
