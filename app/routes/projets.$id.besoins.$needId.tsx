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

export const meta: MetaFunction = () => [{ title: "Modifier un besoin — Maillon" }];

/** The need, only through a project this person may edit, and only if it belongs to it. */
function loadNeed(permit: Permit<Auth>, params: LoaderFunctionArgs["params"]) {
  const { project } = loadEditableProject(permit, params.id);
  const need = getSkillNeed(getDb(), parseId(params.needId));
  if (!need || need.projectId !== project.id) throw notFound("Besoin introuvable");
  return { project, need };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const { project, need } = loadNeed(authorize(request, "projets.$id.besoins.$needId"), params);
  return { project: { id: project.id, title: project.title }, need, skills: listSkills(getDb()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "projets.$id.besoins.$needId");
  const formData = await readFormData(request);
  const { project, need } = loadNeed(authorize(request, "projets.$id.besoins.$needId", formData), params);
  const db = getDb();
  if (formData.get("intent") === "remove") {
    const removal = removeSkillNeed(db, need.id, new Date());
    return redirectWithFlash(
      `/projets/${project.id}#besoins`,
      removal === "close" ? "Le besoin a été clos ; son historique est conservé." : "Le besoin a été retiré.",
    );
  }
  const result = validateSkillNeedForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply);
  updateSkillNeed(db, need.id, result.input, new Date());
  return redirectWithFlash(`/projets/${project.id}#besoins`, "Le besoin a été modifié.");
}

export default function EditNeed() {
  const { project, need, skills } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <p>
        <a href={`/projets/${project.id}`}>← Retour au projet</a>
      </p>
      <h1>Modifier un besoin</h1>
      <p>Pour « {project.title} ».</p>
      <SkillNeedForm
        skills={skills}
        defaultValue={{
          skillId: need.skillId,
          priority: need.priority,
          expectation: need.expectation,
          hoursPerMonth: need.hoursPerMonth,
        }}
        submitLabel="Enregistrer ce besoin"
      />
      <h2>Retirer ce besoin</h2>
      <p>
        Les demandes en attente sur ce besoin seront annulées. Un besoin déjà accompagné est clos plutôt que supprimé,
        pour garder l'historique des rencontres.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="remove" />
        <button type="submit" className="button button--danger">
          Retirer ce besoin
        </button>
      </Form>
    </div>
  );
}
