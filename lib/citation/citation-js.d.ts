// citation-js ships no type declarations; these cover the part lib/citation uses.
declare module "@citation-js/core" {
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
  }
  interface FormatOptions {
    format?: "text" | "html";
    template?: string;
    lang?: string;
    entry?: { id: string; locator?: string; label?: string }[];
  }
  class Cite {
    constructor(data: unknown);
    format(kind: string, options?: FormatOptions): string;
  }
  const core: {
    Cite: typeof Cite;
    plugins: {
      config: {
        get(plugin: "@csl"): { styles: Register<string>; locales: Register<string> };
        get(plugin: "@bibtex"): { format: { asciiOnly: boolean; useIdAsLabel: boolean } };
      };
    };
  };
  export default core;
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
