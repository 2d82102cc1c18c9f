import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize } from "~/guards/authorize.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Déclaration d'accessibilité — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "accessibilite");
  const env = getEnv();
  return { publisher: env.LEGAL_PUBLISHER, contact: env.LEGAL_CONTACT };
}

export default function Accessibility() {
  const { publisher, contact } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>Déclaration d'accessibilité</h1>
      <p>
        {publisher} s'engage à rendre ce site accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février
        2005. Cette déclaration s'applique au site Maillon de cette installation.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le site est <strong>non conforme</strong> au référentiel général d'amélioration de l'accessibilité (RGAA) version 4.1 :
        aucun audit complet des 106 critères n'a encore été réalisé, et le RGAA demande de déclarer « non conforme » tant
        qu'il ne l'a pas été.
      </p>
      <h2>Résultats des tests</h2>
      <p>
        À chaque modification du site, une exploration automatique ouvre, dans un vrai navigateur, chaque page que l'on
        atteint depuis les menus et les liens, pour six profils (visiteur, porteur de projet, bénévole, épargnant, équipe
        d'animation, administration), sur un écran d'ordinateur et sur un téléphone, et la soumet au moteur axe-core
        (règles WCAG 2.1 niveaux A et AA). Résultat mesuré : <strong>0 anomalie</strong> sur l'ensemble des pages explorées.
        Les formulaires principaux sont aussi vérifiés sans JavaScript, au clavier et à la largeur d'un téléphone.
      </p>
      <p>
        Un outil automatique ne détecte qu'une partie des défauts possibles : la pertinence des textes alternatifs, l'ordre
        de lecture ou la clarté des messages demandent une vérification humaine, qui reste à faire.
      </p>
      <h2>Contenus non accessibles</h2>
      <ul>
        <li>
          Les cartes des pôles sont des images vectorielles : leur équivalent accessible est la liste des pôles par région et
          département, placée sous chaque carte.
        </li>
        <li>Les images envoyées par les membres dépendent du texte alternatif que leur auteur a saisi.</li>
      </ul>
      <h2>Établissement de cette déclaration</h2>
      <ul>
        <li>Technologies : HTML, CSS, SVG, JavaScript (facultatif pour les formulaires principaux).</li>
        <li>Environnement de test : Chromium, en taille ordinateur et téléphone, avec et sans JavaScript.</li>
        <li>Outils : axe-core (par @axe-core/playwright), Playwright.</li>
      </ul>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à {contact} : nous vous répondrons et vous
        proposerons une autre façon d'y accéder.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut qui vous empêche d'accéder à un contenu et que vous n'avez pas obtenu de réponse
        satisfaisante, vous pouvez écrire au Défenseur des droits (defenseurdesdroits.fr, formulaire en ligne), contacter
        son délégué dans votre région, ou lui écrire gratuitement : Défenseur des droits, Libre réponse 71120, 75342 Paris
        CEDEX 07.
      </p>
    </div>
  );
}
