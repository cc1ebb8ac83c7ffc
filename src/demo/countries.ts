import type { Role } from '../platform/access/actor.ts';
import { SECRETARIAT_ID, ncbId } from '../identity/members.ts';

export type Flow = 'origin' | 'transit' | 'destination';

/** A member country of the demo world and what it looks like in records. */
export interface DemoCountry {
  code: string;
  name: string;
  /** Its place in trafficking and smuggling flows (a country is often several). */
  flows: readonly Flow[];
  languages: readonly string[];
  cities: readonly string[];
  callingCode: string;
  /** Document number shapes: `#` a digit, `@` a letter, `*` either; anything else is literal. Close to real formats, not exact. */
  passport: string;
  /** Empty where the country issues no national identity card. */
  identityCard: string;
}

const c = (code: string, name: string, flows: string, languages: string, callingCode: string, passport: string, identityCard: string, cities: string): DemoCountry => ({
  code, name, flows: flows.split(' ') as Flow[], languages: languages.split(' '), callingCode, passport, identityCard,
  cities: cities.split(',').map((s) => s.trim()),
});

// A realistic mix along the main routes: West and North Africa and the Middle East to Europe by the
// Mediterranean and Balkan routes, South and East Asia to the Gulf and Europe, Central America to
// the United States, Eastern Europe to the West.
export const DEMO_COUNTRIES: readonly DemoCountry[] = [
  c('FRA', 'France', 'destination transit', 'fr', '33', '##@@#####', '*********', 'Paris, Marseille, Lyon, Calais, Nice, Lille, Toulouse, Bordeaux'),
  c('DEU', 'Germany', 'destination', 'de', '49', 'C********', 'L********', 'Berlin, Hamburg, Munich, Frankfurt am Main, Cologne, Stuttgart, Leipzig'),
  c('ITA', 'Italy', 'destination transit', 'it', '39', '@@#######', 'CA#####@@', 'Rome, Milan, Naples, Palermo, Turin, Catania, Bari, Lampedusa'),
  c('ESP', 'Spain', 'destination transit', 'es', '34', '@@@######', '@@@######', 'Madrid, Barcelona, Almería, Valencia, Seville, Málaga, Ceuta, Melilla'),
  c('GBR', 'United Kingdom', 'destination', 'en', '44', '#########', '', 'London, Birmingham, Manchester, Dover, Glasgow, Leeds, Bristol'),
  c('NLD', 'Netherlands', 'destination transit', 'nl en', '31', '@@*****##', '@@*****##', 'Amsterdam, Rotterdam, The Hague, Utrecht, Eindhoven'),
  c('GRC', 'Greece', 'transit destination', 'el', '30', '@@#######', '@@######', 'Athens, Thessaloniki, Patras, Mytilene, Samos, Chios'),
  c('POL', 'Poland', 'origin transit destination', 'pl', '48', '@@#######', '@@@######', 'Warsaw, Kraków, Wrocław, Łódź, Gdańsk, Białystok, Lublin'),
  c('CZE', 'Czechia', 'transit destination', 'cs', '420', '########', '#########', 'Prague, Brno, Ostrava, Plzeň, Liberec'),
  c('ROU', 'Romania', 'origin transit', 'ro', '40', '#########', '@@######', 'Bucharest, Iași, Cluj-Napoca, Constanța, Timișoara, Craiova, Galați'),
  c('UKR', 'Ukraine', 'origin', 'uk ru', '380', '@@######', '#########', 'Kyiv, Kharkiv, Odesa, Dnipro, Lviv, Zaporizhzhia, Mykolaiv'),
  c('RUS', 'Russian Federation', 'origin transit destination', 'ru', '7', '#########', '##########', 'Moscow, Saint Petersburg, Rostov-on-Don, Kazan, Novosibirsk, Krasnodar'),
  c('SRB', 'Serbia', 'transit', 'sr', '381', '#########', '#########', 'Belgrade, Subotica, Novi Sad, Niš, Preševo'),
  c('TUR', 'Türkiye', 'transit destination origin', 'tr', '90', 'U########', '@##@#####', 'Istanbul, Izmir, Ankara, Antalya, Gaziantep, Van, Edirne, Mersin'),
  c('MAR', 'Morocco', 'origin transit', 'ar fr', '212', '@@#######', '@@######', 'Casablanca, Tangier, Rabat, Nador, Oujda, Fès, Marrakesh'),
  c('LBY', 'Libya', 'transit', 'ar', '218', '@@######', '############', 'Tripoli, Benghazi, Zuwara, Sabha, Misrata, Sabratha, Kufra'),
  c('EGY', 'Egypt', 'origin transit', 'ar', '20', '@########', '##############', 'Cairo, Alexandria, Giza, Kafr el-Sheikh, Asyut, Port Said'),
  c('SDN', 'Sudan', 'origin transit', 'ar en', '249', 'P########', '###########', 'Khartoum, Omdurman, Port Sudan, Kassala, El Fasher, Nyala'),
  c('NER', 'Niger', 'transit origin', 'fr ha', '227', '@@#######', '#########', 'Niamey, Agadez, Zinder, Maradi, Arlit'),
  c('NGA', 'Nigeria', 'origin', 'en', '234', 'A########', '###########', 'Lagos, Benin City, Abuja, Kano, Port Harcourt, Ibadan, Enugu, Onitsha'),
  c('GHA', 'Ghana', 'origin transit', 'en', '233', 'G#######', 'GHA-#########-#', 'Accra, Kumasi, Tamale, Takoradi, Cape Coast'),
  c('SEN', 'Senegal', 'origin', 'fr', '221', '@########', '#############', 'Dakar, Saint-Louis, Thiès, Ziguinchor, Kaolack, Mbour'),
  c('SYR', 'Syrian Arab Republic', 'origin', 'ar', '963', 'N#########', '###########', 'Damascus, Aleppo, Homs, Latakia, Deir ez-Zor, Idlib, Hama'),
  c('IRQ', 'Iraq', 'origin', 'ar ku', '964', '@########', '############', 'Baghdad, Basra, Mosul, Erbil, Sulaymaniyah, Kirkuk, Najaf'),
  c('ARE', 'United Arab Emirates', 'destination transit', 'ar en', '971', '@#######', '784-####-#######-#', 'Dubai, Abu Dhabi, Sharjah, Ajman'),
  c('PAK', 'Pakistan', 'origin transit', 'ur en', '92', '@@#######', '#####-#######-#', 'Karachi, Lahore, Gujrat, Quetta, Peshawar, Sialkot, Islamabad'),
  c('IND', 'India', 'origin transit destination', 'hi en', '91', '@#######', '############', 'Delhi, Mumbai, Kolkata, Chennai, Hyderabad, Amritsar, Lucknow'),
  c('BGD', 'Bangladesh', 'origin', 'bn', '880', '@@#######', '##########', 'Dhaka, Chittagong, Sylhet, Khulna, Rajshahi, Cox\'s Bazar'),
  c('VNM', 'Viet Nam', 'origin', 'vi', '84', '@#######', '############', 'Hanoi, Ho Chi Minh City, Nghệ An, Hà Tĩnh, Quảng Bình, Hải Phòng'),
  c('CHN', 'China', 'origin destination', 'zh', '86', 'E########', '##################', 'Beijing, Shanghai, Fuzhou, Guangzhou, Wenzhou, Shenzhen, Kunming'),
  c('MEX', 'Mexico', 'transit origin destination', 'es', '52', 'G########', '##########@@', 'Mexico City, Tijuana, Ciudad Juárez, Tapachula, Reynosa, Monterrey, Puebla'),
  c('GTM', 'Guatemala', 'origin transit', 'es', '502', '#########', '#### ##### ####', 'Guatemala City, Quetzaltenango, Huehuetenango, Escuintla, Cobán'),
  c('COL', 'Colombia', 'origin transit', 'es', '57', '@@######', '##########', 'Bogotá, Medellín, Cali, Cúcuta, Barranquilla, Pereira, Cartagena'),
  c('BRA', 'Brazil', 'origin destination', 'pt', '55', '@@######', '#########', 'São Paulo, Rio de Janeiro, Goiânia, Belém, Recife, Fortaleza, Manaus'),
  c('USA', 'United States of America', 'destination', 'en es', '1', '@########', '', 'New York, Los Angeles, Houston, Miami, Chicago, El Paso, San Diego'),
];

