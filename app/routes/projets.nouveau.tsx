import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProjectForm } from "~/components/project-form";
import { listActivityDomains } from "~/models/catalog.server";
import { communeLabel, getCommune } from "~/models/commune.server";
import { createProject } from "~/models/project.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { validateProjectForm } from "~/guards/project-form.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).projectEditing.create.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "projets.nouveau");
  const db = getDb();
  const commune = getCommune(db, auth.user.communeCode);
  return {
    domains: listActivityDomains(db),
    defaultCommune: commune ? communeLabel(commune) : "",
    defaultCommuneCode: commune?.code ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "projets.nouveau");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "projets.nouveau", formData);
  const db = getDb();
  const result = validateProjectForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const project = createProject(db, auth.user.id, result.input, new Date());
  return redirectWithFlash(`/projets/${project.id}`, requestText(request).t.projectEditing.create.saved);
}

export default function NewProject() {
  const { domains, defaultCommune, defaultCommuneCode } = useLoaderData<typeof loader>();
  const t = useT().projectEditing.create;
  return (
    <div className="container narrow">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ProjectForm
        id="projet"
        domains={domains}
        submitLabel={t.submit}
        defaultValue={{ commune: defaultCommune, communeCode: defaultCommuneCode, legalForm: "a-definir", jobsExpected: 1 }}
      />
    </div>
  );
}
