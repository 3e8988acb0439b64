// Small hand-written word lists for the rule-based extractors. They are deliberately general (countries,
// capitals, well-known institutions, common first names, speech verbs), never names picked from one
// article, so the extractors behave the same on text they have not seen.

const set = (s: string): Set<string> =>
  new Set(
    s
      .split("|")
      .map((w) => w.trim())
      .filter(Boolean),
  );

/** Countries and a few country-like regions, as written in English news. */
export const COUNTRIES = set(
  "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|Belgium|" +
    "Bolivia|Bosnia|Brazil|Britain|Bulgaria|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|" +
    "Czech Republic|Czechia|Denmark|Ecuador|Egypt|England|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|" +
    "Guatemala|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|" +
    "Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Malaysia|Mali|Malta|Mexico|Moldova|Mongolia|" +
    "Montenegro|Morocco|Mozambique|Myanmar|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|" +
    "Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|" +
    "Scotland|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|" +
    "Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Kingdom|" +
    "United States|United States of America|U.S.|US|USA|U.S.A.|U.K.|UK|Uruguay|Uzbekistan|Venezuela|Vietnam|Wales|Yemen|" +
    "Zambia|Zimbabwe|Crimea|Donbas|Donbass|Gaza|West Bank|Kashmir|Chechnya|Siberia|Europe|Asia|Africa|Antarctica|" +
    "Latin America|Middle East|Balkans|Scandinavia|Puerto Rico|Soviet Union",
);

/** Capitals, large cities, US states and other frequently named places. */
export const PLACES = set(
  "Washington|New York|Los Angeles|Chicago|Houston|Philadelphia|Phoenix|San Antonio|San Diego|Dallas|San Francisco|Boston|" +
    "Seattle|Denver|Detroit|Miami|Atlanta|Baltimore|Cleveland|Pittsburgh|Las Vegas|New Orleans|Nashville|Orlando|Tampa|" +
    "Charlotte|Milwaukee|Minneapolis|St. Louis|Cincinnati|Columbus|Indianapolis|Des Moines|Manchester|Concord|Richmond|" +
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|" +
    "Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|" +
    "New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|" +
    "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|" +
    "London|Paris|Berlin|Moscow|Kyiv|Kiev|Beijing|Tokyo|Seoul|Pyongyang|Delhi|New Delhi|Mumbai|Islamabad|Kabul|Tehran|" +
    "Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Doha|Dubai|Ankara|Istanbul|Athens|Rome|Madrid|Lisbon|Dublin|" +
    "Brussels|Amsterdam|The Hague|Geneva|Zurich|Bern|Vienna|Prague|Warsaw|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Minsk|" +
    "Vilnius|Riga|Tallinn|Helsinki|Stockholm|Oslo|Copenhagen|Reykjavik|Ottawa|Toronto|Montreal|Vancouver|Mexico City|Havana|" +
    "Caracas|Bogota|Lima|Santiago|Buenos Aires|Brasilia|Rio de Janeiro|Sao Paulo|Canberra|Sydney|Melbourne|Wellington|" +
    "Manila|Jakarta|Bangkok|Hanoi|Singapore|Hong Kong|Shanghai|Taipei|Nairobi|Lagos|Johannesburg|Addis Ababa|Khartoum|" +
    "Tripoli|Tunis|Algiers|Rabat|Donetsk|Luhansk|Kharkiv|Odessa|Mariupol|Sevastopol|Lviv|St. Petersburg|Minsk|Tbilisi|" +
    "Yerevan|Baku|Astana|Tashkent|Munich|Hamburg|Frankfurt|Milan|Barcelona|Davos|Munich|Edinburgh|Silicon Valley|" +
    "Wall Street|Capitol Hill|Manhattan|Brooklyn|Baltic Sea|Black Sea|Mediterranean|Atlantic|Pacific|Persian Gulf|Arctic",
);

