import { describe, expect, it } from "vitest";
import { insertMention, mentionQuery } from "./mention-text";

describe("insertMention", () => {
  it("writes the name and one space at the end of the text, the caret after it", () => {
    const typed = "Which source says so? @Ami";
    const query = mentionQuery(typed, typed.length)!;
    const result = insertMention(typed, query.start, typed.length, "Amina Diallo");
    expect(result).toEqual({ text: "Which source says so? @Amina Diallo ", caret: 36, addedSpace: true });
  });

  it("adds no second space before text that already starts with one", () => {
    const typed = "Ask @Ko about it";
    const caret = "Ask @Ko".length;
    const query = mentionQuery(typed, caret)!;
    const result = insertMention(typed, query.start, caret, "Kofi Mensah");
    expect(result.text).toBe("Ask @Kofi Mensah about it");
    expect(result.text).not.toContain("  ");
    // The caret goes past the existing space, ready for the next word.
    expect(result.text.slice(0, result.caret)).toBe("Ask @Kofi Mensah ");
    expect(result.addedSpace).toBe(false);
  });
});
