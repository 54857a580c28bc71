import { describe, expect, it } from "vitest";
import { count, plural } from "./count";

describe("count", () => {
  it("writes one in the singular and every other number in the plural", () => {
    expect(count(1, "warning")).toBe("1 warning");
    expect(count(0, "warning")).toBe("0 warnings");
    expect(count(2, "error")).toBe("2 errors");
    expect(count(1200, "word")).toBe("1,200 words");
    expect(count(1.5, "word")).toBe("1.5 words");
  });

  it("takes an irregular plural", () => {
    expect(count(1, "text box", "text boxes")).toBe("1 text box");
    expect(count(3, "text box", "text boxes")).toBe("3 text boxes");
    expect(plural(1, "person", "people")).toBe("person");
    expect(plural(4, "person", "people")).toBe("people");
  });
});
