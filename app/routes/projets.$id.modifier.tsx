import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProjectForm } from "~/components/project-form";
import { listActivityDomains } from "~/models/catalog.server";
import { updateProject } from "~/models/project.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { loadEditableProject } from "~/guards/project.server";
import { validateProjectForm } from "~/guards/project-form.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Modifier « ${data.project.title} » — Maillon` : "Modifier un projet — Maillon" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = loadEditableProject(authorize(request, "projets.$id.modifier"), params.id);
  return {
    domains: listActivityDomains(getDb()),
    project: {
      id: project.id,
      title: project.title,
      pitch: project.pitch,
      description: project.description,
      kind: project.kind,
      stage: project.stage,
      legalForm: project.legalForm,
      activityDomainId: project.activityDomainId,
      commune: `${project.communeName} (${project.communePostalCode})`,
      communeCode: project.communeCode,
      remoteOk: project.remoteOk,
      jobsExpected: project.jobsExpected,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.modifier");
  const formData = await readFormData(request);
  const { project } = loadEditableProject(authorize(request, "projets.$id.modifier", formData), params.id);
  const db = getDb();
  const result = validateProjectForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  updateProject(db, project.id, result.input, new Date());
  return redirectWithFlash(`/projets/${project.id}`, "Le projet a été modifié.");
}

export default function EditProject() {
  const { domains, project } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← Retour au projet</a>
      </p>
      <h1>Modifier le projet</h1>
      <ProjectForm
        id="projet"
        domains={domains}
        submitLabel="Enregistrer les modifications"
        defaultValue={project}
      />
    </div>
  );
}
