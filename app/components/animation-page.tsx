import { PoleChooser } from "./pole-chooser";

type PoleRef = { slug: string; name: string };

/** What an animation page says to an `animateur` whose pôle team is not set yet. */
export function NoAnimatedPole({ title }: { title: string }) {
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      <p>Vous ne faites partie de l'équipe d'animation d'aucun pôle pour l'instant. Demandez à un administrateur de vous y ajouter.</p>
    </div>
  );
}

/**
 * The top of every page under /animation: the way back to the pôle's animation page, the title, the
 * pôle chooser (for people on several teams), and the form-level refusal when there is one.
 */
export function AnimationPageHeader({
  pole,
  poles,
  title,
  eyebrow = false,
  message,
}: {
  pole: PoleRef;
  poles: readonly PoleRef[];
  title: string;
  /** Names the pôle above the title (« Animation du pôle · … »). */
  eyebrow?: boolean;
  message?: string | null;
}) {
  return (
    <>
      <p>
        <a href={`/animation?${new URLSearchParams({ pole: pole.slug })}`}>← Animation du pôle</a>
      </p>
      {eyebrow ? <p className="eyebrow">Animation du pôle · {pole.name}</p> : null}
      <h1>{title}</h1>
      <PoleChooser poles={poles} current={pole.slug} />
      {message ? (
        <p className="alert alert--error" role="alert">
          {message}
        </p>
      ) : null}
    </>
  );
}
