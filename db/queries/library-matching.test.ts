import { expect, it } from "vitest";
import { recommendationSearchKeys } from "../../core/library/search-document";
import { NO_RESPONSE } from "../../core/library/search-query";
import { buildRecommendation } from "../../test/library-factories";
import { LibraryIndexBuilder, NO_DATE } from "./library-index";
import { similarRows } from "./library-matching";

// similarRows() maps keys back to rows from the index's fields, mirroring what
// recommendationSearchKeys() writes; if that function gains a field, this fails.
it("maps every search key a record is stored with back to the record", () => {
  const record = buildRecommendation({ recommendingStates: ["Ghana", "Peru"], themes: ["Right to health"], affectedPersons: ["Children"] });
  const builder = new LibraryIndexBuilder(2);
  const row = { seq: 1, cycle: record.cycle, response: record.response ?? NO_RESPONSE, date: NO_DATE, sdgGoals: record.sdgGoals };
  builder.add({ ...row, ...record, ...row });
  builder.add({ ...row, seq: 2, body: "CRC", stateUnderReview: "NOR", symbol: "CRC/C/NOR/CO/6", paragraph: "", recommendingStates: [], themes: [], affectedPersons: [] });
  const index = builder.build("library", "revision");
  const keys = recommendationSearchKeys(record).split(" | ");
  expect(keys).toEqual(expect.arrayContaining(["A/HRC/25/5", "186.60", "China", "CHN", "UPR", "Peru", "Right to health", "Children"]));
  for (const key of keys) expect([...similarRows(index, new Map([[key, 0.25]])).rows], key).toEqual([0]);
});