/** Institutions that the rules cannot recognise by a cue word ("Kremlin", "NATO"). */
export const ORGANIZATIONS = set(
  "NATO|Kremlin|White House|Pentagon|Congress|Senate|Parliament|Duma|Knesset|Bundestag|Downing Street|Vatican|" +
    "United Nations|UN|U.N.|European Union|EU|E.U.|OSCE|IAEA|WHO|IMF|World Bank|OPEC|G7|G-7|G20|G-20|FBI|CIA|NSA|FEC|" +
    "EPA|IRS|DHS|DOJ|GOP|RNC|DNC|NRA|ACLU|NAACP|AP|Reuters|AFP|Bloomberg|CNN|MSNBC|Fox News|NBC|CBS|ABC|NPR|PBS|BBC|" +
    "Associated Press|Agence France-Presse|New York Times|Washington Post|Wall Street Journal|Politico|Breitbart|" +
    "Breitbart News|Huffington Post|USA Today|Twitter|Facebook|Google|Apple|Microsoft|Amazon|Gazprom|Hamas|Hezbollah|" +
    "Taliban|ISIS|Al Qaeda|al-Qaeda|Supreme Court|Democrats|Republicans|Clinton Foundation|Trump Organization|" +
    "State Department|Defense Department|Justice Department|Treasury Department|Foreign Ministry|Defense Ministry",
);

/** Capitalised words that end an organisation's name ("Carnegie Endowment", "Justice Department"). */
export const ORG_HEADS = set(
  "Department|Ministry|Agency|Administration|Commission|Committee|Council|Union|Party|Institute|Institution|Endowment|" +
    "Foundation|University|College|School|Bank|Fund|Corporation|Corp.|Corp|Inc.|Inc|Co.|Company|Group|Association|" +
    "Organization|Organisation|Alliance|Coalition|Center|Centre|Network|Times|Post|Journal|News|Press|Herald|Tribune|" +
    "Magazine|Review|Court|Senate|House|Assembly|Parliament|Office|Bureau|Service|Services|Forces|Army|Navy|Guard|Police|" +
    "Board|Authority|Federation|Society|League|Club|Campaign|PAC|Project|Caucus|Movement|Church|Airlines|Industries|" +
    "Holdings|Partners|Media|Television|Radio|Broadcasting|Channel|Watch|Initiative|Trust|Council|Computer|Computers|" +
    "Technologies|Technology|Systems|Motors|Labs|Laboratories|Communications|Pharmaceuticals|Energy|Capital|Airways|" +
    "Weekly|Daily|Magazine|Gazette|Observer|Journal|Report|Enterprises|Institute|Agency|Associates|LLC|LLP|Ltd",
);

/** Capitalised words that end a place name ("Baltic Sea", "Crimean Peninsula"). */
export const PLACE_HEADS = set(
  "Sea|Ocean|River|Lake|Mountains|Mountain|Peninsula|Island|Islands|Bay|Gulf|Valley|County|City|Province|Region|" +
    "Strait|Desert|Coast|Canal|Square|Street|Avenue|Park|Hills|Springs|Beach|Falls|Heights|Harbor|Harbour|Bridge",
);

/** Honorifics: what follows is a person's name. */
export const HONORIFICS = set("Mr.|Mrs.|Ms.|Miss|Dr.|Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Rev.|Prof.");

/**
 * Capitalised titles that precede a name ("Secretary of State Antony Blinken", "Sen. Marco Rubio").
 * Longest first so "Vice President" wins over "President".
 */
