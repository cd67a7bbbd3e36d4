package questions

import "strings"

// The word lists below are small on purpose: they type names by cue and
// supply made-up distractors when an article has too few of its own.

// countryRegions lists sovereign states (and a few former or constituent
// ones) in common English form, by region, so that a country's made-up
// distractors are its neighbours rather than any country at all.
var countryRegions = [][]string{
	words(`Algeria|Angola|Benin|Botswana|Burkina Faso|Burundi|Cameroon|Cape Verde|Central African Republic|
Chad|Comoros|Congo|Djibouti|Egypt|Equatorial Guinea|Eritrea|Eswatini|Ethiopia|Gabon|Gambia|Ghana|
Guinea|Guinea-Bissau|Ivory Coast|Kenya|Lesotho|Liberia|Libya|Madagascar|Malawi|Mali|Mauritania|
Mauritius|Morocco|Mozambique|Namibia|Niger|Nigeria|Rwanda|Senegal|Seychelles|Sierra Leone|Somalia|
South Africa|South Sudan|Sudan|Tanzania|Togo|Tunisia|Uganda|Zambia|Zimbabwe`),
	words(`Albania|Andorra|Armenia|Austria|Azerbaijan|Belarus|Belgium|Bosnia and Herzegovina|Bulgaria|
Croatia|Cyprus|Czech Republic|Denmark|Estonia|Finland|France|Georgia|Germany|Greece|Hungary|Iceland|
Ireland|Italy|Kosovo|Latvia|Liechtenstein|Lithuania|Luxembourg|Malta|Moldova|Monaco|Montenegro|
Netherlands|North Macedonia|Norway|Poland|Portugal|Romania|Russia|San Marino|Serbia|Slovakia|
Slovenia|Spain|Sweden|Switzerland|Ukraine|United Kingdom|England|Scotland|Wales|Northern Ireland|
Soviet Union|Prussia|Yugoslavia|Czechoslovakia`),
	words(`Afghanistan|Bahrain|Bangladesh|Bhutan|Brunei|Cambodia|China|India|Indonesia|Iran|Iraq|Israel|
Japan|Jordan|Kazakhstan|Kuwait|Kyrgyzstan|Laos|Lebanon|Malaysia|Maldives|Mongolia|Myanmar|Nepal|
North Korea|Oman|Pakistan|Palestine|Philippines|Qatar|Saudi Arabia|Singapore|South Korea|Sri Lanka|
Syria|Taiwan|Tajikistan|Thailand|Turkey|Turkmenistan|United Arab Emirates|Uzbekistan|Vietnam|
Yemen|Persia`),
	words(`Argentina|Bahamas|Barbados|Belize|Bolivia|Brazil|Canada|Chile|Colombia|Costa Rica|Cuba|
Dominica|Dominican Republic|Ecuador|El Salvador|Grenada|Guatemala|Guyana|Haiti|Honduras|Jamaica|
Mexico|Nicaragua|Panama|Paraguay|Peru|Suriname|United States|Uruguay|Venezuela`),
	words(`Australia|Fiji|Kiribati|Nauru|New Zealand|Palau|Papua New Guinea|Samoa|Tonga|Tuvalu|Vanuatu`),
}

// countries are all the countries of countryRegions.
var countries = func() []string {
	var all []string
	for _, r := range countryRegions {
		all = append(all, r...)
	}
	return all
}()

// regionOf returns the countries of a country's region, or nil.
func regionOf(country string) []string {
	for _, r := range countryRegions {
		for _, c := range r {
			if c == country {
				return r
			}
		}
	}
	return nil
}

