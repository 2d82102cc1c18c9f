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
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaText(matches).projectEditing.edit;
  return [{ title: data ? t.metaTitle(data.project.title) : t.metaTitleUnknown }];
};

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
  return redirectWithFlash(`/projets/${project.id}`, requestText(request).t.projectEditing.edit.saved);
}

export default function EditProject() {
  const { domains, project } = useLoaderData<typeof loader>();
  const t = useT().projectEditing.edit;
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <ProjectForm
        id="projet"
        domains={domains}
        submitLabel={t.submit}
        defaultValue={project}
      />
    </div>
  );
}