export const TITLES = [
  "Secretary of State",
  "Secretary of Defense",
  "Secretary of Homeland Security",
  "Secretary General",
  "Secretary-General",
  "Attorney General",
  "Surgeon General",
  "Vice President",
  "Vice-President",
  "President-elect",
  "President",
  "Presidents",
  "Prime Minister",
  "Foreign Minister",
  "Defense Minister",
  "Defence Minister",
  "Interior Minister",
  "Finance Minister",
  "Deputy Foreign Minister",
  "Minister",
  "Foreign Secretary",
  "Defense Secretary",
  "Defence Secretary",
  "Press Secretary",
  "Secretary",
  "Chancellor",
  "Senate Majority Leader",
  "Senate Minority Leader",
  "Majority Leader",
  "Minority Leader",
  "House Speaker",
  "Speaker",
  "Senator",
  "Sen.",
  "Representative",
  "Rep.",
  "Del.",
  "Congressman",
  "Congresswoman",
  "Governor",
  "Gov.",
  "Lt. Gov.",
  "Lieutenant Governor",
  "Mayor",
  "Ambassador",
  "Envoy",
  "General",
  "Gen.",
  "Lt. Gen.",
  "Maj. Gen.",
  "Brig. Gen.",
  "Adm.",
  "Admiral",
  "Col.",
  "Colonel",
  "Capt.",
  "Captain",
  "Sgt.",
  "Judge",
  "Justice",
  "Chief Justice",
  "Chairman",
  "Chairwoman",
  "Chair",
  "Director",
  "Commissioner",
  "Chief",
  "King",
  "Queen",
  "Prince",
  "Princess",
  "Pope",
  "Rabbi",
  "Father",
  "Bishop",
  "Cardinal",
  "Sheikh",
  "Ayatollah",
  "Gov",
  "Sen",
  "Rep",
  "Pres.",
  "Professor",
  "Prof.",
  "Dr.",
  "Commander",
  "Attorney",
  "Spokesman",
  "Spokeswoman",
];

/** Lower-case role nouns that precede a name ("press secretary Jen Psaki", "spokeswoman Maria Zakharova"). */
export const ROLE_NOUNS = set(
  "spokesman|spokeswoman|spokesperson|counterpart|press secretary|secretary|minister|president|chairman|chairwoman|chair|director|" +
    "adviser|advisor|aide|official|officials|ambassador|envoy|senator|governor|mayor|leader|chief|head|founder|" +
    "executive|strategist|pollster|analyst|scholar|professor|economist|historian|lawyer|attorney|candidate|nominee|" +
    "manager|consultant|lawmaker|congressman|congresswoman|representative|commander|general|diplomat|negotiator|" +
    "correspondent|reporter|editor|columnist|host|anchor|commentator|fellow|researcher|expert|activist|donor|" +
    "billionaire|businessman|businesswoman|mogul|developer|star|celebrity|owner|operative|surrogate|supporter|" +
    "deputy|counsel|investigator|prosecutor|judge|justice|officer|agent|staffer|chairman|minister|speaker|director",
);

/** Speech and attribution verbs (lemma -> true); inflections are matched by `isSpeechVerb`. */
const SPEECH_LEMMAS =
  "say|tell|add|ask|answer|reply|respond|write|tweet|post|state|declare|announce|explain|note|insist|argue|claim|" +
  "warn|caution|urge|contend|maintain|acknowledge|admit|concede|recall|remark|comment|observe|suggest|predict|" +
  "promise|vow|pledge|boast|brag|complain|lament|quip|joke|deny|confirm|report|describe|call|label|dub|term|" +
  "characterize|praise|criticize|slam|blast|attack|accuse|charge|allege|assert|stress|emphasize|repeat|reiterate|" +
  "continue|conclude|begin|open|close|muse|shout|yell|scream|chant|cry|whisper|mutter|sigh|laugh|testify|" +
  "read|tout|hail|decry|denounce|condemn|mock|ridicule|question|wonder|speculate|guess|estimate|reveal|disclose|" +
  "inform|assure|reassure|remind|advise|recommend|propose|demand|plead|beg|implore|counter|retort|rebut|fire|" +
  "thunder|proclaim|pronounce|mention|point|offer|put|summarize|sum|hint|imply|concur|agree|disagree|object|" +
  "protest|interject|interrupt|chime|press|push|argue|dismiss|defend|thank|apologize|threaten|challenge|tease|" +
  "credit|blame|fault|congratulate|welcome|cheer|applaud|celebrate|recount|describe|paint|frame|cast|brand|dismiss|" +
  "remember|sing|echo|rave|gush|scoff|snap|sneer|fume|rant|exclaim|opine|theorize|surmise|" +
  "find|believe|think|feel|hope|fear|worry|want|know|see|consider|view";