// cities lists capitals and other large cities, used to recognise places
// and to make distractors for a city when an article names too few.
var cities = words(`Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Dhaka|
Minsk|Brussels|Porto-Novo|La Paz|Sarajevo|Gaborone|Brasília|Sofia|Ouagadougou|Phnom Penh|Yaoundé|
Ottawa|Bangui|N'Djamena|Santiago|Beijing|Bogotá|Kinshasa|Havana|Nicosia|Prague|Copenhagen|
Djibouti|Quito|Cairo|Asmara|Tallinn|Addis Ababa|Helsinki|Paris|Libreville|Tbilisi|Berlin|Accra|
Athens|Guatemala City|Conakry|Port-au-Prince|Budapest|Reykjavík|New Delhi|Jakarta|Tehran|Baghdad|
Dublin|Jerusalem|Rome|Kingston|Tokyo|Amman|Astana|Nairobi|Kuwait City|Bishkek|Vientiane|Riga|
Beirut|Monrovia|Tripoli|Vilnius|Antananarivo|Lilongwe|Kuala Lumpur|Bamako|Valletta|Nouakchott|
Mexico City|Chișinău|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Windhoek|Kathmandu|Amsterdam|
Wellington|Managua|Niamey|Abuja|Pyongyang|Oslo|Muscat|Islamabad|Panama City|Asunción|Lima|
Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Riyadh|Dakar|Belgrade|Freetown|Bratislava|
Ljubljana|Mogadishu|Pretoria|Seoul|Juba|Madrid|Colombo|Khartoum|Stockholm|Bern|Damascus|Taipei|
Dushanbe|Dodoma|Bangkok|Lomé|Tunis|Ankara|Ashgabat|Kampala|Kyiv|Abu Dhabi|London|Washington|
Montevideo|Tashkent|Caracas|Hanoi|Sanaa|Lusaka|Harare|New York|Los Angeles|Chicago|Toronto|
Montreal|Vancouver|Sydney|Melbourne|Mumbai|Shanghai|Istanbul|Lagos|Karachi|São Paulo|
Rio de Janeiro|Barcelona|Milan|Munich|Hamburg|Lyon|Marseille|Toulouse|Manchester|Liverpool|
Edinburgh|Glasgow|Osaka|Kyoto|Alexandria|Basra|Mosul|Aleppo|Casablanca|Marrakesh|Timbuktu|
Gao|Agadez|Zinder|Kano|Dubai|Boston|San Francisco|Houston|Philadelphia|Geneva|Zurich|Venice|
Florence|Naples|Seville|Porto|Kraków|St. Petersburg|Hong Kong|Singapore|Baghdad|Córdoba|Granada`)

// nationalities are adjectives of country and people; they describe and
// are never names on their own.
var nationalities = setOf(lower(words(`Afghan|Albanian|Algerian|American|Angolan|Arab|Arabic|
Argentine|Armenian|Australian|Austrian|Belgian|Brazilian|British|Bulgarian|Burkinabe|Canadian|
Chadian|Chilean|Chinese|Colombian|Croatian|Cuban|Czech|Danish|Dutch|Egyptian|English|Ethiopian|
European|Finnish|French|Georgian|German|Ghanaian|Greek|Hungarian|Icelandic|Indian|Indonesian|
Iranian|Iraqi|Irish|Islamic|Israeli|Italian|Jamaican|Japanese|Jewish|Kenyan|Korean|Latin|
Lebanese|Libyan|Malian|Mauritanian|Mexican|Moroccan|Muslim|Nigerian|Nigerien|Norwegian|
Ottoman|Pakistani|Persian|Polish|Portuguese|Roman|Romanian|Russian|Saudi|Scottish|Senegalese|
Serbian|Somali|Soviet|Spanish|Sudanese|Swedish|Swiss|Syrian|Thai|Tunisian|Turkish|Ukrainian|
Vietnamese|Welsh|Western|Eastern|Northern|Southern|African|Asian|Christian|Catholic|Protestant|
Byzantine|Greco-Roman|Euclidean|Galenist|Aristotelian|Fatimid|Malian|Tuareg|Sunni|Shia|
Islamist|Latinized|Frankish|Celtic|Hellenistic|Medieval|Renaissance|Olympic|Nordic|Gallic`))...)

// titles are words that stand before a person's name ("President",
// "journalist", "Captain") and mark it as a person's.
var titles = wordSet(`president|vice|minister|prime|captain|colonel|general|commander|king|queen|
prince|princess|caliph|sultan|emperor|empress|pope|sir|lord|lady|dame|dr|mr|mrs|ms|miss|
professor|prof|judge|justice|senator|governor|mayor|chancellor|secretary|ambassador|admiral|
lieutenant|sergeant|corporal|private|major|marshal|chief|director|editor|publisher|journalist|
columnist|reporter|author|writer|novelist|poet|scientist|physicist|chemist|biologist|botanist|
astronomer|mathematician|philosopher|historian|economist|geologist|engineer|inventor|explorer|
composer|painter|sculptor|architect|singer|actor|actress|coach|manager|striker|goalkeeper|
defender|midfielder|forward|referee|astronaut|cosmonaut|pilot|founder|co-founder|ceo|chairman|
chairwoman|chairperson|bishop|archbishop|cardinal|imam|rabbi|reverend|emir|vizier|shah|duke|
duchess|count|countess|baron|physician|doctor|surgeon|officer|deputy|consul|senator|
representative|councillor|premier|sheikh|ayatollah|pharaoh|tsar|czar|kaiser|khan|saint|
businessman|businesswoman|entrepreneur|investor|activist|lawyer|attorney|scholar|teacher|
student|designer|producer|developer|programmer|researcher|theologian|jurist|poet|translator`)