const BY_CODE = new Map(DEMO_COUNTRIES.map((x) => [x.code, x]));

/** The demo country with this ISO alpha-3 code, if it is one. */
export const demoCountry = (code: string): DemoCountry | undefined => BY_CODE.get(code);

export const countriesWith = (flow: Flow): DemoCountry[] => DEMO_COUNTRIES.filter((x) => x.flows.includes(flow));

/** A demo account: log in as `fra.officer` to see the platform as France's NCB. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  country: string | null;
}

const ROLE_TITLES: readonly [Role, string][] = [
  ['frontline', 'border officer'], ['officer', 'NCB officer'], ['analyst', 'criminal intelligence analyst'], ['admin', 'NCB administrator'],
];

/** Every demo account: four per country, a secretariat reviewer and an NGO partner. */
export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = DEMO_COUNTRIES.flatMap((country) => ROLE_TITLES.map(([role, title]) => ({
    username: `${country.code.toLowerCase()}.${role}`,
    displayName: `${country.name} — ${title}`,
    role, orgId: ncbId(country.code), country: country.code,
  })));
  users.push(
    { username: 'secretariat.reviewer', displayName: 'General Secretariat — notices and diffusions reviewer', role: 'reviewer', orgId: SECRETARIAT_ID, country: null },
    // Matches the NGO organisation that `identity/members.ts` seeds.
    { username: 'ngo.partner', displayName: 'Safe Harbour victim shelters — caseworker', role: 'partner', orgId: 'NGO-SHELTER', country: null },
  );
  return users;
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = DIGITS + LETTERS;

/** Fills a document-number shape: `#` digit, `@` letter, `*` either. */
export function fillPattern(pattern: string, rng: { int(n: number): number }): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    out += ch === '#' ? DIGITS[rng.int(10)] : ch === '@' ? LETTERS[rng.int(26)] : ch === '*' ? ALNUM[rng.int(36)] : ch;
  }
  return out;
}
