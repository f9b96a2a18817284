/** Addresses of the glossary's pages and files in an interface language. */
export const glossaryPaths = {
  list: (locale: string) => `/${locale}/glossary`,
  entry: (locale: string, key: string) => `/${locale}/glossary/${encodeURIComponent(key)}`,
  card: (locale: string, work: string, key: string) => `/${locale}/glossary/${encodeURIComponent(key)}/card.json?work=${encodeURIComponent(work)}`,
  study: (locale: string) => `/${locale}/glossary/study`,
  reader: (locale: string, work: string, anchor?: string) => `/${locale}/works/${encodeURIComponent(work)}${anchor ? `#${anchor}` : ""}`,
};