const SPEECH = new Set(SPEECH_LEMMAS.split("|"));
const IRREGULAR: Record<string, string> = {
  said: "say",
  says: "say",
  saying: "say",
  told: "tell",
  tells: "tell",
  telling: "tell",
  wrote: "write",
  written: "write",
  writes: "write",
  writing: "write",
  spoke: "speak",
  spoken: "speak",
  thought: "think",
  felt: "feel",
  knew: "know",
  saw: "see",
  found: "find",
  began: "begin",
  read: "read",
  put: "put",
  cried: "cry",
  replied: "reply",
  denied: "deny",
  testified: "testify",
  implied: "imply",
  quipped: "quip",
  cast: "cast",
};

/** Lemma of an inflected speech verb, or null when the word is not one. */
const lemmaCache = new Map<string, string | null>();
export function speechLemma(word: string): string | null {
  const hit = lemmaCache.get(word);
  if (hit !== undefined) return hit;
  const res = computeLemma(word);
  // Bounded: the cache only holds words seen in text, but a long-running server sees many.
  if (lemmaCache.size > 50_000) lemmaCache.clear();
  lemmaCache.set(word, res);
  return res;
}

function computeLemma(word: string): string | null {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return SPEECH.has(IRREGULAR[w]) || IRREGULAR[w] === "speak" ? IRREGULAR[w] : null;
  if (SPEECH.has(w)) return w;
  const candidates: string[] = [];
  if (w.endsWith("ied")) candidates.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ies")) candidates.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ed")) candidates.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith("es")) candidates.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith("s")) candidates.push(w.slice(0, -1));
  if (w.endsWith("ing")) candidates.push(w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4));
  for (const c of candidates) if (SPEECH.has(c)) return c;
  return null;
}

/** The strongest speech verbs: a quote next to one of these is certainly someone's words. */
export const CORE_SPEECH = set(
  "say|tell|add|ask|answer|reply|respond|write|tweet|post|state|declare|announce|explain|note|insist|argue|claim|" +
    "warn|urge|contend|acknowledge|admit|recall|remark|comment|observe|suggest|predict|promise|vow|pledge|boast|" +
    "complain|quip|joke|continue|conclude|testify|speak|assert|stress|reiterate|repeat|retort|counter|proclaim|allege|" +
    "concede|confirm|deny|muse|shout|yell|write|read|caution|emphasize|charge|plead|thunder|interject|recount|inform|" +
    "assure|remind|mention|hint",
);

