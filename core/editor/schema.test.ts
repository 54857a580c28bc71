import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD, BULLET_STYLES, canonicalDocument, documentSchema, LIST_STYLES } from "./index";

/** JSON → Y.Doc → JSON must give back exactly what went in, for every node and mark. */
function roundTrip(json: Record<string, unknown>) {
  const schema = documentSchema();
  // The schema itself must accept the document (throws on a node or mark it does not allow).
  const node = schema.nodeFromJSON(json);
  node.check();
  const ydoc = prosemirrorJSONToYDoc(schema, json, BODY_FIELD);
  // Through the wire format as well: what the server stores and loads.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  return canonicalDocument(copy).json;
}

const text = (value: string, marks?: Array<Record<string, unknown>>) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const para = (content: unknown[], attrs: Record<string, unknown> = {}) => ({
  type: "paragraph",
  attrs: { numbered: true, lang: null, dir: null, ...attrs },
  content,
});

const CASES: Record<string, Record<string, unknown>> = {
  "numbered and unnumbered paragraphs with every mark": {
    type: "doc",
    content: [
      para([text("Executive summary")], { numbered: false }),
      para([
        text("bold ", [{ type: "bold" }]),
        text("italic ", [{ type: "italic" }]),
        text("underline ", [{ type: "underline" }]),
        text("OHCHR", [{ type: "link", attrs: { href: "https://www.ohchr.org", target: "_blank", rel: "noopener noreferrer nofollow", class: null, title: null } }]),
        text(" E=mc"),
        text("2", [{ type: "superscript" }]),
        text(" H"),
        text("2", [{ type: "subscript" }]),
        text("O"),
        { type: "hardBreak" },
        text("after a break"),
      ]),
    ],
  },
  "headings and language": {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1, lang: null, dir: null, section: "civil-and-political-rights" }, content: [text("Civil and political rights")] },
      { type: "heading", attrs: { level: 3, lang: "fr", dir: null, section: null }, content: [text("Liberté d'expression")] },
      para([text("حرية التعبير")], { lang: "ar", dir: "rtl" }),
    ],
  },
  "lists with UN sub-paragraph styles": {
    type: "doc",
    content: [
      {
        type: "orderedList",
        attrs: { start: 1, type: null, listStyle: "lower-alpha" },
        content: [
          {
            type: "listItem",
            attrs: { lang: null, dir: null },
            content: [
              para([text("Repeal the law")]),
              {
                type: "orderedList",
                attrs: { start: 1, type: null, listStyle: "lower-roman" },
                content: [{ type: "listItem", attrs: { lang: null, dir: null }, content: [para([text("article 7")])] }],
              },
            ],
          },
        ],
      },
      { type: "bulletList", attrs: { bulletStyle: "disc" }, content: [{ type: "listItem", attrs: { lang: null, dir: null }, content: [para([text("To China")])] }] },
      { type: "blockquote", attrs: { lang: null, dir: null }, content: [para([text("Quoted")])] },
    ],
  },
  "every list style and bullet marker, and a fourth-level heading": {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 4, section: null, lang: null, dir: null }, content: [text("Sub-point")] },
      ...LIST_STYLES.map((listStyle) => ({
        type: "orderedList",
        attrs: { start: 2, type: null, listStyle },
        content: [{ type: "listItem", attrs: { lang: null, dir: null }, content: [para([text(listStyle)])] }],
      })),
      ...BULLET_STYLES.map((bulletStyle) => ({
        type: "bulletList",
        attrs: { bulletStyle },
        content: [{ type: "listItem", attrs: { lang: null, dir: null }, content: [para([text(bulletStyle)])] }],
      })),
    ],
  },
  "a table with a header row": {
    type: "doc",
    content: [
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              { type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, lang: null, dir: null }, content: [para([text("Recommendation")])] },
              { type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, lang: null, dir: null }, content: [para([text("Status")])] },
            ],
          },
          {
            type: "tableRow",
            content: [
              { type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, lang: null, dir: null }, content: [para([text("186.60")])] },
              { type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, lang: null, dir: null }, content: [para([text("Not implemented")])] },
            ],
          },
        ],
      },
    ],
  },
  "footnotes with rich content and a citation": {
    type: "doc",
    content: [
      para([
        text("The law was adopted in 2015."),
        {
          type: "footnote",
          attrs: { id: "a1b2c3d4e5f60718" },
          content: [
            text("See "),
            { type: "citation", attrs: { sourceId: "6f1e2d3c-0000-4000-8000-000000000001", pinpoint: "para. 186.60", label: "A/HRC/25/5, para. 186.60" } },
            text("; "),
            text("Ibid.", [{ type: "italic" }]),
          ],
        },
        text(" It entered into force."),
      ]),
    ],
  },
  "a recommendation block": {
    type: "doc",
    content: [
      {
        type: "recommendation",
        attrs: {
          libraryId: "6f1e2d3c-0000-4000-8000-000000000002",
          text: "Guarantee the freedom of expression of human rights defenders",
          body: "UPR",
          symbol: "A/HRC/25/5",
          paragraph: "186.60",
          recommendingStates: "Ghana",
          response: "supported",
          cycle: "2",
        },
      },
      para([text("It has not been implemented.")]),
    ],
  },
};

describe("document schema round trips (JSON → Y.Doc → JSON)", () => {
  for (const [name, json] of Object.entries(CASES)) {
    it(name, () => {
      expect(roundTrip(json)).toEqual(json);
    });
  }

  it("refuses a citation outside a footnote and a footnote inside a footnote", () => {
    const schema = documentSchema();
    const cite = { type: "citation", attrs: { sourceId: null, pinpoint: "", label: "x" } };
    expect(() => schema.nodeFromJSON({ type: "doc", content: [para([cite])] }).check()).toThrow();
    const nested = { type: "footnote", attrs: { id: "1" }, content: [{ type: "footnote", attrs: { id: "2" }, content: [text("x")] }] };
    expect(() => schema.nodeFromJSON({ type: "doc", content: [para([nested])] }).check()).toThrow();
  });

  it("reads the body, then the notes, into the plain text", () => {
    const doc = prosemirrorJSONToYDoc(documentSchema(), CASES["footnotes with rich content and a citation"]!, BODY_FIELD);
    expect(canonicalDocument(doc).text).toBe("The law was adopted in 2015. It entered into force.\n\nSee A/HRC/25/5, para. 186.60; Ibid.");
    const withRecommendation = prosemirrorJSONToYDoc(documentSchema(), CASES["a recommendation block"]!, BODY_FIELD);
    expect(canonicalDocument(withRecommendation).text).toBe(
      "Guarantee the freedom of expression of human rights defenders\n\nIt has not been implemented.",
    );
  });
});
