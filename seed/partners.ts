/**
 * Partner directory profiles for seeding and benchmarks.
 *
 * Pure and dependency-free: `generatePartners(count, seed)` is deterministic, and the list for a
 * smaller count is always a prefix of the list for a larger count with the same seed (each row is
 * derived from its own index and the seed; only the per-name domain counter looks back, in order).
 *
 * Density for everyday searches at small counts is guaranteed by construction rather than by luck:
 *  - the first rows follow a fixed (country, service focus) plan;
 *  - after that, the headquarters country follows a smooth weighted round-robin over a period of 100
 *    (US 22, GB 10, DE 10, every other country at least 2), rotated by the seed;
 *  - the focus service cycles through a seed-shuffled order of SERVICES;
 *  - the company's size tier is stratified: every block of 10 rows holds each of 10 tiers once.
 */

// ---------------------------------------------------------------------------------------------
// Public vocabulary
// ---------------------------------------------------------------------------------------------

import { COUNTRIES, SIZE_BANDS, type SizeBand } from "@/db/catalog";

export { COUNTRIES, SIZE_BANDS, SIZE_BAND_LABELS, type Country, type SizeBand } from "@/db/catalog";

export interface PartnerLocation {
  country: string;
  city: string;
}

export interface GeneratedPartner {
  slug: string;
  name: string;
  domain: string;
  headline: string;
  description: string;
  services: string[];
  industries: string[];
  certifications: string[];
  sizesServed: SizeBand[];
  locations: PartnerLocation[];
  website: string;
  contactEmail: string;
  contactPhone: string;
  employeeCount: number;
  rating: number;
  /** How many customer reviews the rating averages. */
  reviewCount: number;
  yearFounded: number;
}

type Region =
  | "northAmerica"
  | "britishIsles"
  | "oceania"
  | "dach"
  | "benelux"
  | "nordic"
  | "france"
  | "iberia"
  | "italy"
  | "ceu"
  | "japan"
  | "india"
  | "sea"
  | "za"
  | "gulf";

interface CountryData {
  code: string;
  name: string;
  /** Needs "the" in running text ("the United States"). */
  the: boolean;
  cities: readonly string[];
  /** Phone area part per city (parallel to `cities`); "#" becomes a digit. */
  areas: readonly string[];
  /** Phone pattern; "{a}" is replaced by the city's area part, "#" by a digit, "%" by a digit 2–9. */
  phone: string;
  /** Share of headquarters, out of 100 across all countries. */
  weight: number;
  legal: readonly string[];
  legalRate: number;
  neighbors: readonly string[];
  region: Region;
  /** US spelling ("organization") rather than British ("organisation"). */
  us: boolean;
}

const GENERATOR_DATA: readonly Omit<CountryData, "name" | "cities">[] = [
  {
    code: "US", the: true, weight: 22, region: "northAmerica", us: true,
    areas: ["212", "312", "206", "512", "617", "404", "303", "214"],
    phone: "+1 ({a}) 555-01##", legal: ["Inc.", "LLC"], legalRate: 0.35, neighbors: ["CA", "MX", "GB"],
  },
  {
    code: "GB", the: true, weight: 10, region: "britishIsles", us: false,
    areas: ["20 7946 0", "161 496 0", "121 496 0", "113 496 0", "141 496 0", "131 496 0", "117 496 0"],
    phone: "+44 {a}###", legal: ["Ltd"], legalRate: 0.45, neighbors: ["IE", "NL", "US"],
  },
  {
    code: "DE", the: false, weight: 10, region: "dach", us: false,
    areas: ["30", "89", "40", "69", "221", "711", "211", "341"],
    phone: "+49 {a} %######", legal: ["GmbH", "GmbH", "AG"], legalRate: 0.6, neighbors: ["AT", "CH", "NL", "PL"],
  },
  {
    code: "FR", the: false, weight: 4, region: "france", us: false,
    areas: ["1", "4", "4", "5", "3", "5", "2", "4"],
    phone: "+33 {a} ## ## ## ##", legal: ["SAS", "SAS", "S.A."], legalRate: 0.45, neighbors: ["BE", "CH", "ES"],
  },
  {
    code: "NL", the: true, weight: 3, region: "benelux", us: false,
    areas: ["20", "10", "70", "30", "40", "50"],
    phone: "+31 {a} %## ####", legal: ["B.V."], legalRate: 0.55, neighbors: ["BE", "DE", "GB"],
  },
  {
    code: "CA", the: false, weight: 4, region: "northAmerica", us: true,
    areas: ["416", "604", "514", "403", "613", "780"],
    phone: "+1 ({a}) 555-01##", legal: ["Inc.", "Ltd."], legalRate: 0.35, neighbors: ["US"],
  },
  {
    code: "AU", the: false, weight: 4, region: "oceania", us: false,
    areas: ["2 5550", "3 7010", "7 5550", "8 5550", "8 5550", "2 5550"],
    phone: "+61 {a} ####", legal: ["Pty Ltd"], legalRate: 0.5, neighbors: ["NZ", "SG"],
  },
  {
    code: "IN", the: false, weight: 3, region: "india", us: false,
    areas: ["80", "22", "11", "40", "20", "44"],
    phone: "+91 {a} %### ####", legal: ["Pvt Ltd"], legalRate: 0.5, neighbors: ["SG", "AE", "GB"],
  },
  {
    code: "JP", the: false, weight: 2, region: "japan", us: true,
    areas: ["3-####", "6-####", "45-###", "52-###", "92-###", "11-###"],
    phone: "+81 {a}-####", legal: ["K.K."], legalRate: 0.4, neighbors: ["SG", "AU", "US"],
  },
  {
    code: "BR", the: false, weight: 2, region: "iberia", us: true,
    areas: ["11", "21", "31", "41", "51", "61"],
    phone: "+55 {a} %###-####", legal: ["Ltda."], legalRate: 0.5, neighbors: ["PT", "MX"],
  },
  {
    code: "MX", the: false, weight: 2, region: "iberia", us: true,
    areas: ["55 ####", "33 ####", "81 ####", "222 ###", "442 ###", "664 ###"],
    phone: "+52 {a} ####", legal: ["S.A. de C.V."], legalRate: 0.4, neighbors: ["US", "ES"],
  },
  {
    code: "ES", the: false, weight: 2, region: "iberia", us: false,
    areas: ["91", "93", "96", "95", "94", "95"],
    phone: "+34 {a}% ### ###", legal: ["S.L.", "S.A."], legalRate: 0.5, neighbors: ["PT", "FR", "MX"],
  },
  {
    code: "IT", the: false, weight: 2, region: "italy", us: false,
    areas: ["02", "06", "011", "051", "055", "081"],
    phone: "+39 {a} %## ####", legal: ["S.r.l.", "S.p.A."], legalRate: 0.5, neighbors: ["CH", "FR", "AT"],
  },
  {
    code: "SE", the: false, weight: 2, region: "nordic", us: false,
    areas: ["8", "31", "40", "18", "13", "21"],
    phone: "+46 {a} %## ## ##", legal: ["AB"], legalRate: 0.6, neighbors: ["NO", "DK", "FI"],
  },
  {
    code: "PL", the: false, weight: 2, region: "ceu", us: false,
    areas: ["22", "12", "71", "58", "61", "42"],
    phone: "+48 {a} %## ## ##", legal: ["Sp. z o.o."], legalRate: 0.6, neighbors: ["DE", "CZ"],
  },
  {
    code: "IE", the: false, weight: 2, region: "britishIsles", us: false,
    areas: ["1", "21", "91", "61", "51"],
    phone: "+353 {a} %## ####", legal: ["Ltd"], legalRate: 0.45, neighbors: ["GB"],
  },
  {
    code: "SG", the: false, weight: 2, region: "sea", us: false,
    areas: ["6###", "6###", "6###", "6###", "6###"],
    phone: "+65 {a} ####", legal: ["Pte Ltd"], legalRate: 0.55, neighbors: ["AU", "IN", "JP"],
  },
  {
    code: "ZA", the: false, weight: 2, region: "za", us: false,
    areas: ["11", "21", "31", "12", "41", "51"],
    phone: "+27 {a} %## ####", legal: ["(Pty) Ltd"], legalRate: 0.5, neighbors: ["GB", "AE"],
  },
  {
    code: "NZ", the: false, weight: 2, region: "oceania", us: false,
    areas: ["9", "4", "3", "7", "7", "3"],
    phone: "+64 {a} %## ####", legal: ["Ltd"], legalRate: 0.45, neighbors: ["AU"],
  },
  {
    code: "CH", the: false, weight: 2, region: "dach", us: false,
    areas: ["44", "22", "61", "31", "21", "41"],
    phone: "+41 {a} %## ## ##", legal: ["AG", "GmbH"], legalRate: 0.6, neighbors: ["DE", "AT", "FR", "IT"],
  },
  {
    code: "AT", the: false, weight: 2, region: "dach", us: false,
    areas: ["1", "316", "732", "662", "512"],
    phone: "+43 {a} %######", legal: ["GmbH"], legalRate: 0.6, neighbors: ["DE", "CH", "CZ"],
  },
  {
    code: "BE", the: false, weight: 2, region: "benelux", us: false,
    areas: ["2 ###", "3 ###", "9 ###", "4 ###", "16 ##", "50 ##"],
    phone: "+32 {a} ## ##", legal: ["BV", "SRL", "NV"], legalRate: 0.5, neighbors: ["NL", "FR", "DE"],
  },
  {
    code: "DK", the: false, weight: 2, region: "nordic", us: false,
    areas: ["3#", "8#", "6#", "9#", "7#"],
    phone: "+45 {a} ## ## ##", legal: ["ApS", "A/S"], legalRate: 0.55, neighbors: ["SE", "NO", "DE"],
  },
  {
    code: "NO", the: false, weight: 2, region: "nordic", us: false,
    areas: ["2#", "5#", "7#", "5#", "3#", "7#"],
    phone: "+47 {a} ## ## ##", legal: ["AS"], legalRate: 0.6, neighbors: ["SE", "DK"],
  },
  {
    code: "FI", the: false, weight: 2, region: "nordic", us: false,
    areas: ["9", "9", "3", "2", "8"],
    phone: "+358 {a} %## ####", legal: ["Oy"], legalRate: 0.6, neighbors: ["SE", "NO"],
  },
  {
    code: "PT", the: false, weight: 2, region: "iberia", us: false,
    areas: ["21 ### ####", "22 ### ####", "253 ### ###", "239 ### ###", "289 ### ###"],
    phone: "+351 {a}", legal: ["Lda."], legalRate: 0.5, neighbors: ["ES", "BR"],
  },
  {
    code: "AE", the: true, weight: 2, region: "gulf", us: false,
    areas: ["4", "2", "6", "6", "7"],
    phone: "+971 {a} %## ####", legal: ["LLC", "FZ-LLC"], legalRate: 0.45, neighbors: ["IN", "GB"],
  },
  {
    code: "CZ", the: false, weight: 2, region: "ceu", us: false,
    areas: ["2##", "5##", "59#", "37#", "58#"],
    phone: "+420 {a} ### ###", legal: ["s.r.o."], legalRate: 0.6, neighbors: ["PL", "AT", "DE"],
  },
];

