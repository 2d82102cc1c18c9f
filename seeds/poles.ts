/**
 * The other pôles of the directory: every PTCE the seed documents name (seeds 001, 002 and 003),
 * besides the two with members (seeds/territories.ts). Nobody of the demo lives in their perimeters,
 * which never overlap those two. Texts are paraphrased, never copied.
 *
 * Seats and perimeters: the commune the sources name (Revin, Saint-Dizier, Le Touquet, Poitiers…)
 * and the intercommunalités around it, checked against Etalab's epci.json. Where the sources name no
 * commune (CoHose, Valorizons), the pôle has no seat, hence no point on the map, and a perimeter note.
 * Where they name a region or a department rather than EPCIs, the perimeter is a note, so that
 * nobody's commune is claimed by two pôles (the regional music pôle would cover Vals de Saintonge).
 */
import type { TerritorySeed } from "./territories";

export const AUTONHOMMES = {
  slug: "autonhommes",
  name: "PTCE Auton'Hommes",
  area: "Hainaut-Cambrésis",
  description:
    "Porté par le collectif PHARE, qui rassemble des acteurs de l'ESS du Valenciennois et du Cambrésis, " +
    "le pôle mise sur les ressources humaines et matérielles du territoire et travaille avec les " +
    "habitants plutôt que pour eux : chacun doit pouvoir gagner en autonomie, se former et reprendre la " +
    "main sur son cadre de vie. Les membres, qui se considèrent comme coopérateurs, montent ensemble des " +
    "projets collectifs, pèsent davantage auprès des financeurs et s'allient aux entreprises classiques " +
    "pour répondre aux besoins restés sans réponse.",
  seatCommuneCode: "59606", // Valenciennes: PHARE is at its Maison des associations
  departmentCodes: ["59"],
  epciCodes: [
    "245901160", // CA Valenciennes Métropole
    "200042190", // CA de la Porte du Hainaut
    "200068500", // CA de Cambrai
    "200030633", // CA du Caudrésis et du Catésis
  ],
  axes: [
    {
      name: "Coopérer et accompagner les projets",
      theme: "creation-activites",
      description: "Donner un cadre aux coopérations entre membres et accompagner les projets qui en naissent.",
      groups: [
        {
          slug: "cadre-juridique",
          name: "Cadre juridique de la coopération",
          purpose: "Choisir les formes juridiques qui permettent aux membres de porter des activités en commun.",
        },
        {
          slug: "accompagnement-de-projet",
          name: "Accompagnement de projet",
          purpose: "Suivre les projets collectifs de l'idée au lancement, avec l'ingénierie du pôle.",
        },
      ],
    },
    {
      name: "Entreprises et compétences",
      theme: "services-entreprises",
      description: "Proposer aux entreprises du territoire des services partagés et anticiper leurs besoins en compétences.",
      groups: [
        {
          slug: "services-aux-entreprises",
          name: "Services aux entreprises",
          purpose: "Imaginer avec les entreprises des services mutualisés : conciergerie, garde d'enfants, entretien.",
        },
        {
          slug: "gpec",
          name: "GPEC territoriale",
          purpose: "Croiser les métiers qui recrutent et les parcours des personnes accompagnées par les membres.",
        },
      ],
    },
    {
      name: "Mobilité solidaire",
      theme: "mobilite",
      description: "Lever les freins à la mobilité des personnes accompagnées, avec des solutions sobres.",
      groups: [
        {
          slug: "ecomobilite-solidaire",
          name: "Écomobilité solidaire",
          purpose: "Mettre en commun véhicules, garage solidaire et conseils en mobilité des structures d'insertion.",
        },
      ],
    },
    {
      name: "Numérique responsable",
      theme: "numerique",
      description: "Rendre le numérique accessible à tous et plus sobre dans les structures membres.",
      groups: [
        {
          slug: "numerique-responsable",
          name: "Numérique responsable",
          purpose: "Accompagner les habitants éloignés du numérique et réemployer le matériel informatique.",
        },
      ],
    },
    {
      name: "Déchets et alimentation",
      theme: "dechets-reemploi",
      description: "Réduire et valoriser les déchets, et relier cette filière à une alimentation de qualité.",
      groups: [
        {
          slug: "dechets-alimentation",
          name: "Déchets et alimentation",
          purpose: "Relier collecte, compostage et réemploi aux jardins et épiceries solidaires des membres.",
        },
      ],
    },
    {
      name: "Mobilisation citoyenne",
      theme: "cooperation-ess",
      description: "Associer les habitants aux décisions et aux actions du pôle.",
      groups: [
        {
          slug: "mobilisation-citoyenne",
          name: "Mobilisation citoyenne",
          purpose: "Aller vers les habitants, recueillir leurs besoins et les faire participer aux projets.",
        },
      ],
    },
  ],
} as const satisfies TerritorySeed;

