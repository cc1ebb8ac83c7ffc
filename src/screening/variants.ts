// Name words that are not names (titles), words that link names (particles), and given names
// whose romanisations differ more than spelling rules can bridge. All in transliterated form.

/**
 * Titles and honorifics in the languages Vigil's members write; dropped before matching. Words
 * that are also common names (Amir, Sultan, Shah, Mirza, He) are left out on purpose.
 */
export const HONORIFICS = new Set<string>([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev',
  'reverend', 'fr', 'father', 'sister', 'brother', 'jr', 'snr', 'sr', 'jnr', 'ii', 'iii', 'iv', 'esq', 'phd',
  'sheikh', 'shaikh', 'sheik', 'shaykh', 'cheikh', 'hajji', 'haji', 'hajj', 'hadji', 'hadj', 'alhaji',
  'alhaj', 'hajja', 'hajjah', 'imam', 'mullah', 'mulla', 'mawlana', 'maulana', 'ayatollah', 'ustadh',
  'ustad', 'sayyed', 'begum', 'khanum', 'pasha', 'bey', 'effendi',
  'herr', 'frau', 'monsieur', 'mme', 'mlle', 'madame', 'senor', 'senora', 'sra', 'srta',
  'signor', 'signora', 'sig', 'gen', 'general', 'col', 'colonel', 'capt', 'captain', 'maj',
  'lt', 'lieutenant', 'sgt', 'sergeant', 'cmdr', 'commander', 'adm', 'admiral', 'president',
  'presidente', 'prezident', 'presiden', 'predsjednik', 'presedintele', 'prasident',
  'elnok', 'prezydent', 'presidentti', 'prime', 'minister', 'queen', 'princess', 'chief', 'honourable',
  'excellency',
]);

/**
 * Particles: articles, "son of", "of the". They stay as low-weight tokens so that "al-Rashid"
 * can still meet "Alrashid" by joining, but missing one costs almost nothing.
 */
export const PARTICLES = new Set<string>([
  'al', 'el', 'ul', 'bin', 'ben', 'ibn', 'bint', 'binti', 'bte', 'abu', 'abou', 'bou', 'ould', 'ait',
  'van', 'der', 'den', 'de', 'del', 'della', 'degli', 'dei', 'di', 'da', 'das', 'do', 'dos', 'du',
  'la', 'le', 'les', 'lo', 'von', 'zu', 'vom', 'ter', 'ten', 'y', 'e', 'bar', 'bat', 'ap', 'nic',
  'mac', 'mc', 'st', 'san', 'santa', 'dela', 'delos', 'oglu', 'ogly', 'kyzy', 'uulu',
]);

