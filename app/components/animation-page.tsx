import { useT } from "~/i18n/context";
import { PoleChooser } from "./pole-chooser";

type PoleRef = { slug: string; name: string };

/** What an animation page says to an `animateur` whose pôle team is not set yet. */
export function NoAnimatedPole({ title }: { title: string }) {
  const t = useT().animation.header;
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      <p>{t.noPole}</p>
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
  const t = useT().animation.header;
  return (
    <>
      <p>
        <a href={`/animation?${new URLSearchParams({ pole: pole.slug })}`}>{t.back}</a>
      </p>
      {eyebrow ? <p className="eyebrow">{t.eyebrow(pole.name)}</p> : null}
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