export const ANIMA_GRAND_CALAIS = {
  slug: "anima-grand-calais",
  name: "PTCE Anima Grand Calais",
  area: "Grand Calais",
  description:
    "À Calais, le pôle redonne vie au centre-ville : il fédère les commerçants autour d'une boutique en " +
    "ligne commune, rénove logements et espaces publics avec le bailleur social du secteur, et développe " +
    "une ferme urbaine et des circuits courts pour que chacun puisse se nourrir correctement.",
  seatCommuneCode: "62193", // Calais
  departmentCodes: ["62"],
  epciCodes: ["200090751"], // CA Grand Calais Terres et Mers
  axes: [
    {
      name: "Commerce de proximité",
      theme: "creation-activites",
      description: "Une place de marché en ligne qui réunit une centaine de commerces du centre-ville.",
    },
    {
      name: "Logement et aménagement",
      theme: "habitat-energie",
      description: "Produire et réhabiliter des logements, aménager des espaces publics et des locaux commerciaux.",
    },
    {
      name: "Circuits courts et alimentation durable",
      theme: "alimentation",
      description: "Une ferme urbaine en centre-ville et des actions contre la précarité alimentaire.",
    },
  ],
} as const satisfies TerritorySeed;

export const COHOSE = {
  slug: "cohose",
  name: "PTCE CoHose",
  area: "Pas-de-Calais",
  description:
    "Le pôle veut qu'une alimentation saine, produite près de chez soi, soit à la portée de tous. Il " +
    "soutient pour cela les acteurs économiques locaux et protège la biodiversité, afin que le territoire " +
    "résiste mieux aux crises.",
  seatCommuneCode: null,
  perimeterNote: "Pas-de-Calais (communes à préciser par le pôle)",
  departmentCodes: ["62"],
  epciCodes: [],
  axes: [
    {
      name: "Alimentation saine et locale pour tous",
      theme: "alimentation",
      description: "Rendre une alimentation de proximité accessible à chaque habitant.",
    },
    {
      name: "Soutien aux acteurs économiques",
      theme: "services-entreprises",
      description: "Appuyer les producteurs et entreprises qui font vivre le système alimentaire local.",
    },
    {
      name: "Biodiversité et résilience",
      theme: "autre",
      description: "Préserver la biodiversité pour un territoire plus résilient.",
    },
  ],
} as const satisfies TerritorySeed;

export const ECO_POLE_AUDRUICQ = {
  slug: "eco-pole-alimentaire-audruicq",
  name: "Eco-Pôle Alimentaire d'Audruicq",
  area: "Région d'Audruicq",
  description:
    "Né d'un jardin de cocagne qui comptait quelques dizaines d'abonnés, l'Eco-Pôle alimentaire de la " +
    "région d'Audruicq a été l'un des tout premiers PTCE labellisés, en 2015. Pas à pas, l'équipe a " +
    "répondu aux difficultés sociales et environnementales qu'elle rencontrait, jusqu'à bâtir un " +
    "véritable système alimentaire local aux enjeux multiples.",
  seatCommuneCode: "62852", // Vieille-Église, where the community of communes bought the farm
  departmentCodes: ["62"],
  epciCodes: ["246200844"], // CC de la Région d'Audruicq
  axes: [
    {
      name: "Système alimentaire local",
      theme: "alimentation",
      description: "Du maraîchage biologique aux paniers, une chaîne alimentaire de proximité.",
    },
    {
      name: "Insertion par l'activité",
      theme: "emploi-insertion",
      description: "Des emplois accompagnés au jardin et autour de la production.",
    },
  ],
} as const satisfies TerritorySeed;