/** Common English given names by gender, used to resolve "he"/"she" when no honorific says it. */
export const MALE_NAMES = set(
  "Aaron|Abraham|Adam|Alan|Albert|Alex|Alexander|Alexei|Alfred|Ali|Allen|Andrew|Andrei|Andy|Angus|Anthony|Antony|" +
    "Arnold|Arthur|Barack|Ben|Benjamin|Bernie|Bernard|Bill|Billy|Bob|Bobby|Boris|Brad|Bradley|Brandon|Brian|Bruce|Bryan|" +
    "Carl|Carlos|Charles|Charlie|Chris|Christopher|Chuck|Clarence|Colin|Corey|Craig|Dan|Daniel|Danny|Darrell|Dave|David|" +
    "Dennis|Dick|Dmitry|Dmitri|Don|Donald|Doug|Douglas|Duncan|Dwight|Ed|Eddie|Edward|Emmanuel|Eric|Erik|Eugene|Evan|" +
    "Frank|Franklin|Fred|Frederick|Gary|Gavin|Gene|George|Gerald|Glenn|Gordon|Graham|Greg|Gregory|Harold|Harry|Henry|" +
    "Herman|Howard|Hugh|Ian|Igor|Isaac|Ivan|Jack|Jacob|Jake|James|Jamie|Jared|Jason|Jay|Jeb|Jeff|Jeffrey|Jens|Jeremy|" +
    "Jerry|Jesse|Jim|Jimmy|Joe|Joel|John|Johnny|Jon|Jonathan|Jorge|Jose|Joseph|Josh|Joshua|Juan|Justin|Karl|Keith|Ken|" +
    "Kenneth|Kevin|Kurt|Larry|Lawrence|Lee|Leon|Lindsey|Lloyd|Louis|Luis|Luke|Luther|Marco|Marcus|Mark|Martin|Matt|" +
    "Matthew|Max|Michael|Mike|Mitch|Mitt|Mohammed|Muhammad|Naftali|Nathan|Neil|Newt|Nicholas|Nick|Nikolai|Noah|Oliver|" +
    "Oscar|Patrick|Paul|Pete|Peter|Phil|Philip|Pierre|Ralph|Rand|Randy|Ray|Raymond|Reince|Richard|Rick|Ricky|Rob|Robert|" +
    "Rod|Roger|Ron|Ronald|Ross|Roy|Rudy|Russell|Ryan|Sam|Samuel|Scott|Sean|Sergey|Sergei|Seth|Steve|Steven|Stephen|" +
    "Stuart|Ted|Terry|Thomas|Tim|Timothy|Todd|Tom|Tommy|Tony|Travis|Trey|Tyler|Vladimir|Volodymyr|Walter|Wayne|Will|" +
    "William|Willie|Xi|Yuri|Zach|Zachary|Jens|Lindsey|Marty|Chad|Corey|Rex|Reince|Stephen|Hakeem|" +
    "Elijah|Cory|Tim|Dale|Kirk|Gov|Orrin|Harry|Jeh|Ash|Ashton|Rahm|Rush|Sean|Tucker|Bret|Chuck|Steny|Kevin|Lamar|Trent",
);

export const FEMALE_NAMES = set(
  "Abigail|Alexandra|Alice|Alicia|Allison|Amanda|Amy|Ana|Andrea|Angela|Angelina|Ann|Anna|Annalena|Anne|Annie|April|" +
    "Ashley|Barbara|Barbra|Becky|Betsy|Betty|Beverly|Brenda|Brittany|Carly|Carol|Caroline|Catherine|Cathy|Chelsea|" +
    "Cheryl|Christina|Christine|Claire|Claudia|Cynthia|Dana|Daniela|Deborah|Debbie|Debra|Denise|Diana|Diane|Donna|Doris|" +
    "Dorothy|Elaine|Elizabeth|Ellen|Emily|Emma|Erin|Eva|Evelyn|Frances|Gabrielle|Gina|Gloria|Grace|Hannah|Heather|" +
    "Heidi|Helen|Hillary|Hope|Huma|Irene|Ivanka|Jacqueline|Jalina|Jan|Jane|Janet|Janice|Jeanne|Jen|Jennifer|Jessica|Jill|" +
    "Joan|Joanne|Jodi|Josephine|Joy|Joyce|Judith|Judy|Julia|Julie|Karen|Kate|Katherine|Kathleen|Kathy|Katie|Katy|Kayleigh|" +
    "Kelly|Kellyanne|Kim|Kimberly|Kirsten|Kristen|Laura|Lauren|Linda|Lisa|Loretta|Lori|Louise|Lynn|Madeleine|Margaret|" +
    "Maria|Marie|Marilyn|Marine|Martha|Mary|Maxine|Megan|Megyn|Melania|Melissa|Michelle|Mika|Monica|Nancy|Natalie|" +
    "Nicole|Nikki|Olga|Pam|Pamela|Patricia|Patty|Paula|Peggy|Rachel|Rebecca|Rosa|Rose|Ruth|Samantha|Sandra|Sara|Sarah|" +
    "Sharon|Sheila|Shirley|Sophie|Stephanie|Sue|Susan|Susana|Suzanne|Tammy|Tara|Teresa|Theresa|Tiffany|Tulsi|Ursula|" +
    "Valerie|Victoria|Virginia|Wendy|Yulia|Condoleezza|Condi|Elizabeth|Hope|Jennifer|Kamala|Nikki|Sarah|" +
    "Liz|Meghan|Omarosa|Roxanne|Stephanie|Tammy|Jeanine|Greta|Dana|Hilary|Debbie|Amy|Jill|Marsha|Gretchen|Nina|Neera|" +
    "Jennifer|Karine|Angela|Theresa|Nicola|Jacinda|Mette|Sanna|Kaja|Ingrida|Zuzana|Jen|Dianne|Nikki|Joni|Tammy|" +
    "Kristi|Kyrsten|Tina|Marcia|Gwen|Loretta|Sheryl|Meryl|Bernadette|Darlene|Gail|Jeanne|Colleen|Kathryn|Leah",
);

