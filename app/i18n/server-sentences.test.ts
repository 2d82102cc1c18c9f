/**
 * The sentences written in French by the schemas, the guards and the models reach people through
 * `useSay()` / `say()` (app/i18n/sentences.ts): each one needs its English in app/i18n/en/sentences.ts.
 * This test fails, naming file, line and sentence, on one that has none. Modules still to be done are
 * listed below; one leaves the list once all its sentences have their English, and the test fails when
 * a listed module is done without leaving it.
 */
import { describe, expect, it } from "vitest";
import { sentences } from "./en/sentences";
import { frenchSentencesInSources } from "./french-scan.server";
import { compileSentences, translateSentence } from "./sentences";

const NOT_YET_TRANSLATED = new Set<string>([]);

const english = compileSentences(sentences);

/** Whether the English table has this sentence, or this shape, as such. */
function translated(sentence: string): boolean {
  return Object.hasOwn(sentences, sentence);
}

describe("the sentences of the schemas, guards and models", () => {
  const found = frenchSentencesInSources();

  it("each have their English, in every module already done", () => {
    const missing = [...found]
      .filter(([file]) => !NOT_YET_TRANSLATED.has(file))
      .flatMap(([file, list]) => list.filter((s) => !translated(s.sentence)).map((s) => `${file}:${s.line} « ${s.sentence} »`));
    expect(missing).toEqual([]);
  });

  it("leave the list of modules to do once done", () => {
    const done = [...NOT_YET_TRANSLATED].filter((file) => (found.get(file) ?? []).every((s) => translated(s.sentence)));
    expect(done, "done: remove from NOT_YET_TRANSLATED").toEqual([]);
  });

  it("are looked up whole, then by shape, and the values of a shape are translated too", () => {
    const table = compileSentences({
      "Le titre": "The title",
      "{} doit compter au plus {} caractères.": "{0} must be at most {1} characters.",
      "Entre {} et {} personnes.": "Between {0} and {1} people.",
    });
    expect(translateSentence(table, "Le titre doit compter au plus 120 caractères.")).toBe("The title must be at most 120 characters.");
    expect(translateSentence(table, "Entre 2 et 20 personnes.")).toBe("Between 2 and 20 people.");
    expect(translateSentence(table, "Une phrase inconnue.")).toBe("Une phrase inconnue.");
  });

  it("turn a matcher explanation's parts into English, figures and names kept", () => {
    const say = (part: string) => translateSentence(english, part);
    expect(say("Comptabilité (confirmé) couvre le besoin prioritaire")).toBe("Comptabilité (experienced) covers the top-priority need");
    expect(say("à 12 km")).toBe("12 km away");
    expect(say("1 accompagnement en cours sur 3")).toBe("1 mentorship under way out of 3");
    expect(say("accompagné par 2 bénévoles (gestion administrative, comptabilité), 14 h de suivi")).toBe(
      "mentored by 2 volunteers (gestion administrative, comptabilité), 14 h of follow-up",
    );
    expect(say("recommandé par Claire Martin et Paul Roux")).toBe("recommended by Claire Martin and Paul Roux");
  });

  it("keep every English translation free of a value it does not have", () => {
    const misplaced = Object.entries(sentences).filter(([french, english]) => {
      const places = french.split("{}").length - 1;
      return [...english.matchAll(/\{(\d+)\}/g)].some((m) => Number(m[1]) >= places);
    });
    expect(misplaced).toEqual([]);
    expect(english.exact.size + english.patterns.length).toBe(Object.keys(sentences).length);
  });
});
