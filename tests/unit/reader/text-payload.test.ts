import { describe, expect, it } from "vitest";
import { tableOfContents } from "@/lib/reader/contents";
import { buildAnnotations, buildTextPayload, type PayloadSourceParagraph } from "@/lib/reader/text-payload";

const paragraph = (ordinal: number, text: string, extra: Partial<PayloadSourceParagraph> = {}): PayloadSourceParagraph => ({
  ordinal,
  kind: "body",
  refKey: null,
  text,
  marks: [],
  pageBreaks: [],
  sentences: [],
  terms: [],
  ...extra,
});

describe("buildTextPayload", () => {
  const source = {
    editions: [
      { language: "en", status: "published" as const, firstPage: 10 },
      { language: "ru", status: "project-translation" as const, firstPage: 70 },
    ],
    units: [
      {
        ordinal: 1,
        paragraphs: {
          en: [
            paragraph(1, "Abe met Putin [Batin 2017] in Sochi.", {
              marks: [{ type: "cite", start: 14, end: 27, ref: "batin" }, { type: "em", start: 0, end: 3 }],
              pageBreaks: [{ offset: 8, page: null }],
              sentences: [{ start: 0, end: 36, bead: 1 }],
              terms: [
                { start: 0, end: 3, entry: "abe-shinzo" },
                { start: 15, end: 20, entry: "batin" },
                { start: 31, end: 36, entry: "sochi", lang: "en" },
              ],
            }),
          ],
          ru: [paragraph(1, "Абэ встретился с Путиным.", { sentences: [{ start: 0, end: 25, bead: 1 }], terms: [{ start: 0, end: 3, entry: "abe-shinzo", lang: "ja-Cyrl" }] })],
        },
      },
      { ordinal: 2, paragraphs: { en: [paragraph(2, "Batin Yu. (2017) …", { kind: "reference", refKey: "batin" })], ru: [] } },
    ],
  };

  it("keeps text and offsets, resolves citations and numbers pages", () => {
    const payload = buildTextPayload(source);
    expect(payload.editions).toEqual(["en", "ru"]);
    expect(payload.units[0]).toEqual([
      1,
      [
        [
          {
            n: 1,
            t: "Abe met Putin [Batin 2017] in Sochi.",
            m: [
              [14, 27, "c", 2],
              [0, 3, "e"],
            ],
            b: [[8, 11]],
          },
        ],
        [{ n: 1, t: "Абэ встретился с Путиным." }],
      ],
    ]);
    expect(payload.units[1]).toEqual([2, [[{ n: 2, t: "Batin Yu. (2017) …", k: "reference" }], []]]);
  });

  it("keeps sentences and terms apart, by paragraph anchor, without terms inside links", () => {
    expect(buildAnnotations(source)).toEqual({
      "en-1": {
        s: [0, 36, 1],
        g: [
          [0, 3, "abe-shinzo", ""],
          [31, 36, "sochi", ""],
        ],
      },
      "ru-1": { s: [0, 25, 1], g: [[0, 3, "abe-shinzo", "ja-Cyrl"]] },
    });
  });

  it("marks an unknown page as 0 and a citation without its reference as 0", () => {
    const payload = buildTextPayload({
      editions: [{ language: "en", status: "published", firstPage: null }],
      units: [{ ordinal: 1, paragraphs: { en: [paragraph(1, "See [X 2000].", { marks: [{ type: "cite", start: 4, end: 12, ref: "missing" }], pageBreaks: [{ offset: 3, page: null }] })] } }],
    });
    expect(payload.units[0]![1][0]![0]).toMatchObject({ m: [[4, 12, "c", 0]], b: [[3, 0]] });
  });
});

describe("tableOfContents", () => {
  it("lists the units that hold a heading, with each edition's heading", () => {
    const units = [
      { ordinal: 1, paragraphs: { en: [{ kind: "title" as const, text: "T" }], ru: [{ kind: "title" as const, text: "Т" }] } },
      { ordinal: 9, paragraphs: { en: [{ kind: "heading" as const, text: "Introduction" }], ru: [{ kind: "heading" as const, text: "Введение" }] } },
      { ordinal: 10, paragraphs: { en: [{ kind: "heading" as const, text: "Only English" }], ru: [] } },
    ];
    expect(tableOfContents(units)).toEqual([
      { unit: 9, headings: { en: "Introduction", ru: "Введение" } },
      { unit: 10, headings: { en: "Only English" } },
    ]);
  });
});