/** Each catalog country with how the generator writes partners there. */
const COUNTRY_DATA: readonly CountryData[] = GENERATOR_DATA.map((data) => {
  const country = COUNTRIES.find((c) => c.code === data.code);
  if (!country) throw new Error(`Country ${data.code} is not in the catalog`);
  return { ...data, name: country.name, cities: country.cities };
});


export const SERVICES: string[] = [
  "Security",
  "Identity & access management",
  "Endpoint security",
  "Email security",
  "Cybersecurity assessment",
  "Compliance",
  "Data governance",
  "Cloud migration",
  "Email migration",
  "Tenant-to-tenant migration",
  "Microsoft 365 licensing",
  "Teams voice & calling",
  "Teams meeting rooms",
  "Device management",
  "Windows deployment",
  "Hybrid work",
  "Training & adoption",
  "SharePoint & intranets",
  "Copilot readiness",
  "Power Platform apps",
  "Dynamics 365",
  "Business intelligence",
  "Data & AI",
  "Custom development",
  "Azure infrastructure",
  "Azure Virtual Desktop",
  "Backup & recovery",
  "Networking",
  "Managed IT services",
  "Help desk support",
  "IT strategy",
];

export const INDUSTRIES: string[] = [
  "Healthcare",
  "Financial services",
  "Manufacturing",
  "Retail",
  "Education",
  "Government",
  "Nonprofit",
  "Legal",
  "Professional services",
  "Hospitality",
  "Energy",
  "Media",
  "Transportation",
  "Construction",
  "Agriculture",
  "Life sciences",
];

export const CERTIFICATIONS: string[] = [
  "Solutions Partner for Security",
  "Solutions Partner for Modern Work",
  "Solutions Partner for Infrastructure (Azure)",
  "Solutions Partner for Data & AI (Azure)",
  "Solutions Partner for Business Applications",
  "Specialization: Identity and Access Management",
  "Specialization: Threat Protection",
  "Specialization: Teams Meetings and Meeting Rooms",
  "Specialization: Adoption and Change Management",
  "Specialization: Cloud Security",
  "ISO 27001",
  "SOC 2 Type II",
];

// ---------------------------------------------------------------------------------------------
// Internal data (private copies: callers mutating the exported arrays cannot change the output)
// ---------------------------------------------------------------------------------------------

const SERVICE_LIST: readonly string[] = [...SERVICES];
const INDUSTRY_LIST: readonly string[] = [...INDUSTRIES];
const CERT_LIST: readonly string[] = [...CERTIFICATIONS];

/** Relative popularity of each service as a secondary offering. */
const SERVICE_WEIGHTS: Readonly<Record<string, number>> = {
  "Security": 9,
  "Identity & access management": 6,
  "Endpoint security": 6,
  "Email security": 4,
  "Cybersecurity assessment": 5,
  "Compliance": 5,
  "Data governance": 4,
  "Cloud migration": 8,
  "Email migration": 6,
  "Tenant-to-tenant migration": 3,
  "Microsoft 365 licensing": 8,
  "Teams voice & calling": 5,
  "Teams meeting rooms": 3,
  "Device management": 7,
  "Windows deployment": 4,
  "Hybrid work": 4,
  "Training & adoption": 6,
  "SharePoint & intranets": 5,
  "Copilot readiness": 5,
  "Power Platform apps": 5,
  "Dynamics 365": 4,
  "Business intelligence": 4,
  "Data & AI": 3,
  "Custom development": 3,
  "Azure infrastructure": 6,
  "Azure Virtual Desktop": 4,
  "Backup & recovery": 7,
  "Networking": 5,
  "Managed IT services": 9,
  "Help desk support": 7,
  "IT strategy": 4,
};