export const EMERGENCE_HENIN_CARVIN = {
  slug: "emergence-henin-carvin",
  name: "PTCE Emergence Hénin-Carvin",
  area: "Hénin-Carvin",
  description:
    "Le pôle fait connaître l'ESS du territoire, ses actrices, ses acteurs et leurs partenaires, et rend " +
    "compte du chemin parcouru. Pôle à plusieurs activités, il mène des actions concrètes et des services " +
    "utiles qui créent des emplois sur place, avec un plan pluriannuel, des objectifs et des indicateurs, " +
    "en prenant part au projet de territoire écologique de l'agglomération.",
  seatCommuneCode: "62427", // Hénin-Beaumont
  departmentCodes: ["62"],
  epciCodes: ["246200299"], // CA d'Hénin-Carvin
  axes: [
    {
      name: "Promotion de l'ESS",
      theme: "cooperation-ess",
      description: "Rendre visibles les structures de l'ESS du territoire et leur travail.",
    },
    {
      name: "Services utiles et emplois locaux",
      theme: "emploi-insertion",
      description: "Des services socialement utiles qui créent des emplois sur le territoire.",
    },
    {
      name: "Projet de territoire écologique",
      theme: "autre",
      description: "Contribuer au plan de développement durable de l'agglomération.",
    },
  ],
} as const satisfies TerritorySeed;

export const NOEUX_ENVIRONNEMENT = {
  slug: "noeux-environnement",
  name: "PTCE Noeux Environnement",
  area: "Nœux-les-Mines",
  description:
    "L'association Noeux Environnement transforme une ancienne friche commerciale de Nœux-les-Mines en " +
    "vitrine de la transition écologique et solidaire. Le site accueillera ses activités d'éducation à " +
    "l'environnement et d'insertion, mais aussi un incubateur, un centre de formation et une exploitation " +
    "d'agriculture urbaine, autour de l'alimentation de proximité.",
  seatCommuneCode: "62617", // Nœux-les-Mines
  departmentCodes: ["62"],
  epciCodes: ["200072460"], // CA de Béthune-Bruay, Artois-Lys Romane
  axes: [
    {
      name: "Agriculture urbaine et alimentation durable",
      theme: "alimentation",
      description: "Produire en ville et rapprocher l'alimentation des habitants.",
    },
    {
      name: "Incubation et formation",
      theme: "creation-activites",
      description: "Accueillir et accompagner des projets, former sur le site.",
    },
    {
      name: "Éducation à l'environnement et insertion",
      theme: "emploi-insertion",
      description: "Sensibiliser à l'environnement et accompagner vers l'emploi.",
    },
  ],
} as const satisfies TerritorySeed;

export const POLE_RESSOURCES = {
  slug: "pole-ressources",
  name: "PTCE Pôle Ressources",
  area: "Le Touquet-Paris-Plage",
  description:
    "Depuis Le Touquet-Paris-Plage, le pôle anime un réseau local qui fait naître, essaimer et grandir " +
    "des services et des activités utiles, solidaires et durables, pour les associations, les " +
    "entreprises, les collectivités et les habitants.",
  seatCommuneCode: "62826", // Le Touquet-Paris-Plage
  departmentCodes: ["62"],
  epciCodes: ["200069029"], // CA des Deux Baies en Montreuillois
  axes: [
    {
      name: "Filière textile locale",
      theme: "creation-activites",
      description: "Relancer une production textile sur le territoire.",
    },
    {
      name: "Accès à l'alimentation",
      theme: "alimentation",
      description: "Permettre aux personnes fragilisées de bien se nourrir.",
    },
    {
      name: "Réduction des déchets",
      theme: "dechets-reemploi",
      description: "Recycler et réparer plutôt que jeter.",
    },
  ],
} as const satisfies TerritorySeed;

export const QUAI_DES_INITIATIVES = {
  slug: "quai-des-initiatives-solidaires",
  name: "Quai des Initiatives Solidaires",
  area: "Pays de Saint-Omer",
  description:
    "Fruit d'une démarche collective engagée en 2014 par les acteurs de l'ESS du Pays de Saint-Omer, le " +
    "pôle ouvre un lieu partagé où ces structures hébergent des activités, réduisent leurs coûts et " +
    "travaillent avec l'artisanat, le commerce et l'industrie du coin. C'est aussi un lieu de proximité " +
    "pour les habitants du quartier et du pays, qui viennent y découvrir les services de l'ESS, échanger " +
    "et lancer des projets.",
  seatCommuneCode: "62765", // Saint-Omer
  departmentCodes: ["62"],
  epciCodes: ["200069037"], // CA du Pays de Saint-Omer
  axes: [
    {
      name: "Lieu de travail partagé",
      theme: "cooperation-ess",
      description: "Héberger des activités, mutualiser et créer des synergies entre structures.",
    },
    {
      name: "Accueil des habitants",
      theme: "services-personne",
      description: "Un lieu de proximité pour découvrir l'ESS et participer à des projets.",
    },
  ],
} as const satisfies TerritorySeed;

