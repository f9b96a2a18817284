import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import ru from "@/messages/ru.json";

/** Every key of a message catalogue, as dotted paths ("reader.copyLink"). */
function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (value && typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

/** ICU placeholders of a message ("{count}", "{count, plural, …}" → count). */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((match) => match[1]!).sort();
}

function flatten(messages: object): Map<string, string> {
  const lookup = (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
  return new Map(keys(messages).map((key) => [key, String(lookup(key))]));
}

describe("the message catalogues", () => {
  const catalogues = { en, ru, ja } as const;

  it("have the same keys in every language", () => {
    const reference = keys(en).sort();
    for (const [language, messages] of Object.entries(catalogues)) {
      const own = keys(messages).sort();
      expect(
        reference.filter((key) => !own.includes(key)),
        `keys missing in ${language}.json`,
      ).toEqual([]);
      expect(
        own.filter((key) => !reference.includes(key)),
        `keys in ${language}.json that en.json lacks`,
      ).toEqual([]);
    }
  });

  it("use the same placeholders in every language", () => {
    const english = flatten(en);
    for (const [language, messages] of Object.entries({ ru, ja })) {
      for (const [key, message] of flatten(messages)) {
        expect(placeholders(message), `${language}.json ${key}`).toEqual(placeholders(english.get(key) ?? ""));
      }
    }
  });

  it("have no empty message", () => {
    for (const [language, messages] of Object.entries(catalogues)) {
      for (const [key, message] of flatten(messages)) expect(message.trim(), `${language}.json ${key}`).not.toBe("");
    }
  });
});

/** Attributes a person reads or hears. */
const USER_FACING_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext", "title", "placeholder", "alt", "label"]);
/**
 * What is the same in every language: text with no letters (punctuation,
 * symbols, digits, "?" or "×"), a URL or path, an HTTP method; and whatever
 * stands in a code, kbd or samp element (key caps, identifiers).
 */
const NO_WORDS = /^[\s\p{P}\p{S}\p{N}]*$/u;
const NOT_LANGUAGE = /^\s*(?:(?:https?:\/\/|\/)\S*|GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s*$/;
const CODE_ELEMENTS = new Set(["code", "kbd", "samp"]);

function inCode(node: ts.Node, source: ts.SourceFile): boolean {
  const parent = node.parent;
  return ts.isJsxElement(parent) && CODE_ELEMENTS.has(parent.openingElement.tagName.getText(source));
}

function componentFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return componentFiles(file);
    return file.endsWith(".tsx") ? [file] : [];
  });
}

/** User-facing string literals in a component: JSX text and the attributes above, with where they are. */
function literals(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && !NO_WORDS.test(node.text) && !NOT_LANGUAGE.test(node.text) && !inCode(node, source)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && !NO_WORDS.test(value.text) && !NOT_LANGUAGE.test(value.text)) {
        found.push(`${where(node)} ${node.name.getText(source)}="${value.text}"`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the components", () => {
  it("take every user-facing string from the messages", () => {
    expect(componentFiles("app").flatMap((file) => literals(file))).toEqual([]);
  });

  it("are checked by a scan that finds literals and lets code, symbols and attributes for machines pass", () => {
    const sample = `const x = <div><button aria-label="Close" data-x="ok" className="a b" title="×">Save</button><kbd>Space</kbd><a href="/api">/api/v1</a> — 12 <p>{t("ok")}</p></div>;`;
    expect(literals("sample.tsx", sample)).toEqual(['sample.tsx:1 aria-label="Close"', 'sample.tsx:1 text "Save"']);
  });
});