/** Services that naturally go together; a partner's extra services lean towards its focus's groups. */
const SERVICE_GROUPS: readonly (readonly string[])[] = [
  ["Security", "Identity & access management", "Endpoint security", "Email security", "Cybersecurity assessment", "Compliance", "Data governance"],
  ["Cloud migration", "Email migration", "Tenant-to-tenant migration", "Azure infrastructure", "Azure Virtual Desktop", "Backup & recovery", "Networking"],
  ["Microsoft 365 licensing", "Teams voice & calling", "Teams meeting rooms", "Device management", "Windows deployment", "Hybrid work", "Training & adoption", "SharePoint & intranets", "Copilot readiness"],
  ["Power Platform apps", "Dynamics 365", "Business intelligence", "Data & AI", "Custom development", "SharePoint & intranets", "Data governance"],
  ["Managed IT services", "Help desk support", "IT strategy", "Device management", "Backup & recovery", "Microsoft 365 licensing", "Networking", "Endpoint security"],
];

const INDUSTRY_WEIGHTS: Readonly<Record<string, number>> = {
  "Healthcare": 9,
  "Financial services": 9,
  "Manufacturing": 9,
  "Retail": 7,
  "Education": 7,
  "Government": 6,
  "Nonprofit": 6,
  "Legal": 6,
  "Professional services": 9,
  "Hospitality": 4,
  "Energy": 4,
  "Media": 3,
  "Transportation": 4,
  "Construction": 5,
  "Agriculture": 3,
  "Life sciences": 4,
};

const SERVICE_CERTS: Readonly<Record<string, readonly string[]>> = {
  "Security": ["Solutions Partner for Security", "Specialization: Threat Protection", "Specialization: Cloud Security"],
  "Identity & access management": ["Solutions Partner for Security", "Specialization: Identity and Access Management"],
  "Endpoint security": ["Solutions Partner for Security", "Specialization: Threat Protection"],
  "Email security": ["Solutions Partner for Security", "Specialization: Threat Protection"],
  "Cybersecurity assessment": ["Solutions Partner for Security", "Specialization: Cloud Security"],
  "Compliance": ["Solutions Partner for Security"],
  "Data governance": ["Solutions Partner for Security", "Solutions Partner for Data & AI (Azure)"],
  "Cloud migration": ["Solutions Partner for Infrastructure (Azure)"],
  "Email migration": ["Solutions Partner for Modern Work"],
  "Tenant-to-tenant migration": ["Solutions Partner for Modern Work"],
  "Microsoft 365 licensing": ["Solutions Partner for Modern Work"],
  "Teams voice & calling": ["Solutions Partner for Modern Work", "Specialization: Teams Meetings and Meeting Rooms"],
  "Teams meeting rooms": ["Solutions Partner for Modern Work", "Specialization: Teams Meetings and Meeting Rooms"],
  "Device management": ["Solutions Partner for Modern Work"],
  "Windows deployment": ["Solutions Partner for Modern Work"],
  "Hybrid work": ["Solutions Partner for Modern Work"],
  "Training & adoption": ["Solutions Partner for Modern Work", "Specialization: Adoption and Change Management"],
  "SharePoint & intranets": ["Solutions Partner for Modern Work"],
  "Copilot readiness": ["Solutions Partner for Modern Work", "Specialization: Adoption and Change Management"],
  "Power Platform apps": ["Solutions Partner for Business Applications"],
  "Dynamics 365": ["Solutions Partner for Business Applications"],
  "Business intelligence": ["Solutions Partner for Data & AI (Azure)"],
  "Data & AI": ["Solutions Partner for Data & AI (Azure)"],
  "Custom development": [],
  "Azure infrastructure": ["Solutions Partner for Infrastructure (Azure)"],
  "Azure Virtual Desktop": ["Solutions Partner for Infrastructure (Azure)"],
  "Backup & recovery": ["Solutions Partner for Infrastructure (Azure)"],
  "Networking": ["Solutions Partner for Infrastructure (Azure)"],
  "Managed IT services": ["Solutions Partner for Modern Work"],
  "Help desk support": [],
  "IT strategy": [],
};

// Company-name vocabulary ---------------------------------------------------------------------

const BRAND_WORDS: readonly string[] = [
  "Bluefin", "Kestrel", "Cobalt", "Harbor", "Summit", "Cedar", "Granite", "Beacon", "Meridian", "Lumen",
  "Vantage", "Ironbridge", "Silverline", "Tidewater", "Redwood", "Alder", "Aspen", "Birchwood", "Copperleaf", "Falcon",
  "Osprey", "Heron", "Juniper", "Larkspur", "Maplewood", "Oakridge", "Pinecrest", "Riverbend", "Stonegate", "Trident",
  "Upland", "Vector", "Willow", "Zephyr", "Atlas", "Boreal", "Cascade", "Ember", "Glacier", "Halcyon",
  "Indigo", "Jasper", "Keystone", "Lantern", "Mosaic", "Nimbus", "Orbit", "Quill", "Rampart", "Sable",
  "Verdant", "Westbrook", "Yarrow", "Zenith", "Anchor", "Bastion", "Cirrus", "Driftwood", "Evergreen", "Foxglove",
  "Greystone", "Highland", "Kingfisher", "Lighthouse", "Marlin", "Northstar", "Obsidian", "Pelican", "Quartz", "Ridgeline",
  "Sparrow", "Thistle", "Waypoint", "Alpine", "Brightwater", "Clearpath", "Dovetail", "Fairway", "Goldcrest", "Hawthorn",
  "Lakeside", "Mistral", "Bluestone", "Silverbirch", "Skyline", "Tallgrass", "Bramble", "Cornerstone", "Flint", "Harvest",
  "Ironwood", "Longview", "Moorland", "Pinnacle", "Redstone", "Saltmarsh", "Stillwater", "Sunstone", "Trailhead", "Wildflower",
];

/** Short words that read well as the first half of a compound ("Cedarstack", "Falconpoint"). */
const COMPOUND_HEADS: readonly string[] = [
  "Cedar", "Falcon", "Harbor", "Summit", "Cobalt", "Granite", "Aspen", "Alder", "Copper", "Heron",
  "Kestrel", "Maple", "Oak", "Pine", "River", "Stone", "Willow", "Zephyr", "Atlas", "Ember",
  "Jasper", "Lumen", "Nimbus", "Orbit", "Quartz", "Sable", "Vector", "Birch", "Iron", "Silver",
  "Blue", "Red", "Bright", "Clear", "True", "Swift", "Sky", "Sun", "Wolf", "Lark",
];

const COMPOUND_TAILS: readonly string[] = [
  "soft", "logic", "byte", "stack", "point", "works", "path", "line", "gate", "bridge", "scale", "wave", "core", "field", "light",
];

const CORE_WORDS: readonly string[] = ["Cloud", "IT", "Tech", "Digital", "Systems", "Networks", "Data", "Cyber", "Logic", "Workplace"];

const SUFFIX_WORDS: readonly string[] = [
  "Solutions", "Partners", "Group", "Services", "Consulting", "Technologies", "Labs", "Works", "Advisory", "Collective", "Associates",
];

const PAIR_WORDS: readonly string[] = [
  "Fox", "Finch", "Wren", "Hare", "Oak", "Ash", "Birch", "Stone", "Crane", "Otter", "Heron", "Lark", "Badger", "Rook", "Thorn", "Elm",
];

const PAIR_TAILS: readonly string[] = ["IT", "Consulting", "Technology", "Digital", "Cloud", "Systems"];