export const TRANSITION_PLURIELLE = {
  slug: "transition-plurielle",
  name: "Transition Plurielle Montreuillois Ternois 7 Vallées",
  area: "Montreuillois, Ternois et 7 Vallées",
  description:
    "Le pôle fait croître les activités à forte valeur sociale et écologique en accompagnant aussi les " +
    "personnes dans leur propre transition. Il raconte ce qui marche déjà, fait monter chacun en " +
    "compétence en agissant ensemble, construit des offres mutualisées entre territoires et expérimente, " +
    "avec une coopérative d'activités et d'emploi, un revenu de transition écologique.",
  seatCommuneCode: "62447", // Hesdin-la-Forêt, between the three territories
  departmentCodes: ["62"],
  epciCodes: [
    "200044030", // CC des 7 Vallées
    "200069672", // CC du Ternois
    "200069235", // CC du Haut Pays du Montreuillois
  ],
  axes: [
    {
      name: "Mise en récits",
      theme: "cooperation-ess",
      description: "Valoriser l'existant et comprendre ce qui fait réussir ou freine les projets.",
    },
    {
      name: "Monter en compétence ensemble",
      theme: "emploi-insertion",
      description: "Une culture commune qui renforce la confiance et la coopération.",
    },
    {
      name: "Offres territoriales mutualisées",
      theme: "services-entreprises",
      description: "Des offres thématiques qui relient les compétences et les réseaux.",
    },
    {
      name: "Revenu de transition écologique",
      theme: "creation-activites",
      description: "Un parcours d'accompagnement expérimenté avec une coopérative d'activités et d'emploi.",
    },
  ],
} as const satisfies TerritorySeed;

export const EMERGENCE_SUD_OISE = {
  slug: "emergence-sud-oise",
  name: "PTCE Emergence Sud Oise",
  area: "Sud de l'Oise",
  description:
    "Des acteurs locaux rodés à la coopération l'ont ouverte aux entreprises, aux collectivités, aux " +
    "structures solidaires et aux centres de recherche et de formation pour développer l'emploi dans le " +
    "sud de l'Oise. Leur économie de proximité capte des ressources pour les faire circuler sur place et " +
    "répondre aux besoins des habitants, dans un écosystème solidaire et écologique.",
  seatCommuneCode: "60175", // Creil
  departmentCodes: ["60"],
  epciCodes: ["200068047"], // CA Creil Sud Oise
  axes: [
    {
      name: "Économie de proximité",
      theme: "creation-activites",
      description: "Des activités locales qui répondent aux besoins des habitants.",
    },
    {
      name: "Coopération entre acteurs",
      theme: "cooperation-ess",
      description: "Ouvrir la coopération à de nouveaux partenaires du territoire.",
    },
  ],
} as const satisfies TerritorySeed;

export const PARTAGE_TRAVAIL = {
  slug: "partage-travail",
  name: "PTCE Partage Travail",
  area: "Compiégnois",
  description:
    "Le pôle prend part à des politiques publiques nationales et locales : lutte contre l'habitat indigne " +
    "et les passoires thermiques, plan pauvreté, transition écologique, formation et emploi des personnes " +
    "qui en sont le plus éloignées. Il se soucie aussi du maintien à domicile des aînés, dont le logement " +
    "doit s'adapter et que des services à domicile aident à bien vivre et à garder des liens.",
  seatCommuneCode: "60159", // Compiègne, where the association Partage Travail has its agency
  departmentCodes: ["60"],
  epciCodes: ["200067965"], // CA de la Région de Compiègne et de la Basse Automne
  axes: [
    {
      name: "Habitat digne et rénovation thermique",
      theme: "habitat-energie",
      description: "Résorber l'habitat indigne et les passoires thermiques.",
    },
    {
      name: "Emploi des plus éloignés",
      theme: "emploi-insertion",
      description: "Former et accompagner vers l'emploi.",
    },
    {
      name: "Maintien à domicile",
      theme: "services-personne",
      description: "Adapter les logements des aînés et coordonner les services à domicile.",
    },
  ],
} as const satisfies TerritorySeed;

