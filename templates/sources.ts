/**
 * Where each template rule comes from (docs/domain.md §1, with its confidence there).
 * A coordinator can open the link from the template gallery before trusting a limit.
 */
export const SOURCES = {
  uprThirdCycleGuidelines:
    "https://docsbay.net/doc/1180997/universal-periodic-review-third-cycle-information-and-guidelines-for-relevant-stakeholders",
  uprTechnicalGuide2008: "http://www.ohchr.org/EN/HRBodies/UPR/Pages/TechnicalGuide.aspx",
  uprPracticeSummary: "https://mnadvocates.org/basic_5",
  uprStakeholdersPage: "https://www.ohchr.org/en/hr-bodies/upr/ngos-nhris",
  uprMidTermManual: "https://tr.scribd.com/document/391760730/UPR-MANUAL-PARTICIPACION-Upr-Midterm-Report-Web-v1-High",
  uprInfoFollowUp: "http://followup.upr-info.org/",
  ccpr: "https://www.ohchr.org/en/treaty-bodies/ccpr/information-civil-society-ngos-and-national-human-rights-institutions",
  cedaw: "https://cedaw.iwraw-ap.org/cedaw80/",
  crcListOfIssues: "https://crcreporting.childrightsconnect.org/written-inputs-to-list-of-issues-prior-to-reporting/",
  crc: "https://www.ohchr.org/en/treaty-bodies/crc/information-civil-society-ngos-and-nhris",
  cescr: "https://www.ohchr.org/en/treaty-bodies/cescr/guidelines-civil-society-ngos-and-nhris",
  cat: "https://atlas-of-torture.org/en/entity/4inasn068jtf1m0vqgacsaif6r",
  catFollowUp: "https://www.stopvaw.org/Reporting_Mechanism_-_Committee_against_Torture",
  cerd: "https://www.scribd.com/document/560308788/CERD-C-506-33415-E",
  crpd: "https://studylib.net/doc/17677314/crpd-c-11-2-annex-ii",
  treatyFollowUp: "https://docslib.org/doc/13917236/committee-in-the-elimination-of-racial-discrimination",
} as const;
