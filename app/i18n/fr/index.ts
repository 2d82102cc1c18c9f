/** The French table, the reference: one namespace per part of the interface. */
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

export const fr = {
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