const REGION_WORDS: Readonly<Record<Region, readonly string[]>> = {
  northAmerica: ["Hudson", "Cascadia", "Prairie", "Lakeshore", "Chinook", "Blue Ridge", "Great Lakes"],
  britishIsles: ["Thames", "Pennine", "Shannon", "Cotswold", "Severn", "Mersey", "Liffey"],
  oceania: ["Southern Cross", "Tasman", "Kauri", "Coral Sea", "Wattle", "Karri", "Pohutukawa"],
  dach: ["Alpen", "Rhein", "Elbe", "Isar", "Spree", "Weitblick", "Lichtwerk", "Nordlicht", "Bergblick"],
  benelux: ["Polder", "Gracht", "Maas", "Schelde", "Duin", "Tulip", "Dijk"],
  nordic: ["Fjord", "Norrsken", "Skog", "Havn", "Sisu", "Fjell", "Nordvik", "Lumi"],
  france: ["Azur", "Horizon", "Mistral", "Rivage", "Seine", "Lumière", "Vercors"],
  iberia: ["Sol", "Cumbre", "Brisa", "Serra", "Atlántico", "Tierra", "Marea", "Horizonte"],
  italy: ["Aurora", "Dolomiti", "Vela", "Orizzonte", "Tevere", "Levante", "Etna"],
  ceu: ["Tatra", "Vltava", "Baltic", "Bursztyn", "Karkonosze", "Morava"],
  japan: ["Sakura", "Hikari", "Kaze", "Mirai", "Sora", "Fuji", "Asahi"],
  india: ["Akash", "Tejas", "Kaveri", "Aarohan", "Nirmaan", "Sahyadri", "Prakash"],
  sea: ["Straits", "Marina", "Orchid", "Lion City", "Temasek", "Merlion"],
  za: ["Protea", "Karoo", "Baobab", "Table Bay", "Highveld", "Fynbos"],
  gulf: ["Oasis", "Dune", "Pearl", "Falconcrest", "Saqr", "Corniche"],
};

const ENGLISH_SURNAMES: readonly string[] = ["Caldwell", "Hartley", "Whitaker", "Donovan", "Brennan", "Mercer", "Foster", "Sutton", "Ellison", "Hayes", "Lawson", "Porter", "Quinn", "Sterling", "Walsh", "Doyle", "Gallagher", "Reyes", "Harper", "Bennett"];

const REGION_SURNAMES: Readonly<Record<Region, readonly string[]>> = {
  northAmerica: ENGLISH_SURNAMES,
  britishIsles: ENGLISH_SURNAMES,
  oceania: ENGLISH_SURNAMES,
  dach: ["Becker", "Hoffmann", "Krüger", "Schäfer", "Wagner", "Vogel", "Brandt", "Lehmann", "Keller", "Hartmann", "Weber", "Huber"],
  benelux: ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder", "Peeters", "Claes", "Maes"],
  nordic: ["Lindqvist", "Berg", "Holm", "Dahl", "Lund", "Nyberg", "Strand", "Virtanen", "Korhonen", "Sørensen", "Hansen"],
  france: ["Moreau", "Laurent", "Girard", "Fontaine", "Mercier", "Dubois", "Lefèvre", "Rousseau", "Garnier"],
  iberia: ["Navarro", "Ortega", "Castillo", "Herrera", "Silva", "Costa", "Ferreira", "Mendes", "Ramos", "Vega", "Almeida"],
  italy: ["Rossi", "Bianchi", "Conti", "Esposito", "Marino", "Greco", "Romano", "Gallo", "Ricci"],
  ceu: ["Nowak", "Kowalski", "Wiśniewski", "Zieliński", "Dvořák", "Novák", "Svoboda", "Lewandowski"],
  japan: ["Tanaka", "Sato", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura"],
  india: ["Sharma", "Iyer", "Mehta", "Reddy", "Kapoor", "Nair", "Rao", "Gupta", "Menon"],
  sea: ["Tan", "Lim", "Lee", "Ng", "Wong", "Goh", "Chua"],
  za: ["Naidoo", "van der Merwe", "Botha", "Pillay", "Nkosi", "Dlamini", "Mokoena"],
  gulf: ["Haddad", "Al Mansoori", "Khoury", "Nasser", "Farah", "Al Hashimi"],
};

// First rows: fixed (country, focus service, size band that must be served). ----------------

const FIXED_PLAN: readonly (readonly [string, string, SizeBand | null])[] = [
  ["US", "Security", "50-249"],
  ["GB", "Managed IT services", null],
  ["DE", "Cloud migration", null],
  ["FR", "Microsoft 365 licensing", null],
  ["US", "Endpoint security", "50-249"],
  ["NL", "Power Platform apps", null],
  ["CA", "Help desk support", null],
  ["DE", "Email migration", null],
  ["AU", "Teams voice & calling", null],
  ["US", "Cybersecurity assessment", "50-249"],
  ["IN", "Custom development", null],
  ["JP", "Device management", null],
  ["DE", "Tenant-to-tenant migration", null],
  ["US", "Email security", "50-249"],
  ["BR", "Dynamics 365", null],
  ["MX", "Networking", null],
  ["ES", "SharePoint & intranets", null],
  ["US", "Security", "50-249"],
  ["DE", "Cloud migration", null],
  ["IT", "Backup & recovery", null],
  ["SE", "Training & adoption", null],
  ["PL", "Azure infrastructure", null],
  ["US", "Endpoint security", "50-249"],
  ["IE", "Compliance", null],
  ["SG", "Copilot readiness", null],
  ["DE", "Email migration", null],
  ["ZA", "Identity & access management", null],
  ["US", "Cybersecurity assessment", "50-249"],
  ["NZ", "Hybrid work", null],
  ["CH", "Data governance", null],
  ["AT", "Windows deployment", null],
  ["DE", "Tenant-to-tenant migration", null],
  ["US", "Security", "50-249"],
  ["BE", "Business intelligence", null],
  ["DK", "Teams meeting rooms", null],
  ["NO", "Azure Virtual Desktop", null],
  ["FI", "Data & AI", null],
  ["PT", "IT strategy", null],
  ["AE", "Managed IT services", null],
  ["CZ", "Cloud migration", null],
];

// Size tiers: employee range, served-band bounds [loMin, loMax, hiMin, hiMax], extra locations.

interface Tier {
  employees: readonly [number, number];
  bands: readonly [number, number, number, number];
  maxCerts: number;
  maxLocations: number;
  years: number; // exponent on a uniform draw over 1985–2023: < 1 leans young, > 1 leans old
}

const TIERS: readonly Tier[] = [
  { employees: [2, 9], bands: [0, 0, 0, 1], maxCerts: 1, maxLocations: 1, years: 0.6 },
  { employees: [8, 19], bands: [0, 0, 1, 2], maxCerts: 1, maxLocations: 2, years: 0.75 },
  { employees: [15, 35], bands: [0, 1, 2, 2], maxCerts: 2, maxLocations: 2, years: 0.9 },
  { employees: [30, 60], bands: [1, 1, 2, 3], maxCerts: 2, maxLocations: 2, years: 1 },
  { employees: [50, 120], bands: [1, 2, 3, 3], maxCerts: 2, maxLocations: 2, years: 1.1 },
  { employees: [90, 250], bands: [1, 2, 3, 4], maxCerts: 3, maxLocations: 3, years: 1.3 },
  { employees: [180, 500], bands: [1, 2, 4, 4], maxCerts: 3, maxLocations: 3, years: 1.5 },
  { employees: [350, 1200], bands: [2, 3, 4, 5], maxCerts: 3, maxLocations: 3, years: 1.8 },
  { employees: [900, 4000], bands: [3, 3, 5, 5], maxCerts: 4, maxLocations: 4, years: 2.2 },
  { employees: [3000, 25000], bands: [3, 4, 5, 5], maxCerts: 4, maxLocations: 4, years: 2.6 },
];

const DEFAULT_SEED = 20_240_611;

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

function hash32(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32 */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = at(out, i);
      out[i] = at(out, j);
      out[j] = tmp;
    }
    return out;
  }
}

