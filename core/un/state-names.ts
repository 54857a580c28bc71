import type { DocumentLanguage } from "../i18n/locales";

/**
 * ISO 3166-1 alpha-2 for each State's alpha-3 code: what Intl.DisplayNames names regions by.
 * Data only, in the order of UN_STATES.
 */
const ALPHA2 = Object.fromEntries(
  (
    "AFG:AF ALB:AL DZA:DZ AND:AD AGO:AO ATG:AG ARG:AR ARM:AM AUS:AU AUT:AT AZE:AZ BHS:BS BHR:BH BGD:BD BRB:BB BLR:BY BEL:BE BLZ:BZ " +
    "BEN:BJ BTN:BT BOL:BO BIH:BA BWA:BW BRA:BR BRN:BN BGR:BG BFA:BF BDI:BI CPV:CV KHM:KH CMR:CM CAN:CA CAF:CF TCD:TD CHL:CL CHN:CN " +
    "COL:CO COM:KM COG:CG CRI:CR CIV:CI HRV:HR CUB:CU CYP:CY CZE:CZ PRK:KP COD:CD DNK:DK DJI:DJ DMA:DM DOM:DO ECU:EC EGY:EG SLV:SV " +
    "GNQ:GQ ERI:ER EST:EE SWZ:SZ ETH:ET FJI:FJ FIN:FI FRA:FR GAB:GA GMB:GM GEO:GE DEU:DE GHA:GH GRC:GR GRD:GD GTM:GT GIN:GN GNB:GW " +
    "GUY:GY HTI:HT HND:HN HUN:HU ISL:IS IND:IN IDN:ID IRN:IR IRQ:IQ IRL:IE ISR:IL ITA:IT JAM:JM JPN:JP JOR:JO KAZ:KZ KEN:KE KIR:KI " +
    "KWT:KW KGZ:KG LAO:LA LVA:LV LBN:LB LSO:LS LBR:LR LBY:LY LIE:LI LTU:LT LUX:LU MDG:MG MWI:MW MYS:MY MDV:MV MLI:ML MLT:MT MHL:MH " +
    "MRT:MR MUS:MU MEX:MX FSM:FM MCO:MC MNG:MN MNE:ME MAR:MA MOZ:MZ MMR:MM NAM:NA NRU:NR NPL:NP NLD:NL NZL:NZ NIC:NI NER:NE NGA:NG " +
    "MKD:MK NOR:NO OMN:OM PAK:PK PLW:PW PAN:PA PNG:PG PRY:PY PER:PE PHL:PH POL:PL PRT:PT QAT:QA KOR:KR MDA:MD ROU:RO RUS:RU RWA:RW " +
    "KNA:KN LCA:LC VCT:VC WSM:WS SMR:SM STP:ST SAU:SA SEN:SN SRB:RS SYC:SC SLE:SL SGP:SG SVK:SK SVN:SI SLB:SB SOM:SO ZAF:ZA SSD:SS " +
    "ESP:ES LKA:LK SDN:SD SUR:SR SWE:SE CHE:CH SYR:SY TJK:TJ THA:TH TLS:TL TGO:TG TON:TO TTO:TT TUN:TN TUR:TR TKM:TM TUV:TV UGA:UG " +
    "UKR:UA ARE:AE GBR:GB TZA:TZ USA:US URY:UY UZB:UZ VUT:VU VEN:VE VNM:VN YEM:YE ZMB:ZM ZWE:ZW VAT:VA PSE:PS"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string])
);

type Names = Partial<Record<Exclude<DocumentLanguage, "en">, string>>;

/**
 * Where the UN's own short name differs from the common one CLDR gives ("Fédération de Russie",
 * not "Russie"; "Saint-Siège", not "État de la Cité du Vatican"): the names of the UN's
 * terminology database (UNTERM), as its documents in each language print them.
 */