// organisationWords, as the last word of a name (or anywhere in it for the
// first few), make it an organisation's.
var organisationWords = wordSet(`command|guard|regiment|gendarmerie|army|navy|force|forces|
corporation|corp|group|company|co|ltd|inc|plc|llc|gmbh|university|college|school|academy|
institute|agency|association|party|council|ministry|department|bank|court|church|library|
society|league|federation|union|club|committee|commission|office|service|bureau|foundation|
museum|parliament|government|brigade|battalion|division|media|press|records|airlines|airways|
network|assembly|congress|senate|police|newspapers|newspaper|times|post|herald|tribune|
journal|gazette|studios|pictures|entertainment|industries|holdings|motors|systems|
technologies|laboratories|labs|observatory|orchestra|team|fc|united|organization|
organisation|administration|authority|board|directorate|caliphate|emirate|dynasty|
collections|collective|network|cooperative|alliance|coalition|front|movement|brotherhood`)

// placeWords, as the last word of a name or the noun after it, make it a
// place's.
var placeWords = wordSet(`city|town|village|river|lake|sea|ocean|island|islands|mountain|
mountains|mount|mt|valley|desert|region|province|state|county|district|street|road|avenue|
square|bridge|tower|building|palace|castle|cathedral|mosque|temple|stadium|arena|park|airport|
port|harbour|harbor|station|restaurant|hotel|hospital|peninsula|bay|gulf|coast|plain|plateau|
forest|canyon|falls|border|quay|place|highway|boulevard|capital|kingdom|republic|empire|hall|
territory|prefecture|oblast|canton|municipality|borough|neighborhood|neighbourhood|quarter|hill|
hills|slope|slopes|bank|banks|shore|shores|summit|suburb|suburbs|outskirts|centre|center|delta|
basin|island|isle|cape|strait|channel|fjord|glacier|volcano|oasis|province|colony|basilica|abbey|
chapel|monastery|convent|shrine|theatre|theater|amphitheatre|forum|fortress|fort|citadel|gate|wall`)

// placeHeads are place nouns that follow a name without being part of it
// ("the Toulousain restaurant").
var placeHeads = wordSet(`restaurant|hotel|hospital|stadium|airport|station|bridge|building|
palace|castle|cathedral|mosque|temple|church|tower|square|park|river|mountains|desert|region|
province|border|quay`)

// months are the names of months and days, which are never names of
// people or places in an article. Abbreviations ("Jan") are left out: "Jan"
// is also a given name, and dates are found before names anyway.
var months = wordSet(`january|february|march|april|may|june|july|august|september|october|
november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday`)

// notNames are capitalised abbreviations of eras and time zones.
var notNames = wordSet(`A.D|AD|B.C|BC|BCE|CE|UTC|GMT|EST|PST|CET|AH|A.M|P.M`)

// connectors may stand inside a multi-word name between capitalised words.
var connectors = wordSet(`of|de|du|des|la|le|da|di|del|della|van|von|der|den|ter|ibn|bin|bint|
al|el|y|ul|abu|ben|af|zu|dos|das`)