export const OISE_OUEST = {
  slug: "pole-cooperation-oise-ouest",
  name: "Pôle de Coopération Oise Ouest",
  area: "Beauvaisis",
  description:
    "Le pôle cherche dans le Beauvaisis des occasions de créer des activités et des emplois : circuits " +
    "courts alimentaires, mobilité, nouveaux services aux habitants et aux entreprises, gestion des " +
    "déchets, et accompagnement des jeunes qui veulent entreprendre.",
  seatCommuneCode: "60057", // Beauvais
  departmentCodes: ["60"],
  epciCodes: ["200067999"], // CA du Beauvaisis
  axes: [
    { name: "Circuits courts alimentaires", theme: "alimentation", description: "" },
    { name: "Mobilité", theme: "mobilite", description: "" },
    { name: "Services aux habitants et aux entreprises", theme: "services-entreprises", description: "" },
    { name: "Gestion des déchets", theme: "dechets-reemploi", description: "" },
    { name: "Jeunes entrepreneurs", theme: "creation-activites", description: "Accompagner les jeunes dans l'entrepreneuriat." },
  ],
} as const satisfies TerritorySeed;

export const AMIENS_VILLE_IDEALE = {
  slug: "amiens-une-ville-ideale",
  name: "Amiens Métropole « Une Ville Idéale »",
  area: "Amiens Métropole",
  description:
    "Le pôle repère les acteurs qui tiennent à leur territoire au-delà de leur propre activité — " +
    "entreprises de l'ESS ou classiques, pouvoirs publics, recherche, formation, citoyens — et cherche " +
    "avec eux les sujets à porter collectivement et ce que chacun peut y apporter. Il retient les projets " +
    "qui ont du sens pour le territoire et créent de l'activité, puis les soutient et les incube jusqu'à " +
    "leur réalisation.",
  seatCommuneCode: "80021", // Amiens
  departmentCodes: ["80"],
  epciCodes: ["248000531"], // CA Amiens Métropole
  axes: [
    {
      name: "Repérer et réunir les acteurs",
      theme: "cooperation-ess",
      description: "Identifier qui veut s'engager pour le territoire et avec quels moyens.",
    },
    {
      name: "Incuber les projets collectifs",
      theme: "creation-activites",
      description: "Choisir les projets qui répondent à des besoins non couverts et les mener à terme.",
    },
  ],
} as const satisfies TerritorySeed;

export const VALORIZONS = {
  slug: "valorizons",
  name: "PTCE Valorizons",
  area: "Somme",
  description:
    "Le pôle veut rassembler tous ceux qui font l'ESS au quotidien, les entreprises classiques, " +
    "l'université, la recherche, les organismes de formation et les collectivités. Il fait de la " +
    "coopération un moteur d'activités et d'emplois nouveaux, en lien avec la politique de développement " +
    "durable et d'inclusion du département, et mutualise durablement des moyens au service de projets " +
    "d'économie circulaire.",
  seatCommuneCode: null,
  perimeterNote: "Département de la Somme",
  departmentCodes: ["80"],
  epciCodes: [],
  axes: [
    {
      name: "Mobiliser les acteurs",
      theme: "cooperation-ess",
      description: "Associer ESS, entreprises, recherche, formation et collectivités.",
    },
    {
      name: "Économie circulaire et mutualisation",
      theme: "dechets-reemploi",
      description: "Une stratégie commune de mutualisation au service de projets circulaires.",
    },
    {
      name: "Emploi et inclusion",
      theme: "emploi-insertion",
      description: "Créer de l'activité et des emplois nouveaux pour tous.",
    },
  ],
} as const satisfies TerritorySeed;

export const ARDAINES = {
  slug: "ardaines",
  name: "PTCE Ardaines",
  area: "Vallée de la Meuse",
  description:
    "À Revin, dans les Ardennes, l'association Ardaines réunit les initiatives d'économie solidaire du " +
    "secteur. Son pôle, primé en 2014, organise quatre filières au service des habitants : valoriser les " +
    "déchets, travailler le bois et l'écoconstruction, cultiver des légumes biologiques et rendre des " +
    "services à la personne.",
  seatCommuneCode: "08363", // Revin
  departmentCodes: ["08"],
  epciCodes: ["240800821"], // CC Ardenne, Rives de Meuse
  axes: [
    { name: "Valorisation des déchets", theme: "dechets-reemploi", description: "" },
    { name: "Bois et écoconstruction", theme: "habitat-energie", description: "" },
    { name: "Maraîchage biologique", theme: "alimentation", description: "" },
    { name: "Services à la personne", theme: "services-personne", description: "" },
  ],
} as const satisfies TerritorySeed;