const UN_NAMES: Record<string, Names> = {
  BOL: {
    fr: "Bolivie (État plurinational de)",
    es: "Bolivia (Estado Plurinacional de)",
    ar: "بوليفيا (دولة - المتعددة القوميات)",
    zh: "多民族玻利维亚国",
    ru: "Боливия (Многонациональное Государство)",
  },
  VEN: {
    fr: "Venezuela (République bolivarienne du)",
    es: "Venezuela (República Bolivariana de)",
    ar: "فنزويلا (جمهورية - البوليفارية)",
    zh: "委内瑞拉玻利瓦尔共和国",
    ru: "Венесуэла (Боливарианская Республика)",
  },
  IRN: {
    fr: "Iran (République islamique d')",
    es: "Irán (República Islámica del)",
    ar: "إيران (جمهورية - الإسلامية)",
    zh: "伊朗伊斯兰共和国",
    ru: "Иран (Исламская Республика)",
  },
  KOR: {
    fr: "République de Corée",
    es: "República de Corea",
    ar: "جمهورية كوريا",
    zh: "大韩民国",
    ru: "Республика Корея",
  },
  PRK: {
    fr: "République populaire démocratique de Corée",
    es: "República Popular Democrática de Corea",
    ar: "جمهورية كوريا الشعبية الديمقراطية",
    zh: "朝鲜民主主义人民共和国",
    ru: "Корейская Народно-Демократическая Республика",
  },
  MDA: {
    fr: "République de Moldova",
    es: "República de Moldova",
    ar: "جمهورية مولدوفا",
    zh: "摩尔多瓦共和国",
    ru: "Республика Молдова",
  },
  RUS: {
    fr: "Fédération de Russie",
    es: "Federación de Rusia",
    ar: "الاتحاد الروسي",
    zh: "俄罗斯联邦",
    ru: "Российская Федерация",
  },
  SYR: {
    fr: "République arabe syrienne",
    es: "República Árabe Siria",
    ar: "الجمهورية العربية السورية",
    zh: "阿拉伯叙利亚共和国",
    ru: "Сирийская Арабская Республика",
  },
  TZA: {
    fr: "République-Unie de Tanzanie",
    es: "República Unida de Tanzanía",
    ar: "جمهورية تنزانيا المتحدة",
    zh: "坦桑尼亚联合共和国",
    ru: "Объединенная Республика Танзания",
  },
  GBR: {
    fr: "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    es: "Reino Unido de Gran Bretaña e Irlanda del Norte",
    ar: "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
    zh: "大不列颠及北爱尔兰联合王国",
    ru: "Соединенное Королевство Великобритании и Северной Ирландии",
  },
  USA: {
    fr: "États-Unis d'Amérique",
    es: "Estados Unidos de América",
    ar: "الولايات المتحدة الأمريكية",
    zh: "美利坚合众国",
    ru: "Соединенные Штаты Америки",
  },
  LAO: {
    fr: "République démocratique populaire lao",
    es: "República Democrática Popular Lao",
    ar: "جمهورية لاو الديمقراطية الشعبية",
    zh: "老挝人民民主共和国",
    ru: "Лаосская Народно-Демократическая Республика",
  },
  COD: {
    fr: "République démocratique du Congo",
    es: "República Democrática del Congo",
    ar: "جمهورية الكونغو الديمقراطية",
    zh: "刚果民主共和国",
    ru: "Демократическая Республика Конго",
  },
  PSE: {
    fr: "État de Palestine",
    es: "Estado de Palestina",
    ar: "دولة فلسطين",
    zh: "巴勒斯坦国",
    ru: "Государство Палестина",
  },
  VAT: {
    fr: "Saint-Siège",
    es: "Santa Sede",
    ar: "الكرسي الرسولي",
    zh: "教廷",
    ru: "Святой Престол",
  },
  TUR: {
    fr: "Türkiye",
    es: "Türkiye",
    ar: "تركيا",
    zh: "土耳其",
    ru: "Турция",
  },
  CZE: { fr: "Tchéquie", es: "Chequia", ar: "تشيكيا", zh: "捷克", ru: "Чехия" },
  CIV: {
    fr: "Côte d'Ivoire",
    es: "Côte d'Ivoire",
    ar: "كوت ديفوار",
    zh: "科特迪瓦",
    ru: "Кот-д'Ивуар",
  },
  FSM: {
    fr: "Micronésie (États fédérés de)",
    es: "Micronesia (Estados Federados de)",
    ar: "ميكرونيزيا (ولايات - الموحدة)",
    zh: "密克罗尼西亚联邦",
    ru: "Микронезия (Федеративные Штаты)",
  },
  VNM: {
    fr: "Viet Nam",
    es: "Viet Nam",
    ar: "فييت نام",
    zh: "越南",
    ru: "Вьетнам",
  },
  TLS: {
    fr: "Timor-Leste",
    es: "Timor-Leste",
    ar: "تيمور - ليشتي",
    zh: "东帝汶",
    ru: "Тимор-Лешти",
  },
  CPV: {
    fr: "Cabo Verde",
    es: "Cabo Verde",
    ar: "كابو فيردي",
    zh: "佛得角",
    ru: "Кабо-Верде",
  },
  NLD: {
    fr: "Pays-Bas (Royaume des)",
    es: "Países Bajos (Reino de los)",
    ar: "هولندا (مملكة -)",
    zh: "荷兰王国",
    ru: "Нидерланды (Королевство)",
  },
};

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * A State's name in a document language other than English: the UN's own short name where it
 * differs from the common one, otherwise the region's name in CLDR (Intl.DisplayNames); null
 * when neither knows it (the caller then prints the English UN name).
 */
export function localStateName(code: string, language: Exclude<DocumentLanguage, "en">): string | null {
  const own = UN_NAMES[code]?.[language];
  if (own) return own;
  const region = ALPHA2[code];
  if (!region) return null;
  let names = displayNames.get(language);
  if (!names)
    displayNames.set(
      language,
      (names = new Intl.DisplayNames([language], {
        type: "region",
        fallback: "none",
      }))
    );
  return names.of(region) ?? null;
}
