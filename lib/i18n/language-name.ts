/** One formatter per interface language: making one costs many times what naming a language with it does. */
const displayNames = new Map<string, Intl.DisplayNames>();

/** The name of a language in the interface language, capitalised as a label ("Russian", "Русский", "ロシア語"). */
export function languageName(language: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language" });
    displayNames.set(locale, names);
  }
  const name = names.of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
