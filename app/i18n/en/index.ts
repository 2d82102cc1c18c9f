/** The English table: the same namespaces and keys as the French one. */
import type { Messages } from "../messages";
import { account } from "./account";
import { admin } from "./admin";
import { agenda } from "./agenda";
import { animation } from "./animation";
import { auth } from "./auth";
import { bulletin } from "./bulletin";
import { clubs } from "./clubs";
import { common } from "./common";
import { errors } from "./errors";
import { funding } from "./funding";
import { home } from "./home";
import { impact } from "./impact";
import { layout } from "./layout";
import { mail } from "./mail";
import { legal } from "./legal";
import { mentoring } from "./mentoring";
import { needs } from "./needs";
import { openData } from "./open-data";
import { organisations } from "./organisations";
import { poles } from "./poles";
import { projectEditing } from "./project-editing";
import { projects } from "./projects";
import { resources } from "./resources";
import { space } from "./space";
import { vocabulary } from "./vocabulary";

export const en: Messages = {
  layout,
  errors,
  common,
  home,
  vocabulary,
  poles,
  projects,
  organisations,
  impact,
  auth,
  account,
  space,
  mentoring,
  needs,
  clubs,
  funding,
  projectEditing,
  animation,
  agenda,
  bulletin,
  resources,
  openData,
  legal,
  admin,
  mail,
};

export { sentences } from "./sentences";
