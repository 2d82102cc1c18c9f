/**
 * Demo of « M'associer avec d'autres »: what each kind of demo project brings and seeks when it
 * looks for partners (written so that complementary projects of a pôle find each other), and one
 * proposal waiting for the fixed demo holder (porteur@exemple.fr). Runs inside seedDemo's
 * transaction, after the journeys; deterministic, through the app's models.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import { projects, territoryCommunes, users } from "#db/schema";
import { DAY_MS } from "~/domain/paris-time";
import { getProjectOffer, proposeToOffer, saveProjectOffer } from "~/models/partnership.server";
import type { Db } from "~/utils/db.server";

/** By the demo idea's title (seeds/demo-journeys.ts): what such a project brings and seeks. */
// prettier-ignore
export const DEMO_OFFER_TEXTS: Readonly<Record<string, { brings: string; seeks: string }>> = {
  "Épicerie vrac et produits locaux": { brings: "Un local commercial en centre-bourg, une clientèle fidèle et une vitrine pour les produits des fermes voisines.", seeks: "Des producteurs locaux de légumes, fromages et farines, et un atelier de transformation pour les conserves." },
  "Aide à domicile pour personnes âgées": { brings: "Un réseau de familles et d'aidants, et un agrément de services à la personne en cours.", seeks: "Une structure de garde d'enfants et un transport solidaire pour les personnes âgées." },
  "Dépannage informatique de proximité": { brings: "La réparation d'ordinateurs et de téléphones, et des formations au numérique pour les habitants.", seeks: "Un local partagé et des structures qui accueillent des ateliers numériques." },
  "Menuiserie en bois local": { brings: "Un atelier équipé de machines à bois, partageable à la demi-journée, et du bois des forêts de la région.", seeks: "Un associé commercial et des chantiers de rénovation ou d'agencement de magasins." },
  "Café associatif et tiers-lieu": { brings: "Une salle de 80 places, une cuisine équipée et un agenda de concerts et d'ateliers.", seeks: "Des producteurs locaux pour la petite restauration, des associations pour animer les ateliers, des artistes à exposer." },
  "Compost collectif pour les restaurants": { brings: "Un vélo-cargo, une tournée de collecte des biodéchets et du compost mûr pour les maraîchers.", seeks: "Des restaurants et des cantines partenaires, et un terrain pour la plateforme de compostage." },
  "Atelier de céramique": { brings: "Un four à céramique et un atelier à partager, et des cours pour les habitants.", seeks: "Un lieu de vente, un café ou une librairie pour exposer les pièces." },
  "Secrétariat partagé pour artisans": { brings: "Un secrétariat mutualisé : devis, factures, relances et prise de rendez-vous.", seeks: "Des artisans du bâtiment et des menuisiers à qui proposer le service." },
  "Boulangerie au levain": { brings: "Un four à bois et du pain au levain pour les épiceries, les cafés et les cantines.", seeks: "Des farines paysannes, des maraîchers et un local de transformation partagé." },
  "Recyclerie solidaire": { brings: "Un entrepôt de 400 m², un atelier de réparation de meubles et des emplois d'insertion.", seeks: "Des menuisiers et des artisans pour réparer, un local de vente en centre-bourg, des associations partenaires." },
  "Formation aux métiers du numérique": { brings: "Des formateurs et une salle équipée d'ordinateurs.", seeks: "Des structures de l'emploi et des associations qui orientent les demandeurs d'emploi." },
  "Rénovation énergétique des maisons": { brings: "Des chantiers de rénovation et des matériaux biosourcés.", seeks: "Des menuisiers et des artisans du bâtiment, et un secrétariat pour les devis." },
  "Food-truck de cuisine du marché": { brings: "Un camion-cuisine et des emplacements sur les marchés du canton.", seeks: "Des producteurs locaux, des légumes de saison et une cuisine de transformation." },
  "Application de covoiturage rural": { brings: "Une application de covoiturage et un réseau de mairies partenaires.", seeks: "Des associations de transport solidaire et des services d'aide à domicile." },
  "Garde d'enfants aux horaires décalés": { brings: "Un accueil des enfants tôt le matin et le soir, avec une équipe d'auxiliaires de puériculture.", seeks: "Un local adapté et des entreprises dont les salariés travaillent en horaires décalés." },
  "Conseil en communication pour associations": { brings: "De la communication, du graphisme et l'animation de réseaux pour les associations.", seeks: "Des associations et des projets qui veulent se faire connaître." },
  "Librairie-café": { brings: "Un fonds de livres, un coin café et des rencontres d'auteurs.", seeks: "Des artistes et des artisans à exposer, un café associatif partenaire, du pain et des produits locaux." },
  "Maraîchage bio en coopérative": { brings: "Des légumes bio de saison, des paniers hebdomadaires et un atelier de transformation des surplus.", seeks: "Une associée maraîchère, des épiceries, des cantines et des restaurants pour nos légumes." },
};