export const CIS_DT_52 = {
  slug: "cis-dt-52",
  name: "CIS DT 52",
  area: "Bassin de Saint-Dizier",
  description:
    "La Coopération industrielle et sociale pour le développement territorial de la Haute-Marne, primée " +
    "en 2014, cherche à réindustrialiser le bassin d'emploi de Saint-Dizier, main dans la main avec une " +
    "entreprise d'insertion.",
  seatCommuneCode: "52448", // Saint-Dizier
  departmentCodes: ["52"],
  epciCodes: ["200068666"], // CA du Grand Saint-Dizier, Der et Vallées
  axes: [
    {
      name: "Réindustrialisation du bassin",
      theme: "creation-activites",
      description: "Faire revenir des activités industrielles dans le bassin d'emploi.",
    },
    {
      name: "Insertion par l'activité économique",
      theme: "emploi-insertion",
      description: "Des parcours d'emploi avec une entreprise d'insertion.",
    },
  ],
} as const satisfies TerritorySeed;

export const SUD_AQUITAINE = {
  slug: "pole-sud-aquitaine",
  name: "Pôle Sud Aquitaine",
  area: "Sud des Landes et Pays basque",
  description:
    "Coordonné par le comité de bassin d'emploi du Seignanx, ce pôle de coopération économique, sociale " +
    "et environnementale s'appuie sur une dizaine de partenaires, coopératives et groupements " +
    "d'employeurs, entre le sud des Landes et les Pyrénées-Atlantiques. Il travaille les ressources " +
    "humaines et la formation, et la création d'activités, notamment dans les quartiers prioritaires, " +
    "avec le projet d'une coopérative d'activités et d'emploi dans le bâtiment et l'écoconstruction.",
  seatCommuneCode: "40312", // Tarnos, seat of the CBE du Seignanx
  departmentCodes: ["40", "64"],
  epciCodes: [
    "244000659", // CC du Seignanx
    "200067106", // CA du Pays Basque
  ],
  axes: [
    {
      name: "Ressources humaines et formation",
      theme: "emploi-insertion",
      description: "Groupements d'employeurs et parcours de formation partagés.",
    },
    {
      name: "Création d'activités et accompagnement",
      theme: "creation-activites",
      description: "Accompagner les projets, dans les quartiers prioritaires et dans l'écoconstruction.",
    },
  ],
} as const satisfies TerritorySeed;

export const PRMA = {
  slug: "pole-regional-musiques-actuelles",
  name: "Pôle régional des musiques actuelles",
  area: "Poitou-Charentes",
  description:
    "Association installée à Poitiers, le pôle rassemble plus de trente acteurs de la filière musicale, " +
    "les réseaux culturels et ceux de l'ESS de la région, ainsi que des collectivités. Il fait connaître " +
    "la scène locale par des projets menés ensemble et explore de nouveaux modèles économiques et de " +
    "nouvelles façons de s'organiser.",
  seatCommuneCode: "86194", // Poitiers
  perimeterNote: "Ancienne région Poitou-Charentes : Charente, Charente-Maritime, Deux-Sèvres et Vienne",
  departmentCodes: ["16", "17", "79", "86"],
  epciCodes: [],
  axes: [
    {
      name: "Promotion de la scène locale",
      theme: "culture",
      description: "Des projets collaboratifs qui font connaître les artistes de la région.",
    },
    {
      name: "Nouveaux modèles économiques",
      theme: "culture",
      description: "Chercher et expérimenter d'autres façons de financer la filière.",
    },
    {
      name: "Nouveaux modes d'organisation",
      theme: "cooperation-ess",
      description: "Expérimenter la coopération entre structures de la filière.",
    },
  ],
} as const satisfies TerritorySeed;

/** The directory's pôles without members, in the order they are created (after the two of the demo). */
export const DIRECTORY_POLES: readonly TerritorySeed[] = [
  AUTONHOMMES,
  ANIMA_GRAND_CALAIS,
  COHOSE,
  ECO_POLE_AUDRUICQ,
  EMERGENCE_HENIN_CARVIN,
  NOEUX_ENVIRONNEMENT,
  POLE_RESSOURCES,
  QUAI_DES_INITIATIVES,
  TRANSITION_PLURIELLE,
  EMERGENCE_SUD_OISE,
  PARTAGE_TRAVAIL,
  OISE_OUEST,
  AMIENS_VILLE_IDEALE,
  VALORIZONS,
  ARDAINES,
  CIS_DT_52,
  SUD_AQUITAINE,
  PRMA,
];
