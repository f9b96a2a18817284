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
  export class Cite {
    constructor(data: unknown);
    format(kind: string, options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(plugin: "@csl"): { styles: Register<string>; locales: Register<string> };
      get(plugin: "@bibtex"): { format: { asciiOnly: boolean; useIdAsLabel: boolean } };
    };
  };
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
