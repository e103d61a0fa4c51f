/**
 * The product's catalog: the countries and regions partners serve (with the cities the directory
 * knows) and the organization size bands. The schema's listing indexes, the directory's filters and
 * the demo data all read them from here; nothing here depends on anything else.
 */

export interface Country {
  code: string;
  name: string;
  cities: string[];
}

export const SIZE_BANDS = ["1-9", "10-49", "50-249", "250-999", "1000-9999", "10000+"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const SIZE_BAND_LABELS: Record<SizeBand, string> = {
  "1-9": "1–9 employees",
  "10-49": "10–49 employees",
  "50-249": "50–249 employees",
  "250-999": "250–999 employees",
  "1000-9999": "1,000–9,999 employees",
  "10000+": "10,000+ employees",
};

export const COUNTRIES: readonly Country[] = [
  { code: "US", name: "United States", cities: ["New York", "Chicago", "Seattle", "Austin", "Boston", "Atlanta", "Denver", "Dallas"] },
  { code: "GB", name: "United Kingdom", cities: ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh", "Bristol"] },
  { code: "DE", name: "Germany", cities: ["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Düsseldorf", "Leipzig"] },
  { code: "FR", name: "France", cities: ["Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Bordeaux", "Nantes", "Nice"] },
  { code: "NL", name: "Netherlands", cities: ["Amsterdam", "Rotterdam", "The Hague", "Utrecht", "Eindhoven", "Groningen"] },
  { code: "CA", name: "Canada", cities: ["Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa", "Edmonton"] },
  { code: "AU", name: "Australia", cities: ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra"] },
  { code: "IN", name: "India", cities: ["Bengaluru", "Mumbai", "New Delhi", "Hyderabad", "Pune", "Chennai"] },
  { code: "JP", name: "Japan", cities: ["Tokyo", "Osaka", "Yokohama", "Nagoya", "Fukuoka", "Sapporo"] },
  { code: "BR", name: "Brazil", cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre", "Brasília"] },
  { code: "MX", name: "Mexico", cities: ["Mexico City", "Guadalajara", "Monterrey", "Puebla", "Querétaro", "Tijuana"] },
  { code: "ES", name: "Spain", cities: ["Madrid", "Barcelona", "Valencia", "Seville", "Bilbao", "Málaga"] },
  { code: "IT", name: "Italy", cities: ["Milan", "Rome", "Turin", "Bologna", "Florence", "Naples"] },
  { code: "SE", name: "Sweden", cities: ["Stockholm", "Gothenburg", "Malmö", "Uppsala", "Linköping", "Västerås"] },
  { code: "PL", name: "Poland", cities: ["Warsaw", "Kraków", "Wrocław", "Gdańsk", "Poznań", "Łódź"] },
  { code: "IE", name: "Ireland", cities: ["Dublin", "Cork", "Galway", "Limerick", "Waterford"] },
  { code: "SG", name: "Singapore", cities: ["Singapore", "Jurong East", "Tampines", "Woodlands", "Changi"] },
  { code: "ZA", name: "South Africa", cities: ["Johannesburg", "Cape Town", "Durban", "Pretoria", "Gqeberha", "Bloemfontein"] },
  { code: "NZ", name: "New Zealand", cities: ["Auckland", "Wellington", "Christchurch", "Hamilton", "Tauranga", "Dunedin"] },
  { code: "CH", name: "Switzerland", cities: ["Zurich", "Geneva", "Basel", "Bern", "Lausanne", "Lucerne"] },
  { code: "AT", name: "Austria", cities: ["Vienna", "Graz", "Linz", "Salzburg", "Innsbruck"] },
  { code: "BE", name: "Belgium", cities: ["Brussels", "Antwerp", "Ghent", "Liège", "Leuven", "Bruges"] },
  { code: "DK", name: "Denmark", cities: ["Copenhagen", "Aarhus", "Odense", "Aalborg", "Esbjerg"] },
  { code: "NO", name: "Norway", cities: ["Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Tromsø"] },
  { code: "FI", name: "Finland", cities: ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu"] },
  { code: "PT", name: "Portugal", cities: ["Lisbon", "Porto", "Braga", "Coimbra", "Faro"] },
  { code: "AE", name: "United Arab Emirates", cities: ["Dubai", "Abu Dhabi", "Sharjah", "Ajman", "Ras Al Khaimah"] },
  { code: "CZ", name: "Czechia", cities: ["Prague", "Brno", "Ostrava", "Plzeň", "Olomouc"] },
];
