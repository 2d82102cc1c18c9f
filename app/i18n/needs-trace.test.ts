/** A need's trace in the French table's words: the sentences a pôle reads on the need's page. */
import { describe, expect, it } from "vitest";
import { formatsFor } from "~/domain/format";
import { needTrace, type TracedProject } from "~/domain/unmet-need";
import { needs } from "./fr/needs";

const french = formatsFor("fr");

const project = (overrides: Partial<TracedProject> = {}): TracedProject => ({
  id: 1,
  title: "Recyclerie solidaire",
  status: "publie",
  drafted: false,
  mentorCount: 2,
  mentoredMinutes: 270,
  raisedCents: 1_250_000,
  needCents: 2_000_000,
  jobsExpected: 3,
  ...overrides,
});

describe("the trace of a need", () => {
  it("goes from the need to its answers, their mentors and money, and where things stand", () => {
    const steps = needTrace({ status: "repondu", statusNote: "Ouverte en mars.", supportCount: 14, projects: [project()], groups: [{ name: "Réemploi", href: "/poles/x/groupes/reemploi" }] }, needs.trace, french);
    expect(steps.map((s) => s.key)).toEqual(["besoin", "reponses", "appui", "issue"]);
    expect(steps[0]!.lines[0]).toBe("Signalé, soutenu par 14 personnes.");
    expect(steps[1]!.lines).toEqual(["Projet : Recyclerie solidaire", "Groupe de travail : Réemploi"]);
    expect(steps[2]!.lines[0]).toBe("2 accompagnements bénévoles, 4,5 h de rencontres notées.");
    expect(steps[2]!.lines[1]).toMatch(/^12\s500,00\s€ réunis/);
    expect(steps[3]!.lines).toContain("Ouverte en mars.");
    expect(steps[3]!.lines.at(-1)).toBe("Recyclerie solidaire : projet publié, ouvert aux bénévoles et aux épargnants, 3 emplois prévus.");
  });

  it("says plainly when nothing answers the need yet", () => {
    const steps = needTrace({ status: "ouvert", statusNote: "", supportCount: 1, projects: [], groups: [] }, needs.trace, french);
    expect(steps[0]!.lines[0]).toBe("Signalé, soutenu par 1 personne.");
    expect(steps[1]!.lines).toEqual(["Rien pour l'instant."]);
    expect(steps[2]!.lines).toEqual(["Rien tant qu'aucun projet n'y répond."]);
  });
});
