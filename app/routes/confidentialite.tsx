import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize } from "~/guards/authorize.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Politique de confidentialité — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "confidentialite");
  const env = getEnv();
  return { publisher: env.LEGAL_PUBLISHER, contact: env.LEGAL_CONTACT, backupsKept: env.BACKUP_KEEP, backupHours: env.BACKUP_INTERVAL_HOURS };
}

/** What is kept, why, and for how long: one row per kind of data. */
const KEPT: { what: string; why: string; howLong: string }[] = [
  {
    what: "Votre compte : adresse électronique, nom affiché, commune, empreinte du mot de passe (jamais le mot de passe lui-même), rôles",
    why: "Vous reconnaître, vous écrire, proposer des rapprochements proches de chez vous",
    howLong: "Tant que le compte existe ; effacé à sa suppression",
  },
  {
    what: "Vos connexions : date, appareil déclaré par le navigateur",
    why: "Vous garder connecté et vous laisser fermer une session à distance",
    howLong: "10 jours sans activité, 30 jours au plus",
  },
  {
    what: "Les tentatives de connexion échouées et leur adresse réseau",
    why: "Protéger les comptes contre les essais de mots de passe",
    howLong: "15 minutes",
  },
  {
    what: "Les adresses réseau depuis lesquelles vous vous êtes connecté",
    why: "Ne pas vous ralentir quand d'autres essaient de deviner votre mot de passe ailleurs",
    howLong: "90 jours après la dernière connexion",
  },
  {
    what: "Votre profil de bénévole, vos projets, vos adhésions aux clubs, vos promesses, vos inscriptions, vos réservations",
    why: "Ce que vous avez choisi de faire sur le site (parcours Créer, Accompagner, Financer, vie du pôle)",
    howLong: "Tant que le compte existe ; à sa suppression, ce dont d'autres dépendent reste sans votre nom (« Membre parti »)",
  },
  {
    what: "Les notifications et les courriels envoyés",
    why: "Vous tenir au courant, et pouvoir vérifier ce qui a été envoyé ; les messages de sécurité sont gardés sans leur contenu",
    howLong: "Tant que le compte existe",
  },
];

export default function Privacy() {
  const { publisher, contact, backupsKept, backupHours } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>Politique de confidentialité</h1>
      <p>
        Responsable du traitement : {publisher} ({contact}). Les données servent au fonctionnement du pôle sur ce site ; elles
        ne sont ni vendues, ni cédées, ni utilisées pour de la publicité. Le site ne dépose aucun cookie de mesure
        d'audience ni de publicité : seulement le cookie de session (pour rester connecté) et un cookie de message d'une page
        à l'autre.
      </p>
      <h2>Ce que nous gardons, pourquoi, combien de temps</h2>
      <table>
        <caption>Données conservées</caption>
        <thead>
          <tr>
            <th scope="col">Données</th>
            <th scope="col">Pourquoi</th>
            <th scope="col">Durée</th>
          </tr>
        </thead>
        <tbody>
          {KEPT.map((row) => (
            <tr key={row.what}>
              <td>{row.what}</td>
              <td>{row.why}</td>
              <td>{row.howLong}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Des copies de sauvegarde de la base sont faites {backupHours > 0 ? `toutes les ${backupHours} heures` : "régulièrement"} et
        les {backupsKept} dernières sont gardées : une donnée effacée disparaît des sauvegardes quand la dernière copie qui la
        contient est remplacée.
      </p>
      <h2>Ce qui est public</h2>
      <p>
        Les pôles, les organisations membres, les projets publiés (sans le nom ni l'adresse de leur porteur), les rendez-vous
        publics, les ressources partagées et les besoins du territoire sont visibles de tous et publiés en données ouvertes.
        Aucune adresse électronique ni aucun numéro de téléphone de personne n'y figure.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez consulter et corriger vos données depuis <a href="/compte">votre compte</a>, les télécharger et supprimer
        votre compte depuis <a href="/compte/donnees">Mes données</a>. Pour toute autre demande (opposition, limitation),
        écrivez à {contact}. Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).
      </p>
    </div>
  );
}