function at<T>(items: readonly T[], index: number): T {
  const v = items[index];
  if (v === undefined) throw new RangeError(`index ${index} out of range (${items.length})`);
  return v;
}

class Weighted {
  private readonly items: readonly string[];
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(items: readonly string[], weights: Readonly<Record<string, number>>) {
    this.items = items;
    let sum = 0;
    for (const item of items) {
      sum += weights[item] ?? 1;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }
  pick(rng: Rng): string {
    const r = rng.next() * this.total;
    const cumulative = this.cumulative;
    for (let i = 0; i < cumulative.length; i++) {
      if (r < at(cumulative, i)) return at(this.items, i);
    }
    return at(this.items, this.items.length - 1);
  }
}

const NON_ASCII = /[^\x00-\x7f]/;
const FOLD: Readonly<Record<string, string>> = { ø: "o", æ: "ae", ß: "ss", ł: "l", đ: "d", œ: "oe", þ: "th" };

/** ASCII-fold ("Düsseldorf" → "Dusseldorf", "Łódź" → "Lodz"). */
function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[øæßłđœþØÆŁĐŒÞ]/g, (c) => FOLD[c.toLowerCase()] ?? "");
}

function slugify(text: string): string {
  return fold(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Domain name from a company name: ASCII letters only ("Otter & Lark" → "otterlark"), at most 40. */
function domainLabel(raw: string): string {
  const label = fold(raw).toLowerCase().replace(/[^a-z]+/g, "").slice(0, 40);
  return label === "" ? "partner" : label;
}

function listJoin(items: readonly string[]): string {
  const n = items.length;
  if (n === 0) return "";
  if (n === 1) return at(items, 0);
  if (n === 2) return `${at(items, 0)} and ${at(items, 1)}`;
  let out = at(items, 0);
  for (let i = 1; i < n - 1; i++) out += `, ${at(items, i)}`;
  return `${out} and ${at(items, n - 1)}`;
}

/**
 * Collapse a string built by concatenation into one flat string (V8 flattens on first character
 * access). Long-lived profile text then holds no chains of intermediate pieces, which markedly
 * cuts the memory and garbage-collection work of a 100,000-row run.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatNumber(n: number): string {
  const s = String(n);
  if (s.length <= 3) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ",";
    out += s.charAt(i);
  }
  return out;
}

function fillDigits(pattern: string, rng: Rng): string {
  return pattern.replace(/[#%]/g, (ch) => String(ch === "#" ? Math.floor(rng.next() * 10) : 2 + Math.floor(rng.next() * 8)));
}

// ---------------------------------------------------------------------------------------------
// Precomputed lookups
// ---------------------------------------------------------------------------------------------

/** First words kept capitalised mid-sentence (proper names and acronyms). */
const PROPER_FIRST_WORDS = new Set(["Microsoft", "Teams", "SharePoint", "Power", "Dynamics", "Azure", "Copilot", "Windows", "IT"]);

/** Service names as used mid-sentence ("Cloud migration" → "cloud migration", "Azure infrastructure" unchanged). */
const SERVICE_MID = new Map<string, string>(
  SERVICE_LIST.map((s) => {
    const first = s.split(" ")[0] ?? s;
    return [s, PROPER_FIRST_WORDS.has(first) ? s : s.charAt(0).toLowerCase() + s.slice(1)];
  }),
);
const INDUSTRY_MID = new Map<string, string>(INDUSTRY_LIST.map((s) => [s, s.toLowerCase()]));

const COUNTRY_BY_CODE = new Map<string, CountryData>(COUNTRY_DATA.map((c) => [c.code, c]));
const CITY_SLUGS = new Map<string, string>(COUNTRY_DATA.flatMap((c) => c.cities.map((city) => [city, slugify(city)] as const)));
const SERVICE_PICKER = new Weighted(SERVICE_LIST, SERVICE_WEIGHTS);
const INDUSTRY_PICKER = new Weighted(INDUSTRY_LIST, INDUSTRY_WEIGHTS);
const GROUP_PICKERS: readonly Weighted[] = SERVICE_GROUPS.map((g) => new Weighted(g, SERVICE_WEIGHTS));
const GROUPS_OF_SERVICE = new Map<string, number[]>(
  SERVICE_LIST.map((s) => [s, SERVICE_GROUPS.flatMap((g, i) => (g.includes(s) ? [i] : []))]),
);
/** Bit i set = CERT_LIST[i] fits the service. */
const CERT_MASK_OF_SERVICE = new Map<string, number>(
  SERVICE_LIST.map((s) => [s, (SERVICE_CERTS[s] ?? []).reduce((m, c) => m | (1 << CERT_LIST.indexOf(c)), 0)]),
);
const certBit = (name: string): number => 1 << CERT_LIST.indexOf(name);
const DESIGNATION_MASK = CERT_LIST.filter((c) => c.startsWith("Solutions Partner")).reduce((m, c) => m | certBit(c), 0);
/** [specialization bit, designation bit it sits under] */
const SPECIALIZATION_PARENTS: readonly (readonly [number, number])[] = [
  [certBit("Specialization: Identity and Access Management"), certBit("Solutions Partner for Security")],
  [certBit("Specialization: Threat Protection"), certBit("Solutions Partner for Security")],
  [certBit("Specialization: Cloud Security"), certBit("Solutions Partner for Security")],
  [certBit("Specialization: Teams Meetings and Meeting Rooms"), certBit("Solutions Partner for Modern Work")],
  [certBit("Specialization: Adoption and Change Management"), certBit("Solutions Partner for Modern Work")],
];
const ISO_BIT = 1 << CERT_LIST.indexOf("ISO 27001");
const SOC_BIT = 1 << CERT_LIST.indexOf("SOC 2 Type II");

/** One period of a smooth weighted round-robin over headquarters countries (exact shares per period). */
const COUNTRY_PERIOD: readonly CountryData[] = (() => {
  const total = COUNTRY_DATA.reduce((sum, c) => sum + c.weight, 0);
  const current = COUNTRY_DATA.map(() => 0);
  const out: CountryData[] = [];
  for (let step = 0; step < total; step++) {
    let best = 0;
    for (let i = 0; i < COUNTRY_DATA.length; i++) {
      current[i] = at(current, i) + at(COUNTRY_DATA, i).weight;
      if (at(current, i) > at(current, best)) best = i;
    }
    current[best] = at(current, best) - total;
    out.push(at(COUNTRY_DATA, best));
  }
  return out;
})();

const TIER_INDEXES: readonly number[] = TIERS.map((_, i) => i);

// ---------------------------------------------------------------------------------------------
// Row generation
// ---------------------------------------------------------------------------------------------

interface NameParts {
  /** Name without legal suffix. */
  base: string;
  /** Raw domain name (letters are kept, everything else dropped; see `domainLabel`). */
  domain: string;
}

function makeName(rng: Rng, country: CountryData, city: string): NameParts {
  const region = country.region;
  const brand = rng.chance(0.25) ? rng.pick(REGION_WORDS[region]) : rng.pick(BRAND_WORDS);
  const roll = rng.next();
  if (roll < 0.34) {
    // "Bluefin Cloud Solutions"
    let core = rng.pick(CORE_WORDS);
    let suffix = rng.pick(SUFFIX_WORDS);
    if (core === "Tech" && suffix === "Technologies") suffix = "Partners";
    if (core === "Logic" && suffix === "Labs") core = "Cloud";
    return { base: `${brand} ${core} ${suffix}`, domain: rng.chance(0.75) ? brand + core : brand + core + suffix };
  }
  if (roll < 0.52) {
    // "Kestrel Technologies"
    const suffix = rng.pick(SUFFIX_WORDS);
    const short = suffix === "Technologies" ? "tech" : suffix;
    return { base: `${brand} ${suffix}`, domain: rng.chance(0.8) ? brand + short : brand };
  }
  if (roll < 0.68) {
    // "Cedarstack" / "Falconpoint Solutions"
    const word = rng.pick(COMPOUND_HEADS) + rng.pick(COMPOUND_TAILS);
    const trailer = rng.pick(["", "", " IT", " Solutions", " Consulting", " Technologies", " Group"]);
    return { base: word + trailer, domain: rng.chance(0.8) ? word : word + trailer };
  }
  if (roll < 0.76) {
    // "Otter & Lark Consulting"
    const a = rng.pick(PAIR_WORDS);
    let b = rng.pick(PAIR_WORDS);
    if (b === a) b = at(PAIR_WORDS, (PAIR_WORDS.indexOf(a) + 5) % PAIR_WORDS.length);
    const tail = rng.pick(PAIR_TAILS);
    return { base: `${a} & ${b} ${tail}`, domain: rng.chance(0.6) ? `${a}and${b}` : a + b + tail };
  }
  if (roll < 0.9) {
    // "Hartley & Quinn IT", "Becker Systems"
    const surnames = REGION_SURNAMES[region];
    const a = rng.pick(surnames);
    if (rng.chance(0.45)) {
      let b = rng.pick(surnames);
      if (b === a) b = at(surnames, (surnames.indexOf(a) + 3) % surnames.length);
      const tail = rng.pick(PAIR_TAILS);
      return { base: `${a} & ${b} ${tail}`, domain: rng.chance(0.7) ? a + b : a + b + tail };
    }
    const core = rng.pick(["IT", "Technology", "Systems", "Digital", "Cloud", "Consulting"]);
    const suffix = core === "Consulting" ? rng.pick(["", " Group"]) : rng.pick([" Group", " Partners", " Solutions", ""]);
    return { base: `${a} ${core}${suffix}`, domain: rng.chance(0.7) ? a + core : a + core + suffix };
  }
  // "Leeds Cloud Partners"
  const core = rng.pick(["Cloud", "IT", "Managed IT", "Digital", "Tech", "Cyber"]);
  const suffix = rng.pick(["Partners", "Solutions", "Services", "Consulting", "Group"]);
  return { base: `${city} ${core} ${suffix}`, domain: rng.chance(0.7) ? city + core : city + core + suffix };
}

function pickServices(rng: Rng, focus: string, tier: number): string[] {
  const target = Math.min(7, 3 + rng.int(0, 2) + (tier >= 5 ? rng.int(0, 2) : 0));
  const groups = GROUPS_OF_SERVICE.get(focus) ?? [];
  const chosen: string[] = [focus];
  let guard = 0;
  while (chosen.length < target && guard++ < 60) {
    const s =
      groups.length > 0 && rng.chance(0.6) ? at(GROUP_PICKERS, rng.pick(groups)).pick(rng) : SERVICE_PICKER.pick(rng);
    if (!chosen.includes(s)) chosen.push(s);
  }
  return chosen.slice();
}

function pickIndustries(rng: Rng): string[] {
  const roll = rng.next();
  const target = roll < 0.2 ? 1 : roll < 0.6 ? 2 : roll < 0.88 ? 3 : 4;
  const chosen: string[] = [];
  let guard = 0;
  while (chosen.length < target && guard++ < 60) {
    const s = INDUSTRY_PICKER.pick(rng);
    if (!chosen.includes(s)) chosen.push(s);
  }
  return chosen.slice();
}

/**
 * Certifications: Microsoft designations that fit the services first, then specializations under
 * a designation the partner holds (as in the real programme), then ISO 27001 / SOC 2.
 */
function pickCertifications(rng: Rng, services: readonly string[], tier: number, country: CountryData): string[] {
  const max = at(TIERS, tier).maxCerts;
  let eligible = 0;
  for (const s of services) eligible |= CERT_MASK_OF_SERVICE.get(s) ?? 0;
  // Designations in the order of the services that call for them: the focus service's comes first.
  let wanted = rng.int(tier >= 5 ? 1 : 0, tier >= 8 ? 3 : 2);
  if (wanted > max) wanted = max;
  let picked = 0;
  let count = 0;
  for (let i = 0; i < services.length && count < wanted; i++) {
    const mask = (CERT_MASK_OF_SERVICE.get(at(services, i)) ?? 0) & DESIGNATION_MASK & ~picked;
    for (let b = 0; mask !== 0 && b < CERT_LIST.length && count < wanted; b++) {
      if (mask & (1 << b)) {
        picked |= 1 << b;
        count++;
      }
    }
  }
  for (let i = 0; i < SPECIALIZATION_PARENTS.length; i++) {
    const pair = at(SPECIALIZATION_PARENTS, i);
    if (count < max && eligible & pair[0] && picked & pair[1] && rng.chance(0.45)) {
      picked |= pair[0];
      count++;
    }
  }
  if (count < max && tier >= 3 && rng.chance(0.1 + tier * 0.05)) {
    picked |= ISO_BIT;
    count++;
  }
  if (count < max && tier >= 4 && rng.chance(country.code === "US" ? 0.4 : 0.12)) picked |= SOC_BIT;

  const out: string[] = [];
  for (let i = 0; i < CERT_LIST.length; i++) if (picked & (1 << i)) out.push(at(CERT_LIST, i));
  return out.slice();
}

function pickSizes(rng: Rng, tier: number, mustServe: SizeBand | null): SizeBand[] {
  const [loMin, loMax, hiMin, hiMax] = at(TIERS, tier).bands;
  let lo = rng.int(loMin, loMax);
  let hi = Math.max(lo, rng.int(hiMin, hiMax));
  if (tier >= 4 && tier <= 7 && rng.chance(0.08)) {
    lo = 0;
    hi = SIZE_BANDS.length - 1;
  }
  if (mustServe !== null) {
    const m = SIZE_BANDS.indexOf(mustServe);
    lo = Math.min(lo, m);
    hi = Math.max(hi, m);
  }
  return SIZE_BANDS.slice(lo, hi + 1);
}

function pickLocations(rng: Rng, hq: CountryData, hqCity: string, tier: number): PartnerLocation[] {
  let extra: number;
  if (tier <= 2) extra = rng.chance(0.08) ? 1 : 0;
  else if (tier <= 5) extra = rng.chance(0.35) ? 1 : 0;
  else if (tier <= 7) extra = rng.int(0, 2);
  else extra = rng.int(1, 3);
  extra = Math.min(extra, at(TIERS, tier).maxLocations - 1);

  const locations: PartnerLocation[] = [{ country: hq.code, city: hqCity }];
  const foreignRate = tier >= 6 ? 0.35 : 0.2;
  let guard = 0;
  while (locations.length < 1 + extra && guard++ < 20) {
    let country = hq;
    if (rng.chance(foreignRate)) {
      const other = COUNTRY_BY_CODE.get(rng.pick(hq.neighbors));
      if (other !== undefined) country = other;
    }
    const city = rng.pick(country.cities);
    if (!locations.some((l) => l.country === country.code && l.city === city)) {
      locations.push({ country: country.code, city });
    }
  }
  return locations.slice();
}

function employeesFor(rng: Rng, tier: number): number {
  const [lo, hi] = at(TIERS, tier).employees;
  const n = Math.round(lo * Math.exp(rng.next() * Math.log(hi / lo)));
  if (n >= 1000) return Math.round(n / 50) * 50;
  if (n >= 200) return Math.round(n / 10) * 10;
  return n;
}

// Copy ------------------------------------------------------------------------------------------

interface CopyContext {
  name: string;
  city: string;
  /** Country with "the" where needed ("the Netherlands"). */
  country: string;
  countryName: string;
  /** "a Leeds" / "an Oslo" (for "…-based"). */
  aCity: string;
  /** "Leeds, United Kingdom" (just "Singapore" for city-states). */
  where: string;
  /** "Leeds and across the United Kingdom". */
  area: string;
  year: number;
  team: string;
  /** Services as used mid-sentence, top first (always at least 3). */
  s0: string;
  s1: string;
  s2: string;
  rest: string; // every service but the first, joined
  /** Top service as listed (capitalised). */
  top: string;
  ind0: string;
  ind1: string | undefined;
  inds: string; // all industries, joined
  sectors: string; // "sector" | "sectors"
  org: string; // "organization" | "organisation"
  sizePhrase: string; // "mid-sized organizations"
  /** Indexes into SIZE_BANDS of the smallest and largest band served. */
  sizeLo: number;
  sizeHi: number;
}

type Template = (c: CopyContext) => string;

const HEADLINES: readonly Template[] = [
  (c) => `${c.top} and ${c.s1} for ${c.sizePhrase} in ${c.city}`,
  (c) => `Trusted ${c.s0} partner for ${c.ind0} ${c.org}s across ${c.country}`,
  (c) => `${c.top}, ${c.s1} and ${c.s2} experts based in ${c.city}`,
  (c) => `${c.top} and ${c.s1}, delivered locally from ${c.city}`,
  (c) =>
    c.ind1 !== undefined
      ? `Helping ${c.ind0} and ${c.ind1} teams with ${c.s0} and ${c.s1}`
      : `Helping ${c.ind0} teams with ${c.s0} and ${c.s1}`,
  (c) => `${c.top} specialists serving ${c.sizePhrase} since ${c.year}`,
  (c) => `Your ${c.city} partner for ${c.s0}, ${c.s1} and ${c.s2}`,
  (c) => `${c.top} done right: ${c.s1} and ${c.s2} for ${c.sizePhrase}`,
];

const INTROS: readonly Template[] = [
  (c) => `${c.name} is ${c.aCity}-based Microsoft partner focused on ${c.s0} and ${c.s1}.`,
  (c) => `Founded in ${c.year}, ${c.name} helps ${c.sizePhrase} across ${c.country} with ${c.s0}, ${c.s1} and ${c.s2}.`,
  (c) => `Headquartered in ${c.where}, ${c.name} has delivered ${c.s0} and ${c.s1} projects since ${c.year}.`,
  (c) => `Since ${c.year}, ${c.name} has been the go-to ${c.s0} partner for ${c.org}s in and around ${c.city}.`,
  (c) => `Based in ${c.city}, ${c.name} is a team of ${c.team} people working on ${c.s0}, ${c.s1} and ${c.s2} for ${c.sizePhrase}.`,
  (c) => `${c.name} helps ${c.sizePhrase} in ${c.area} get more out of Microsoft 365, with a focus on ${c.s0}.`,
];

const INDUSTRY_SENTENCES: readonly Template[] = [
  (c) => `We work extensively with ${c.inds} ${c.org}s, where security, compliance and uptime all matter.`,
  (c) => `Much of our work is in ${c.inds}, where we understand the regulatory and operational pressures our clients face.`,
  (c) => `${capitalize(c.inds)} ${c.org}s choose us for practical advice, clear pricing and predictable delivery.`,
  (c) => `We know the ${c.inds} ${c.sectors} well and shape every engagement around how those teams actually work.`,
  (c) =>
    c.year <= 2012
      ? `Our clients span ${c.inds}, and many of them have been with us for more than a decade.`
      : `Our clients span ${c.inds}, and most of them found us through a referral.`,
];

const DETAIL_SENTENCES: readonly Template[] = [
  (c) => `Typical engagements include ${c.rest}, from the first assessment through rollout and ongoing support.`,
  (c) => `Beyond ${c.s0}, our consultants handle ${c.rest}, so clients can rely on a single partner.`,
  (c) => `We also offer ${c.rest}, backed by a support team in ${c.city}.`,
  (c) => `Our certified engineers cover ${c.rest} end to end, with documentation your own IT team can keep using.`,
];

const GENERAL_CLOSINGS: readonly Template[] = [
  (c) => `We typically work with ${sizeRange(c.sizeLo, c.sizeHi, c.org)}.`,
  () => "Every engagement starts with a short discovery workshop and a clear, fixed-price proposal.",
  () => "Projects are run by a named consultant, with weekly check-ins and no surprises on the invoice.",
];

const LOWER_BOUNDS = [1, 10, 50, 250, 1000, 10000];
const UPPER_BOUNDS = [9, 49, 249, 999, 9999];

function sizePhrase(lo: number, hi: number, org: string): string {
  if (hi <= 1) return "small businesses";
  if (lo === 0 && hi >= 4) return `${org}s of every size`;
  if (lo <= 1 && hi <= 3) return lo === 0 ? "small and mid-sized businesses" : `mid-sized ${org}s`;
  if (lo >= 3) return "large enterprises";
  if (hi >= 4) return `mid-market and enterprise ${org}s`;
  return `mid-sized ${org}s`;
}

function sizeRange(lo: number, hi: number, org: string): string {
  const last = SIZE_BANDS.length - 1;
  if (lo === 0 && hi === last) return `${org}s of all sizes`;
  if (hi === last) return `${org}s with ${formatNumber(at(LOWER_BOUNDS, lo))} or more employees`;
  if (lo === 0) return `${org}s with up to ${formatNumber(at(UPPER_BOUNDS, hi))} employees`;
  return `${org}s with ${formatNumber(at(LOWER_BOUNDS, lo))}–${formatNumber(at(UPPER_BOUNDS, hi))} employees`;
}

function certSentence(cert: string): string {
  if (cert.startsWith("Solutions Partner")) {
    return `As a Microsoft ${cert}, we are held to Microsoft's own standards for skills and customer success.`;
  }
  if (cert.startsWith("Specialization: ")) {
    return `We hold the Microsoft ${cert.slice("Specialization: ".length)} specialization, so the work is done by people who do it every week.`;
  }
  if (cert === "ISO 27001") return "We are ISO 27001 certified, and we run our own environment the way we advise clients to run theirs.";
  return `Our operations are independently audited to ${cert}, which matters when you hand us administrative access.`;
}

function headlineFor(rng: Rng, c: CopyContext): string {
  const h = rng.pick(HEADLINES)(c);
  if (h.length <= 120) return h;
  const fallback = `${c.top} and ${c.s1} in ${c.city}`;
  return fallback.length <= 120 ? fallback : c.top;
}

/** One closing sentence: general, certification, offices or help desk. */
function closingFor(rng: Rng, c: CopyContext, certifications: readonly string[], otherCities: readonly string[], managed: boolean): string {
  const options = GENERAL_CLOSINGS.length + (certifications.length > 0 ? 2 : 0) + (otherCities.length > 0 ? 1 : 0) + (managed ? 1 : 0);
  let r = Math.floor(rng.next() * options);
  if (r < GENERAL_CLOSINGS.length) return at(GENERAL_CLOSINGS, r)(c);
  r -= GENERAL_CLOSINGS.length;
  if (certifications.length > 0) {
    if (r < 2) return certSentence(rng.pick(certifications));
    r -= 2;
  }
  if (otherCities.length > 0) {
    if (r < 1) return `With additional offices in ${listJoin(otherCities)}, we can be on site when it matters.`;
    r -= 1;
  }
  return "Our help desk is staffed locally, and most tickets are resolved within the same business day.";
}

function descriptionFor(
  rng: Rng,
  c: CopyContext,
  certifications: readonly string[],
  otherCities: readonly string[],
  managed: boolean,
): string {
  const lead = `${rng.pick(INTROS)(c)} ${rng.pick(INDUSTRY_SENTENCES)(c)}`;
  let detail = rng.chance(0.7) ? rng.pick(DETAIL_SENTENCES)(c) : "";
  let closing = rng.chance(0.6) ? closingFor(rng, c, certifications, otherCities, managed) : "";
  const join = (): string => lead + (detail === "" ? "" : ` ${detail}`) + (closing === "" ? "" : ` ${closing}`);
  let text = join();
  if (text.length < 200 && detail === "") {
    detail = rng.pick(DETAIL_SENTENCES)(c);
    text = join();
  }
  if (text.length < 200 && closing === "") {
    closing = closingFor(rng, c, certifications, otherCities, managed);
    text = join();
  }
  if (text.length > 600 && closing !== "") {
    closing = "";
    text = join();
  }
  if (text.length > 600 && detail !== "") {
    detail = "";
    text = join();
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------------------------

/**
 * `count` partner profiles for `seed` (a fixed default when omitted). Deterministic, and
 * prefix-stable: `generatePartners(n1, s)` equals the first n1 rows of `generatePartners(n2, s)`.
 */
export function generatePartners(count: number, seed: number = DEFAULT_SEED): GeneratedPartner[] {
  const n = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
  const baseSeed = Number.isFinite(seed) ? Math.floor(seed) | 0 : DEFAULT_SEED;

  // Seed-wide schedule: rotation of the country round-robin and order of focus services.
  const scheduleRng = new Rng(hash32(baseSeed, 0x5eed));
  const countryShift = Math.floor(scheduleRng.next() * COUNTRY_PERIOD.length);
  const serviceOrder = scheduleRng.shuffle(SERVICE_LIST);

  const domainUses = new Map<string, number>();
  const partners: GeneratedPartner[] = [];
  let tierBlock = -1;
  let tierOrder: readonly number[] = TIER_INDEXES;

  for (let i = 0; i < n; i++) {
    const rng = new Rng(hash32(baseSeed, i + 1));

    // Stratified size tier: each block of 10 consecutive rows holds every tier once.
    const block = Math.floor(i / TIERS.length);
    if (block !== tierBlock) {
      tierBlock = block;
      tierOrder = new Rng(hash32(baseSeed ^ 0x7a3b, block)).shuffle(TIER_INDEXES);
    }
    const tier = at(tierOrder, i % TIERS.length);

    let hq: CountryData;
    let focus: string;
    let mustServe: SizeBand | null = null;
    const fixed = FIXED_PLAN[i];
    if (fixed !== undefined) {
      hq = COUNTRY_BY_CODE.get(fixed[0]) ?? at(COUNTRY_DATA, 0);
      focus = fixed[1];
      mustServe = fixed[2];
    } else {
      const k = i - FIXED_PLAN.length;
      hq = at(COUNTRY_PERIOD, (k + countryShift) % COUNTRY_PERIOD.length);
      focus = at(serviceOrder, k % serviceOrder.length);
    }

    const cityIndex = Math.floor(rng.next() * hq.cities.length);
    const city = at(hq.cities, cityIndex);
    const citySlug = CITY_SLUGS.get(city) ?? slugify(city);
    const nameParts = makeName(rng, hq, city);
    const legal = rng.chance(hq.legalRate) ? rng.pick(hq.legal) : "";
    const name = legal === "" ? nameParts.base : `${nameParts.base} ${legal}`;

    // Domain. The first company to use a name gets it as is ("bluefincloud"); later ones get the
    // country ("bluefincloud-de"), then the city ("bluefincloud-munich"), then a number
    // ("bluefincloud3"). Name labels hold letters only and city slugs are at least four letters,
    // so every (name, use) pair maps to a different label: unique without a lookup table.
    const primary = domainLabel(nameParts.domain);
    const uses = domainUses.get(primary) ?? 0;
    domainUses.set(primary, uses + 1);
    let label: string;
    if (uses === 0) label = primary;
    else if (uses === 1) label = `${primary}-${hq.code === "GB" ? "uk" : hq.code.toLowerCase()}`;
    else if (uses === 2) label = `${primary}-${citySlug}`;
    else label = primary + String(uses);
    const domain = flat(`${label}.example`);

    const services = pickServices(rng, focus, tier);
    const industries = pickIndustries(rng);
    const certifications = pickCertifications(rng, services, tier, hq);
    const sizesServed = pickSizes(rng, tier, mustServe);
    const locations = pickLocations(rng, hq, city, tier);
    const employeeCount = employeesFor(rng, tier);
    const yearFounded = Math.min(2023, 1985 + Math.floor(Math.pow(rng.next(), at(TIERS, tier).years) * 39));
    const rating = Math.round((3.5 + 1.5 * Math.sqrt(rng.next())) * 10) / 10;
    // From a generator of its own, so that the rest of the row stays as it was: larger firms have more reviews.
    const reviewRng = new Rng(hash32(baseSeed ^ 0x7e71e3, i + 1));
    const reviewCount = 3 + Math.floor(reviewRng.next() ** 2 * (20 + tier * 40));

    const org = hq.us ? "organization" : "organisation";
    const sizeLo = SIZE_BANDS.indexOf(at(sizesServed, 0));
    const sizeHi = SIZE_BANDS.indexOf(at(sizesServed, sizesServed.length - 1));
    const mid = services.map((s) => SERVICE_MID.get(s) ?? s);
    const industriesMid = industries.map((s) => INDUSTRY_MID.get(s) ?? s);
    const country = hq.the ? `the ${hq.name}` : hq.name;
    const cityIsCountry = city === hq.name;
    const context: CopyContext = {
      name,
      city,
      country,
      countryName: hq.name,
      aCity: `${/^[AEIOUÅÄÖ]/.test(city) ? "an" : "a"} ${city}`,
      where: cityIsCountry ? city : `${city}, ${hq.name}`,
      area: cityIsCountry ? city : `${city} and across ${country}`,
      year: yearFounded,
      team: formatNumber(employeeCount),
      s0: at(mid, 0),
      s1: at(mid, 1),
      s2: at(mid, 2),
      rest: listJoin(mid.slice(1)),
      top: at(services, 0),
      ind0: at(industriesMid, 0),
      ind1: industriesMid[1],
      inds: listJoin(industriesMid),
      sectors: industries.length > 1 ? "sectors" : "sector",
      org,
      sizePhrase: sizePhrase(sizeLo, sizeHi, org),
      sizeLo,
      sizeHi,
    };
    const headline = flat(headlineFor(rng, context));
    const otherCities = locations.length > 1 ? locations.slice(1).map((l) => l.city) : [];
    const managed = services.includes("Managed IT services") || services.includes("Help desk support");
    const description = flat(descriptionFor(rng, context, certifications, otherCities, managed));

    const emailRoll = rng.next();
    const mailbox =
      emailRoll < 0.38 ? "hello" : emailRoll < 0.66 ? "info" : emailRoll < 0.82 ? "contact" : emailRoll < 0.92 ? "sales" : "partners";

    partners.push({
      slug: flat(`${slugify(nameParts.base)}-${citySlug}-${i + 1}`),
      name: flat(name),
      domain,
      headline,
      description,
      services,
      industries,
      certifications,
      sizesServed,
      locations,
      website: flat(`https://www.${domain}`),
      contactEmail: flat(`${mailbox}@${domain}`),
      contactPhone: flat(fillDigits(hq.phone.replace("{a}", at(hq.areas, cityIndex)), rng)),
      employeeCount,
      rating,
      reviewCount,
      yearFounded,
    });
  }
  return partners;
}
