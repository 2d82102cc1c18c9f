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

export const meta: MetaFunction = () => [{ title: "Nouveau projet — Maillon" }];

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
  return redirectWithFlash(`/projets/${project.id}`, "Votre projet est enregistré comme brouillon. Ajoutez ses besoins, puis publiez-le.");
}

export default function NewProject() {
  const { domains, defaultCommune, defaultCommuneCode } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <p className="eyebrow">Créer</p>
      <h1>Décrire mon projet</h1>
      <p>
        Votre projet reste un brouillon, visible de vous et de l'équipe d'animation de votre pôle, jusqu'à ce que
        vous le publiiez. Vous ajouterez ensuite ses besoins : compétences, financement.
      </p>
      <ProjectForm
        id="projet"
        domains={domains}
        submitLabel="Enregistrer le brouillon"
        defaultValue={{ commune: defaultCommune, communeCode: defaultCommuneCode, legalForm: "a-definir", jobsExpected: 1 }}
      />
    </div>
  );
}
