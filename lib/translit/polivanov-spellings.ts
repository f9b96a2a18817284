/**
 * Word-level exceptions to the computed Polivanov form. Keys are Hepburn
 * words in lower case without macrons (so "Tōkyō" and "Tokyo" both match).
 */

/**
 * Conventional Russian spellings that differ from the systematic form, as
 * fixed by long usage in Russian atlases, dictionaries and the press
 * (Токио, not То:кё:). hepburnToPolivanov uses them unless told not to.
 */
export const CONVENTIONAL_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ["tokyo", "токио"],
  ["kyoto", "киото"],
  ["osaka", "осака"],
  ["yokohama", "иокогама"],
  ["kobe", "кобе"],
  ["hokkaido", "хоккайдо"],
  ["honshu", "хонсю"],
  ["kyushu", "кюсю"],
  ["toyota", "тойота"],
  ["judo", "дзюдо"],
  ["sushi", "суши"],
  ["geisha", "гейша"],
  // The Russian press has written хикиваке since Putin's use of the word in 2012.
  ["hikiwake", "хикиваке"],
]);

/**
 * Words in which a vowel-initial morpheme follows a vowel: Polivanov writes
 * the boundary vowel as a full vowel, not as the second half of a diphthong
 * (小泉 ko|izumi → Коидзуми, not Койдзуми). Kana alone cannot show this, so
 * the boundary is recorded here with "|".
 */
export const MORPHEME_BOUNDARIES: ReadonlyMap<string, string> = new Map([["koizumi", "ko|izumi"]]);
