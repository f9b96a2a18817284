import type { Language } from "./language.ts";

/** A stretch of a text as UTF-16 offsets: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Abbreviations that announce what follows ("e.g. Mr. Smith", "см. рис. 3"),
 * so a sentence never ends on them. Lower case, spaces removed.
 */
const NEVER_FINAL = new Set([
  "e.g.", "i.e.", "cf.", "viz.", "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "no.", "nos.", "vol.", "vols.", "pp.", "p.",
  "fig.", "figs.", "ch.", "art.", "vs.", "ca.", "approx.", "gen.", "col.", "lt.", "sen.", "rep.", "gov.", "pres.",
  "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
  "т.е.", "т.к.", "т.н.", "т.", "см.", "ср.", "им.", "напр.", "проф.", "акад.", "ул.", "рис.", "табл.", "гл.", "ст.",
  "стр.", "с.", "ок.", "прим.", "пер.", "изд.", "св.", "ред.", "г-н.", "о.",
]);

/**
 * Abbreviations that close enumerations or amounts ("… and so on etc.", "и т. д.")
 * and end the sentence only when a capitalized word follows.
 */
const FINAL_BEFORE_CAPITAL = new Set([
  "etc.", "al.", "inc.", "ltd.", "co.", "jr.", "sr.", "т.д.", "т.п.", "др.", "пр.", "млн.", "млрд.", "тыс.", "руб.", "долл.",
]);

/**
 * Abbreviations that stand after a number or a country and are often followed
 * by a name ("в 2016 г. Путин…", "the U.S. President"): they end the sentence
 * only before a capitalized function word ("… 2016 г. Однако …").
 */
const FINAL_BEFORE_FUNCTION_WORD = new Set(["г.", "гг.", "г.г.", "в.", "вв.", "н.э.", "a.m.", "p.m.", "a.d.", "b.c."]);

/** Dotted acronyms such as "U.S.", "U.N.", "С.Ш.А.". */
const DOTTED_ACRONYM = /^(?:\p{Lu}\.){2,}$/u;

/** Initials: "V.", "Д.", and the Latin digraphs of transliterated Russian names ("Yu.", "Zh."). */
const INITIAL = /^(?:\p{Lu}|Yu|Ya|Ye|Yo|Zh|Kh|Ts|Ch|Sh|Shch|Dzh|Th|Дж)\.$/u;

/** Words that start sentences and are never names, in both languages. */
const FUNCTION_WORDS = new Set([
  "a", "an", "the", "this", "that", "these", "those", "it", "its", "in", "on", "at", "as", "but", "and", "or", "however",
  "thus", "therefore", "moreover", "yet", "so", "if", "when", "while", "since", "after", "before", "we", "he", "she",
  "they", "i", "there", "here", "such", "for", "from", "by", "with", "what", "which", "who", "not", "no", "all", "some",
  "one", "then", "also", "meanwhile", "nevertheless", "still", "although", "though", "to", "of",
  "в", "во", "на", "с", "со", "по", "при", "для", "из", "к", "ко", "о", "об", "от", "до", "за", "но", "и", "а", "однако",
  "это", "эта", "этот", "эти", "так", "таким", "тем", "он", "она", "они", "оно", "мы", "я", "как", "когда", "если",
  "после", "перед", "поэтому", "кроме", "тогда", "также", "впрочем", "между", "несмотря", "именно", "все", "всё", "его",
  "ее", "её", "их", "же", "что", "чтобы", "хотя", "тот", "та", "те", "то", "там", "здесь", "уже", "еще", "ещё", "не",
  "ни", "да", "вместе", "затем", "потом", "теперь", "сейчас", "между", "среди", "через", "под", "над",
]);

const OPENING_PUNCTUATION = /^[([{«"“„‘'‹]+/u;
const NEXT_WORD = /^[\s([{«"“„‘'‹—–-]*([\p{L}\p{N}]+)(\.?)/u;

const segmenters = new Map<Language, Intl.Segmenter>();

function segmenterFor(language: Language): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * Splits a paragraph into sentences: the boundaries of `Intl.Segmenter`, less
 * those that fall after an abbreviation or an initial. Spans exclude the
 * whitespace around each sentence.
 */
export function splitSentences(text: string, language: Language): TextSpan[] {
  const candidates = new Set<number>();
  for (const { index } of segmenterFor(language).segment(text)) if (index > 0) candidates.add(index);
  // The segmenter reads "… науки. 2018 год …" as one sentence (a lower-case word follows the number).
  for (const match of text.matchAll(SENTENCE_END_BEFORE_NUMBER)) candidates.add(match.index + match[0].length);
  const brackets = bracketedRanges(text);
  const spans: TextSpan[] = [];
  let start = 0;
  for (const boundary of [...candidates].sort((a, b) => a - b)) {
    if (brackets.some(([open, close]) => open < boundary && boundary <= close) || !endsSentence(text, boundary)) continue;
    pushTrimmed(spans, text, start, boundary);
    start = boundary;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

const SENTENCE_END_BEFORE_NUMBER = /[.!?…][»"”)]*\s+(?=\d)/gu;
const CLOSING: Record<string, string> = { ")": "(", "]": "[" };

/**
 * Spans between matched brackets: a citation such as "[Abe… 2016]" holds
 * sentence punctuation but no sentence end. Unmatched brackets are ignored.
 */
function bracketedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const open: Array<[string, number]> = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === "(" || char === "[") open.push([char, index]);
    else if (CLOSING[char]) {
      const last = open.findLastIndex(([opener]) => opener === CLOSING[char]);
      if (last >= 0) {
        ranges.push([open[last]![1], index]);
        open.length = last;
      }
    }
  }
  return ranges;
}

function pushTrimmed(spans: TextSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  if (end > start) spans.push({ start, end });
}

/** Whether the segmenter's boundary at `boundary` really ends a sentence. */
function endsSentence(text: string, boundary: number): boolean {
  const before = text.slice(Math.max(0, boundary - 60), boundary).trimEnd();
  if (!before.endsWith(".")) return true;
  const tokens = before.split(/\s+/u);
  const last = (tokens.at(-1) ?? "").replace(OPENING_PUNCTUATION, "");
  const previous = tokens.length > 1 ? (tokens.at(-2) ?? "").replace(OPENING_PUNCTUATION, "") : "";
  const lastKey = last.toLowerCase();
  const pairKey = previous.endsWith(".") && previous.length <= 4 ? previous.toLowerCase() + lastKey : null;
  const next = NEXT_WORD.exec(text.slice(boundary, boundary + 60));
  const nextWord = next?.[1] ?? "";
  const nextIsCapitalized = /^\p{Lu}/u.test(nextWord);
  const nextIsInitial = next?.[2] === "." && INITIAL.test(`${nextWord}.`);

  if (INITIAL.test(last)) return false;
  const keys = pairKey ? [pairKey, lastKey] : [lastKey];
  for (const key of keys) {
    if (NEVER_FINAL.has(key)) return false;
    if (FINAL_BEFORE_CAPITAL.has(key)) return nextIsCapitalized;
    if (FINAL_BEFORE_FUNCTION_WORD.has(key)) return startsWithFunctionWord(nextWord, nextIsInitial);
  }
  if (DOTTED_ACRONYM.test(last)) return startsWithFunctionWord(nextWord, nextIsInitial);
  return true;
}

function startsWithFunctionWord(word: string, isInitial: boolean): boolean {
  return !isInitial && /^\p{Lu}/u.test(word) && FUNCTION_WORDS.has(word.toLowerCase());
}
