/** The name of a language in the interface language, capitalised as a label ("Russian", "Русский", "ロシア語"). */
export function languageName(language: string, locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
