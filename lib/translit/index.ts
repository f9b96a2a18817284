export { cyrillicToLatin, type CyrillicSystem } from "./cyrillic.ts";
export {
  hepburnToKana,
  hepburnToPolivanov,
  kanaToPolivanov,
  stripMacrons,
  type HepburnToPolivanovOptions,
  type LongVowelNotation,
  type PolivanovOptions,
} from "./japanese.ts";