/** The idea's title without the suffix of a second project (« … (extension) »). */
function baseTitle(title: string): string {
  return title.replace(/ \((2e projet|nouvelle étape|extension)\)$/, "");
}

/** The demo project's offer, saved by its holder (before it is published, so it counts as a need). */
export function seedDemoOffer(db: Db, ownerId: number, projectId: number, title: string, now: Date): void {
  const texts = DEMO_OFFER_TEXTS[baseTitle(title)] ?? {
    brings: "Une activité qui démarre sur le territoire et l'envie d'entreprendre à plusieurs.",
    seeks: "Une ou deux personnes prêtes à s'engager au capital et au travail.",
  };
  const saved = saveProjectOffer(db, ownerId, projectId, { ...texts, open: true }, now);
  if (!saved.ok) throw new Error(`Demo offer not saved: ${saved.message}`);
}

/**
 * The fixed holder's published project seeks partners; a holder of the same pôle whose project
 * brings what it seeks (vegetables, a transformation workshop) proposes to join.
 */
export function seedDemoPartnerships(db: Db, now: Date): { proposals: number } {
  const holder = db.select({ id: users.id }).from(users).where(eq(users.email, "porteur@exemple.fr")).get();
  if (!holder) return { proposals: 0 };
  const target = db
    .select({ id: projects.id, communeCode: projects.communeCode })
    .from(projects)
    .where(and(eq(projects.ownerId, holder.id), eq(projects.status, "publie")))
    .orderBy(asc(projects.id))
    .get();
  const offer = target && getProjectOffer(db, target.id);
  if (!target || !offer) return { proposals: 0 };
  // A published project of another holder of the same pôle that brings vegetables or a workshop.
  const samePole = db
    .select({ id: projects.id, ownerId: projects.ownerId, title: projects.title })
    .from(projects)
    .innerJoin(territoryCommunes, eq(territoryCommunes.communeCode, projects.communeCode))
    .where(
      and(
        eq(projects.status, "publie"),
        ne(projects.ownerId, holder.id),
        eq(
          territoryCommunes.territoryId,
          db
            .select({ id: territoryCommunes.territoryId })
            .from(territoryCommunes)
            .where(eq(territoryCommunes.communeCode, target.communeCode))
            .get()?.id ?? -1,
        ),
      ),
    )
    .orderBy(asc(projects.id))
    .all();
  const wanted = ["Maraîchage bio en coopérative", "Boulangerie au levain", "Food-truck de cuisine du marché", "Café associatif et tiers-lieu"];
  const from = wanted.map((t) => samePole.find((p) => baseTitle(p.title) === t)).find((p) => p !== undefined) ?? samePole[0];
  if (!from) return { proposals: 0 };
  const sent = proposeToOffer(
    db,
    from.ownerId,
    offer.id,
    {
      message:
        "Bonjour, nous cultivons et transformons des légumes à quelques kilomètres de votre épicerie. Nous cherchons un lieu de vente en centre-bourg et pourrions vous livrer chaque semaine : seriez-vous d'accord pour en parler ?",
      fromProjectId: from.id,
      fromOrganisationId: null,
    },
    new Date(now.getTime() - 2 * DAY_MS),
  );
  if (!sent.ok) throw new Error(`Demo proposal not sent: ${sent.message}`);
  return { proposals: 1 };
}