/** Given names whose romanisations share no spelling rule. Each group: canonical key first. */
const VARIANT_GROUPS: string[][] = [
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'mohamad', 'muhammed', 'muhamed', 'muhamad', 'mohd',
    'mehmet', 'mehmed', 'mahomed', 'mohammod', 'mouhamed', 'mouhammad', 'mamadou', 'mamadu', 'mokhammed'],
  ['ahmad', 'ahmed', 'ahmet', 'achmed', 'akhmed', 'ahmat', 'ahamed'],
  ['mahmud', 'mahmoud', 'mahmood', 'mehmood', 'mahmut', 'makhmud'],
  ['mustafa', 'mustapha', 'moustafa', 'mostafa', 'mustafo'],
  ['yusuf', 'youssef', 'yousef', 'yusef', 'yousif', 'yusif', 'youcef', 'jusuf', 'yosef', 'yousuf', 'yussuf', 'yossef', 'iosif', 'yosif'],
  ['ibrahim', 'ebrahim', 'ibragim', 'brahim', 'ibrahima', 'ibraheem'],
  ['ismail', 'ismael', 'esmail', 'smail', 'ismoil'],
  ['husayn', 'hussein', 'hussain', 'husain', 'hossein', 'hosein', 'husein', 'huseyin', 'houssein', 'gusein', 'huseyn'],
  ['hasan', 'hassan', 'hasson', 'gasan', 'hassane'],
  ['umar', 'omar', 'omer', 'umer', 'oumar'],
  ['uthman', 'othman', 'osman', 'usman', 'ousmane', 'usmon', 'otman'],
  ['abdullah', 'abdallah', 'abdulla', 'abdalla', 'abdellah', 'abdoulaye', 'abdulah', 'abdollah', 'abdylla'],
  ['khalid', 'khaled', 'halid', 'chaled', 'xalid', 'haled'],
  ['said', 'saeed', 'sayed', 'saied', 'sayid', 'saiid', 'seyid', 'seyed'],
  ['mahdi', 'mehdi', 'mahadi'],
  ['fatima', 'fatma', 'fatemeh', 'fatimah', 'fatoumata', 'fatuma', 'fatime'],
  ['aisha', 'ayesha', 'aysha', 'aicha', 'aishah', 'ayse', 'aisa', 'ayşe', 'aysa'],
  ['maryam', 'mariam', 'meryem', 'miriam', 'maryem', 'mariyam'],
  ['zaynab', 'zainab', 'zeynab', 'zeynep', 'zaineb', 'zenab'],
  ['khadija', 'khadijah', 'hatice', 'hadiza', 'khadidja', 'hadija', 'kadidja'],
  ['yaqub', 'yakub', 'yacoub', 'yaqoob', 'yakup', 'jakub', 'yaakov', 'yakov', 'iakov'],
  ['sulayman', 'suleiman', 'sulaiman', 'suleyman', 'sleiman', 'soliman', 'suleman', 'sulejman', 'souleymane'],
  ['ayyub', 'ayoub', 'ayub', 'eyup', 'eyub', 'ayoob'],
  ['yahya', 'yahia', 'yehia', 'yahye'],
  ['abdulrahman', 'abdurrahman', 'abderrahmane', 'abdelrahman', 'abdulrakhman', 'abdourahmane', 'abdirahman'],
  ['abdulaziz', 'abdelaziz', 'abdulazeez', 'abdilaziz'],
  ['aleksandr', 'alexander', 'aleksander', 'alexandr', 'alexandre', 'aleksandar', 'oleksandr', 'alexandros', 'aliaksandr', 'alyaksandr'],
  ['aleksei', 'alexei', 'alexey', 'aleksey', 'oleksiy', 'oleksii', 'alexej', 'aliaksei'],
  ['vladimir', 'volodymyr', 'wladimir', 'uladzimir', 'vladimiro', 'wlodzimierz', 'vladimer'],
  ['nikolai', 'nikolay', 'nicolai', 'mykola', 'nikolaj', 'mikalai', 'nikola'],
  ['sergei', 'sergey', 'serguei', 'serhiy', 'serhii', 'sergej', 'siarhei'],
  ['dmitri', 'dmitry', 'dmitriy', 'dmitrii', 'dmytro', 'dimitri', 'dzmitry'],
  ['yuri', 'yury', 'yuriy', 'iouri', 'juri', 'jurij', 'yurii', 'yurij'],
  ['mikhail', 'michail', 'mykhailo', 'mikhael', 'michal', 'mikhailo', 'mikhal'],
  ['andrei', 'andrey', 'andriy', 'andrii', 'andrej', 'andrzej'],
  ['yevgeny', 'evgeny', 'evgeni', 'evgenii', 'yevgeniy', 'yevhen', 'evgenij', 'jewgeni', 'ievgen'],
  ['pyotr', 'petr', 'piotr', 'petro', 'petar', 'pyotor'],
  ['fyodor', 'fedor', 'fiodor', 'fedir', 'feodor'],
  ['grigory', 'grigori', 'grigoriy', 'hryhoriy', 'grigorii'],
  ['tatiana', 'tatyana', 'tetiana', 'tetyana', 'tatjana', 'tatsiana'],
  ['yelena', 'elena', 'olena', 'jelena', 'alena'],
  ['natalia', 'nataliya', 'natalya', 'natalija', 'nataliia'],
  ['olga', 'olha', 'volha'],
  ['yulia', 'julia', 'yuliya', 'iuliia', 'julija', 'yuliia'],
  ['nguyen', 'nguyn', 'ngyuen', 'nguen', 'nguien'],
  ['zhang', 'chang', 'cheung'],
  ['wang', 'wong'],
  ['chen', 'chan'],
  ['li', 'lee', 'rhee', 'yi', 'i'],
  ['park', 'pak', 'bak', 'bark'],
  ['choi', 'choe', 'chey'],
  ['kim', 'gim'],
  ['jung', 'jeong', 'chung', 'joung'],
  ['yoon', 'yun'],
  ['lim', 'im', 'rim'],
  ['cho', 'jo'],
  ['juan', 'joan', 'jouan'],
  ['ioannis', 'yiannis', 'giannis', 'yannis', 'ioannes'],
  ['georgios', 'yiorgos', 'giorgos', 'georgiou'],
];

const VARIANT_OF = new Map<string, string>();
for (const group of VARIANT_GROUPS) for (const name of group) if (!VARIANT_OF.has(name)) VARIANT_OF.set(name, group[0]);

const GROUP_OF = new Map<string, number>(VARIANT_GROUPS.map((group, i) => [group[0], i]));

/** A number for a canonical key (for compact token codes); -1 for a key that is none. */
export function variantGroupOf(key: string): number {
  return GROUP_OF.get(key) ?? -1;
}

/** The canonical key of a transliterated given name with known romanisation variants. */
export function variantKey(latin: string): string | undefined {
  return VARIANT_OF.get(latin);
}