/** Capitalised words that start a sentence or a heading but are not names. */
export const NOT_NAMES = set(
  "The|A|An|And|But|Or|If|In|On|At|To|For|From|By|With|Without|As|Of|After|Before|Since|Until|While|When|Where|Why|" +
    "How|What|Who|Whom|Which|That|This|These|Those|There|Here|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|" +
    "Him|Them|Us|Me|Yes|No|Not|So|Then|Now|Still|Yet|Also|Even|Just|Only|Some|Many|Most|More|Much|All|Both|Each|Every|" +
    "Any|Few|Other|Another|Such|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Last|Next|First|Second|Third|" +
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|" +
    "September|October|November|December|Jan.|Feb.|Mar.|Apr.|Aug.|Sept.|Sep.|Oct.|Nov.|Dec.|Today|Tomorrow|Yesterday|" +
    "Meanwhile|However|Instead|Although|Though|Because|During|Despite|Under|Over|Through|Into|About|Against|Between|" +
    "Among|Asked|Speaking|According|Echoing|Earlier|Later|Several|Neither|Nor|Either|Whether|Once|Like|Unlike|Please|" +
    "Well|Oh|Indeed|Perhaps|Maybe|Already|Again|Thus|Hence|Moreover|Furthermore|Nevertheless|Regardless|Overall|" +
    "Former|Top|Senior|Chief|Deputy|Acting|Related|Read|Watch|Click|Photo|Video|Image|Editor|Note|Update|Updated|" +
    "Advertisement|Share|Comments|Comment|Reporting|Writing|Editing|Additional|Sources|Source|Mr|Democratic|Republican|" +
    "Following|Said|Says|Added|Asked|Rival|Citing|Including|Amid|Given|Like|Unlike|Despite",
);

/** Nationality adjectives, mapped to their country, so "Russian troops" and "Russia's troops" agree. */
export const DEMONYMS: Record<string, string> = {
  American: "United States",
  Russian: "Russia",
  Ukrainian: "Ukraine",
  British: "Britain",
  German: "Germany",
  French: "France",
  Chinese: "China",
  Israeli: "Israel",
  Iranian: "Iran",
  Iraqi: "Iraq",
  Syrian: "Syria",
  Turkish: "Turkey",
  Polish: "Poland",
  Latvian: "Latvia",
  Lithuanian: "Lithuania",
  Estonian: "Estonia",
  Belarusian: "Belarus",
  Georgian: "Georgia",
  Swedish: "Sweden",
  Finnish: "Finland",
  Norwegian: "Norway",
  Danish: "Denmark",
  Dutch: "Netherlands",
  Belgian: "Belgium",
  Swiss: "Switzerland",
  Austrian: "Austria",
  Italian: "Italy",
  Spanish: "Spain",
  Portuguese: "Portugal",
  Greek: "Greece",
  Romanian: "Romania",
  Hungarian: "Hungary",
  Czech: "Czech Republic",
  Japanese: "Japan",
  Korean: "Korea",
  Indian: "India",
  Pakistani: "Pakistan",
  Afghan: "Afghanistan",
  Saudi: "Saudi Arabia",
  Egyptian: "Egypt",
  Mexican: "Mexico",
  Canadian: "Canada",
  Brazilian: "Brazil",
  Australian: "Australia",
  Palestinian: "Palestine",
  Cuban: "Cuba",
  Venezuelan: "Venezuela",
  Soviet: "Soviet Union",
  European: "Europe",
  Western: "West",
  NATO: "NATO",
};
