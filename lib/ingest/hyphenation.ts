import { stemmer as englishStemmer } from "@orama/stemmers/english";
import { stemmer as russianStemmer } from "@orama/stemmers/russian";

/**
 * Words hyphenated at line ends: "отно-" + "шения" is one word broken by the
 * typesetter, "Asia-" + "Pacific" a compound that happened to end a line.
 * The decision rests on the document itself (does the joined word, or the
 * hyphenated compound, occur elsewhere? are the parts words of it?) and on a
 * few rules of each language's spelling.
 */

export type HyphenDecision = "join" | "keep";

/** Hyphens a typesetter puts at a line end: hyphen-minus and the Unicode hyphen. */
export const LINE_END_HYPHEN = /(\p{L}+(?:[-‐]\p{L}+)*)[-‐]$/u;
/** A soft hyphen (or the ¬ some extractors print for it) marks a break that is never part of the word. */
export const LINE_END_SOFT_HYPHEN = /(\p{L})[\u00AD¬]$/u;
const WORD_START = /^\p{L}+/u;
const WORDS = /\p{L}+(?:[-‐]\p{L}+)*/gu;

/** Russian particles and prefixes that are always written with a hyphen: кто-то, что-либо, кое-где, скажи-ка. */
const RUSSIAN_HYPHENATED_PARTICLES = new Set(["то", "либо", "нибудь", "ка", "таки", "де"]);
const RUSSIAN_HYPHENATED_PREFIXES = new Set(["кое", "кой"]);
/** The endings of Russian adjectives, which the second half of a compound adjective carries. */
const RUSSIAN_ADJECTIVE_ENDING = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими)$/u;
/** по- adverbs: по-русски, по-прежнему, по-моему, по-лисьи. */
const RUSSIAN_PO_ADVERB = /(?:ски|цки|ому|ему|ьи)$/u;

/** The words of a document, for telling broken words from compounds. */
export class DocumentWords {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();

  constructor(texts: Iterable<string> = []) {
    for (const text of texts) this.add(text);
  }

  /** Adds the words of a text: each hyphenated compound as a whole and each of its parts. */
  add(text: string): void {
    for (const match of text.matchAll(WORDS)) {
      const word = match[0].toLowerCase().replace(/‐/g, "-");
      this.words.add(word);
      for (const part of word.split("-")) {
        this.words.add(part);
        this.stems.add(stem(part));
      }
    }
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }

  /** The word or another form of it (same stem) occurs. */
  hasForm(word: string): boolean {
    return this.has(word) || this.stems.has(stem(word.toLowerCase()));
  }
}

function stem(word: string): string {
  return /\p{Script=Cyrillic}/u.test(word) ? russianStemmer(word) : englishStemmer(word);
}

/**
 * Decides what a hyphen at a line end is. `left` is the word before the
 * hyphen (it may itself hold hyphens: "северо-восточ"), `right` the word
 * that opens the next line.
 */
export function decideLineEndHyphen(left: string, right: string, words: DocumentWords): HyphenDecision {
  const lastPart = left.split(/[-‐]/).at(-1)!;
  const lowerLeft = left.toLowerCase();
  const lowerRight = right.toLowerCase();
  const lowerLast = lastPart.toLowerCase();
  // A capital or a digit after the hyphen: a compound of names (Asia-Pacific, Северо-Восточная) or a code (COVID-19).
  if (!/^\p{Ll}/u.test(right)) return "keep";
  if (words.has(`${lowerLeft}-${lowerRight}`) || words.has(`${lowerLast}-${lowerRight}`)) return "keep";
  if (words.has(`${lowerLeft}${lowerRight}`) || words.has(`${lowerLast}${lowerRight}`)) return "join";
  // Another form of the joined word (предложение for предложе-|ния).
  if (`${lowerLast}${lowerRight}`.length >= 6 && words.hasForm(`${lowerLast}${lowerRight}`)) return "join";

  if (/\p{Script=Cyrillic}/u.test(lastPart)) {
    if (RUSSIAN_HYPHENATED_PARTICLES.has(lowerRight) || RUSSIAN_HYPHENATED_PREFIXES.has(lowerLast)) return "keep";
    if (lowerLast === "по" && RUSSIAN_PO_ADVERB.test(lowerRight)) return "keep";
    // Compound adjectives with a linking vowel: социально-экономический, военно-политических, северо-восточный.
    if (/[оеё]$/u.test(lowerLast) && lowerLast.length >= 4 && lowerRight.length >= 5 && RUSSIAN_ADJECTIVE_ENDING.test(lowerRight) && words.hasForm(lowerRight)) return "keep";
  }
  // Two words of the document on either side (image-making, trade-off): a compound. The left part must occur as it
  // stands (a stem would let "предложе" pass), the right part in some form if it is long enough to tell.
  const rightKnown = words.has(lowerRight) || (lowerRight.length >= 5 && words.hasForm(lowerRight));
  if (lowerLast.length >= 3 && lowerRight.length >= 3 && words.has(lowerLast) && rightKnown) return "keep";
  return "join";
}

/** The word that opens a line, for the hyphenation decision. */
export function leadingWord(text: string): string {
  return WORD_START.exec(text.trimStart())?.[0] ?? "";
}
