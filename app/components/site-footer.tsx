export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Maillon — plateforme des pôles territoriaux de coopération économique. Seul on ne peut pas
          grand-chose ; ensemble, tout devient possible.
        </p>
        <p>
          Aucun paiement ne transite par Maillon : les engagements et contributions sont réglés par virement
          entre les personnes concernées.
        </p>
        <p>
          <a href="/impact">L'impact des pôles en chiffres</a>
        </p>
        <p>
          <a href="/donnees">Données ouvertes</a> : l'API et les paquets CSV des pôles, sous Licence Ouverte 2.0.
        </p>
        <nav aria-label="À propos du site">
          <ul className="footer-links">
            <li>
              <a href="/mentions-legales">Mentions légales</a>
            </li>
            <li>
              <a href="/confidentialite">Confidentialité</a>
            </li>
            <li>
              <a href="/accessibilite">Accessibilité : non conforme</a>
            </li>
          </ul>
        </nav>
        <p className="credits">Contours des départements : IGN — Admin Express COG 2018, Licence Ouverte 2.0.</p>
      </div>
    </footer>
  );
}