// stopwords are words that never start a name even when capitalised at the
// start of a sentence.
var stopwords = wordSet(`the|a|an|in|on|at|he|she|it|they|we|i|you|this|these|those|that|there|
his|her|its|their|our|my|your|however|after|before|during|when|while|although|though|as|by|
for|from|with|since|until|both|some|many|most|one|meanwhile|then|later|also|but|and|or|only|
several|each|all|no|not|among|if|because|what|which|who|whom|whose|where|why|how|upon|into|
onto|over|under|between|within|without|about|above|below|after|despite|unlike|like|other|
others|another|such|so|thus|yet|still|even|once|twice|now|today|legend|besides|initially|
according|following|having|being|shortly|long|until|around|nearly|almost|just|every|any|
here|head|since|unlike|previous|early|late|further|moreover|finally|first|second|third|
last|next|instead|overall|although|editorial|editorials|editors|readers|those|descendants|
works|optics|to|of|were|was|is|are|be|been|had|has|have|did|do|does|would|could|should|will|can|may|might|must|per|out|off|up|down|more|less|than`)

// pronouns that need an antecedent when a question stem starts with them.
var openingPronouns = wordSet(`he|she|it|they|this|these|those|his|her|its|their|him|them|
such`)

// words splits a "|"-separated list, ignoring line breaks and spaces around
// the separators.
func words(list string) []string {
	var out []string
	for _, w := range strings.Split(list, "|") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func lower(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

func wordSet(list string) map[string]bool { return setOf(words(list)...) }

// givenNames are common first names in the languages articles are most
// often about; a name that starts with one is most likely a person's.
var givenNames = wordSet(`aaron|abdul|abu|adam|adrian|ahmed|alan|albert|alex|alexander|alfred|ali|alice|
amelia|amy|andrea|andrew|angela|ann|anna|anne|anthony|antoine|antonio|arthur|barbara|ben|benjamin|
bernard|bill|bob|bobby|brian|bruce|carl|carlos|caroline|catherine|charles|charlie|charlotte|chris|
christian|christina|christopher|claire|claude|colin|daniel|david|dennis|diana|donald|dorothy|douglas|
edward|edwin|elena|elizabeth|emily|emma|eric|ernest|eva|francis|frank|franz|fred|frederick|frederic|
gary|geoff|geoffrey|george|georg|gene|gerald|gordon|grace|gregory|hans|harold|harry|helen|helmut|
henri|henry|howard|hugh|ian|isaac|jack|jacob|jacques|james|jan|jane|janet|jean|jeff|jennifer|jim|
jimmy|joe|johann|john|jonathan|jose|josé|joseph|juan|julia|julius|karl|kate|katherine|keith|ken|
kenneth|kevin|klaus|larry|laura|leo|leonard|linda|lisa|louis|louise|lucy|luis|margaret|maria|marie|
mark|martin|mary|matthew|maurice|max|michael|michel|mike|mohamed|mohammed|muhammad|nancy|neil|
nicholas|nicolas|olivia|oliver|otto|patricia|patrick|paul|peter|philip|pierre|ralph|ray|raymond|
richard|robert|roger|ronald|rose|roy|ruth|ryan|sam|samuel|sandra|sarah|satoru|scott|sean|shigeru|
simon|sophie|stanley|stephen|steve|steven|susan|thomas|tim|timothy|tom|tony|victor|vincent|walter|
wayne|william|willy|wolfgang|yuri|zhang`)

// continents and world regions are places of their own shape: a continent
// is no distractor for a town.
var continents = wordSet(`Africa|Europe|Asia|North America|South America|Latin America|Central America|
Oceania|Antarctica|Australasia|Middle East|South-East Asia|Southeast Asia|East Asia|South Asia|
Central Asia|West Africa|East Africa|North Africa|Southern Africa|Scandinavia|the Balkans|Balkans|
the Caribbean|Caribbean|Eurasia|Sub-Saharan Africa|Western Europe|Eastern Europe|Central Europe`)

// fields are disciplines, which follow "in" ("the Nobel Prize in
// Chemistry") without being places.
var fields = wordSet(`chemistry|physics|medicine|physiology|literature|economics|peace|mathematics|
biology|astronomy|philosophy|history|law|music|art|arts|science|sciences|engineering|theology|
geography|geology|botany|zoology|psychology|sociology|linguistics|architecture|optics|mechanics`)

// pastVerbs are common irregular past tenses, which never name what a
// number counts ("five made up 80 %").
var pastVerbs = wordSet(`made|took|gave|came|went|left|won|lost|saw|became|began|fell|rose|held|led|
brought|built|found|told|said|got|ran|sent|set|kept|met|paid|put|sold|spent|stood|struck|taught|
thought|wore|wrote|drove|flew|grew|knew|threw|fought|bought|caught|sought|shot|hit|cut|let|beat`)
