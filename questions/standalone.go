package questions

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question stem must stand alone: a learner meets it without the
// sentences around it. pointsBack finds the words that lean on an earlier
// sentence ("this correspondence", "five more capital cities", "again",
// "the following eleven centuries", "at the time"), and strayPronoun a
// pronoun with no possible referent before it in the stem.

// backWords point back wherever they stand.
var backWords = wordSet(`this|these|those|such|another|again|aforementioned|latter|former|
thereafter|therein|thereby|hereafter|likewise|meanwhile|afterwards|subsequently|nevertheless|
nonetheless|furthermore|moreover|however|instead|otherwise|similarly|accordingly|consequently|
respectively|above|below|further|hitherto|also|aforesaid|here|theirs|hers|ours|resulting|additional|similar|preceding|
thus|therefore|hence|thereupon|whereupon`)

// backPhrases point back as phrases (matched on lower-cased words).
var backPhrases = [][]string{
	{"the", "following"}, {"at", "the", "time"}, {"at", "that", "time"}, {"the", "same"},
	{"that", "year"}, {"that", "day"}, {"that", "month"}, {"that", "time"}, {"the", "next"},
	{"the", "previous"}, {"the", "other"}, {"the", "two"}, {"the", "three"}, {"the", "four"},
	{"both", "of"}, {"the", "new"}, {"the", "incident"}, {"the", "event"}, {"the", "move"},
	{"the", "decision"}, {"the", "latter"}, {"the", "former"}, {"as", "well"}, {"the", "rest"},
	{"the", "remaining"}, {"the", "group"}, {"the", "pair"}, {"the", "couple"}, {"the", "work"},
	{"the", "book"}, {"the", "film"}, {"the", "song"}, {"the", "album"}, {"the", "ship"},
	{"the", "vessel"}, {"the", "city"}, {"the", "town"}, {"the", "company"}, {"the", "team"},
	{"the", "paper"}, {"the", "project"}, {"the", "attack"}, {"the", "battle"}, {"the", "war"},
	{"the", "region"}, {"the", "area"}, {"the", "site"}, {"the", "storm"}, {"the", "debris"},
	{"the", "emperor"}, {"the", "king"}, {"the", "poem"}, {"the", "episode"}, {"the", "game"},
	{"as", "a", "result"}, {"in", "addition"}, {"in", "response"}, {"in", "return"}, {"at", "first"},
	{"by", "then"}, {"this", "end"}, {"for", "this"}, {"the", "change"}, {"the", "break"}, {"the", "overlap"},
	{"the", "training"}, {"the", "brigade"}, {"the", "division"}, {"the", "regiment"}, {"the", "first"},
	{"the", "second"}, {"the", "latter"}, {"the", "best"}, {"the", "remainder"}, {"in", "any", "case"},
	{"in", "this", "case"}, {"in", "that", "case"}, {"the", "tomb"}, {"the", "instrument"},
	{"even", "more"}, {"even", "less"}, {"in", "total"}, {"for", "example"}, {"for", "instance"}, {"that", "evening"}, {"that", "morning"}, {"that", "night"}, {"that", "week"}, {"that", "season"},
	{"that", "summer"}, {"that", "winter"}, {"that", "spring"}, {"that", "autumn"}, {"the", "law"},
	{"the", "measure"}, {"the", "building"}, {"the", "painting"}, {"the", "corps"}, {"the", "series"}, {"the", "novel"}, {"the", "act"}, {"the", "plot"}, {"the", "duke"}, {"the", "temple"},
	{"the", "disaster"}, {"the", "test"}, {"the", "award"}, {"the", "lawsuit"}, {"the", "magazine"}, {"the", "story"}, {"the", "play"}, {"the", "editor"},
	{"the", "show"}, {"the", "animal"}, {"the", "tooth"}, {"the", "gap"}, {"the", "consortium"},
	{"the", "technology"}, {"the", "study"}, {"the", "survey"}, {"the", "surveys"}, {"the", "experiment"},
	{"the", "road"}, {"the", "competition"}, {"the", "tournament"},
}

// stemWords lower-cases s and strips each word's punctuation.
func stemWords(s string) []string {
	fs := strings.Fields(s)
	out := make([]string, 0, len(fs))
	for _, w := range fs {
		out = append(out, strings.ToLower(strings.TrimFunc(w, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
		})))
	}
	return out
}

// pointsBack reports whether a sentence leans on what came before it. A
// definite noun phrase of the backPhrases list is allowed when the stem
// itself says what it is: "the ship" in an article whose title names no
// ship is the ship of an earlier sentence, but "the film" in "The Hustler
// is a 1961 film" is introduced there. subjectHeads are the nouns the
// article's subject is called by ("film", "battle"), which refer to the
// subject and so point nowhere.
func pointsBack(s string, subjectHeads, actors map[string]bool) bool {
	ws := stemWords(s)
	if len(ws) > 0 && sequenceOpeners[ws[0]] && !soonAfterWhat(ws) {
		return true // "Earlier, ...", "Both were ...": after what, who?
	}
	if len(ws) > 2 && (ws[0] == "second" || ws[0] == "third" || ws[0] == "fourth") && (ws[1] == "and" || strings.HasSuffix(strings.Fields(s)[0], ",")) {
		return true // "Second and more important, ...", "Third, ...": the next point of a list the paragraph began
	}
	if len(ws) > 1 && ws[0] == "before" && ws[1] == "that" {
		return true
	}
	if len(ws) > 2 && ws[0] == "of" && (ws[1] == "these" || ws[1] == "those" || ws[1] == "the" && (ofTheWhich[ws[2]] || spelledCounts[ws[2]])) {
		return true // "Of the total population, 39.1 million lived in Africa": of which?
	}
	if len(ws) > 2 && (ws[0] == "a" || ws[0] == "an" || ws[0] == "the") && (ws[1] == "more" || ws[1] == "less" || ws[1] == "later" || ws[1] == "earlier") {
		return true // "A more complete description was given by ...": than which?
	}
	if len(ws) > 2 && ws[0] == "in" && ws[1] == "more" && ws[2] == "recent" {
		return true // "In more recent merger deals": more recent than which?
	}
	if quantifierAlone(ws) {
		return true // "Most range from 0.3 to 0.5 mm": most of what?
	}
	if perfectAfterYear(ws) {
		return true // "In 2006, construction ... has started": written as news, read as a slip
	}
	if len(ws) > 4 && ws[0] == "among" && ws[1] == "the" && (ws[2] == "most" || strings.HasSuffix(ws[2], "est")) &&
		(beWords[ws[3]] || beWords[ws[4]]) {
		return true // "Among the most notable are ...": notable among what?
	}
	if len(ws) > 1 && (ws[0] == "one" || ws[0] == "each" || ws[0] == "neither" || ws[0] == "either") && beWords[ws[1]] {
		return true // "One is small, 59 centimetres long": one of what?
	}
	for i, w := range ws {
		if backWords[w] {
			switch {
			case w == "such" && suchAs(ws[i+1:]):
				continue // "such as", "such reactions as" list, they do not point back
			case w == "those" && i+1 < len(ws) && (ws[i+1] == "who" || ws[i+1] == "of" || ws[i+1] == "in"):
				continue
			case w == "further" && (i+1 < len(ws) && ws[i+1] == "than" || i > 0 && ws[i-1] == "no"):
				continue
			case (w == "above" || w == "below") && !(i > 0 && (ws[i-1] == "mentioned" || ws[i-1] == "the" || ws[i-1] == "see")):
				continue // "above sea level" is a fact, "mentioned above" points back
			case w == "also" && i+1 < len(ws) && (ws[i+1] == "known" || ws[i+1] == "called"):
				continue // "also known as" names, it does not point back
			case w == "also" && i > 2 && (ws[i-1] == "and" || ws[i-1] == "but") && !backWordBefore(ws[:i]):
				continue // "forced Adobe to sell FreeHand back ... and also banned Adobe from ...": the first clause is in the stem
			case w == "another" && i+2 < len(ws) && (introduced(ws[:i], ws[i+1]) || introduced(ws[:i], ws[i+2])):
				continue // "a future mayor ... along with another future mayor": the first is in the stem
			}
			return true
		}
		if (w == "the" || w == "that" || w == "this" || w == "those") && i+1 < len(ws) && eventNouns[ws[i+1]] &&
			!(i+2 < len(ws) && (ws[i+2] == "of" || ws[i+2] == "to" || ws[i+2] == "for" || ws[i+2] == "between" || ws[i+2] == "with")) &&
			!capitalisedAt(s, i+2) && !subjectHeads[ws[i+1]] {
			return true // "the rumours", "that problem": which?
		}
		if w == "that" && i+1 < len(ws) && demonstrativeNoun(ws, i) {
			return true // "that division", "that peace treaty"
		}
		if (isDigits(w) || spelledCounts[w] || w == "_____") && i > 0 && (ws[i-1] == "all" || ws[i-1] == "these" || ws[i-1] == "both") {
			return true // "All three terms": which?
		}
		if (w == "the" || w == "both") && i+1 < len(ws) && definitePlural(s, ws, i, subjectHeads, actors) {
			return true // "the sisters", "both vessels": which?
		}
		if w == "more" && i > 0 && (isDigits(ws[i-1]) || spelledCounts[ws[i-1]]) {
			return true // "five more capital cities"
		}
		if (w == "later" || w == "earlier" || w == "before" && i+1 == len(ws)) && i > 0 && timeUnits[ws[i-1]] {
			return true // "four years later": later than what?
		}
	}
	if t := strings.TrimLeft(s, " \"“"); len(ws) > 2 && ws[0] == "the" && ordinalPronouns[ws[1]] &&
		strings.HasPrefix(strings.TrimPrefix(strings.TrimPrefix(t, "The "), ws[1]), ",") {
		return true // "The first, a pre-season match-up, ...": the first of what?
	}
	if len(ws) > 3 && ws[0] == "the" && laterOrdinals[ws[1]] && !capitalisedAt(s, 1) && !capitalisedAt(s, 2) && ws[3] != "of" {
		return true // "The second zone, the "Green Zone", was reserved for ...": the second of what? ("The third ascent of K2" says)
	}
	if len(ws) > 2 && ws[0] == "in" && ws[1] == "particular" {
		return true // "In particular, the 1997 observation ...": particular among what?
	}
	// "The break resulted in ...": a sentence that opens on a definite
	// noun phrase of common nouns speaks of something met before, unless
	// it is what the article is about or says whose it is ("The capital
	// of ...").
	if len(ws) > 2 && ws[0] == "the" && !subjectHeads[ws[1]] && !actors[ws[1]] && ws[2] != "of" && !capitalisedAt(s, 1) && !superlatives[ws[1]] &&
		!(len(ws) > 3 && ws[3] == "of" && !capitalisedAt(s, 2)) && !namedWithin(s, 2, 5) {
		return true
	}
	if definiteAfterOpener(s, ws, subjectHeads, actors) {
		return true
	}
	for _, p := range backPhrases {
		for i := 0; i+len(p) <= len(ws); i++ {
			if ws[i] != p[0] || ws[i+1] != p[1] || len(p) == 3 && ws[i+2] != p[2] {
				continue
			}
			if len(p) == 2 && p[0] == "the" && (subjectHeads[p[1]] || capitalisedAt(s, i+1)) {
				continue // "the Second World War" is a name
			}
			if len(p) == 2 && p[0] == "the" && ordinalPronouns[p[1]] && !spelledCounts[p[1]] && i+2 < len(ws) && !auxiliaries[ws[i+2]] {
				continue // "the first final" says what; "the first was broadcast" and "the two helicopters" do not
			}
			if len(p) == 2 && p[0] == "the" && (introduced(ws[:i], p[1]) || i+2 < len(ws) && ws[i+2] == "of") {
				continue // "a new ship ... the ship", "the battle of Hastings"
			}
			return true
		}
	}
	return false
}

// backWordBefore reports whether a word that points back stands among ws.
func backWordBefore(ws []string) bool {
	for _, w := range ws {
		if backWords[w] && w != "also" {
			return true
		}
	}
	return false
}

// outsideBrackets returns s without its bracketed asides: "using the =
// rotating inversion line" lost a formula, "(2²⁰ = 1,048,576)" is one.
func outsideBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// laterOrdinals say a thing is one of a series met before.
var laterOrdinals = wordSet(`second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth`)

// definiteAfterOpener reports a main clause that opens, after a
// participle phrase set off by a comma, on a definite noun phrase of
// common nouns: "Judging by the tooth, the animal measured ...", "After
// being exhausted from the cylinder, the water was pumped ...". Like a sentence that opens on
// one, it speaks of something met before, unless the phrase is the
// article's subject or one of its main actors, or says which.
func definiteAfterOpener(s string, ws []string, subjectHeads, actors map[string]bool) bool {
	fs := strings.Fields(s)
	if len(fs) != len(ws) || len(ws) < 5 {
		return false
	}
	participle := func(w string) bool {
		return len(w) >= 5 && strings.HasSuffix(w, "ing") && w != "during" && w != "according" && w != "notwithstanding"
	}
	if !participle(ws[0]) && !((ws[0] == "after" || ws[0] == "before" || ws[0] == "upon" || ws[0] == "on" || ws[0] == "while" || ws[0] == "when") && participle(ws[1])) {
		return false // "In South America, the density ...": a place or time says which
	}
	for c := 1; c < min(len(fs)-3, 10); c++ {
		if !strings.HasSuffix(fs[c], ",") {
			continue
		}
		i := c + 1
		if ws[i] != "the" || capitalisedAt(s, i+1) || subjectHeads[ws[i+1]] || actors[ws[i+1]] || superlatives[ws[i+1]] ||
			ws[i+2] == "of" || strings.HasSuffix(fs[i+1], ",") || namedWithin(s, i+2, min(i+4, len(fs)-1)) {
			return false
		}
		if i+3 < len(ws) && ws[i+3] == "of" && !capitalisedAt(s, i+2) {
			return false // "the history of ...": it says whose
		}
		return true
	}
	return false
}

// definitePlural reports whether ws[i] ("the" or "both") opens a plural
// noun phrase of common nouns that the stem does not explain: "the
// sisters were transferred", "both vessels were obsolete", "the tensions
// escalated" speak of things met in an earlier sentence, unless they are
// the groups the whole article speaks of (actors: "the jihadists"). A phrase that
// goes on to say which ("the soldiers of the garrison", "the ships that
// sank", "both Rome and Carthage") is left alone.
func definitePlural(s string, ws []string, i int, subjectHeads, actors map[string]bool) bool {
	n := ws[i+1]
	if capitalisedAt(s, i+1) || !pluralNoun(n) || actors[n] || subjectHeads[n] || subjectHeads[strings.TrimSuffix(n, "s")] ||
		introduced(ws[:i], n) || introduced(ws[:i], strings.TrimSuffix(n, "s")) {
		return false
	}
	if i+2 < len(ws) && explainsPlural[ws[i+2]] {
		return false
	}
	if quotedAt(s, i+2) {
		return false // "The terms "Paleolithic" and "Neolithic" were introduced by ...": the quoted names say which
	}
	if ws[i] == "both" {
		for _, w := range ws[i+1 : min(len(ws), i+6)] {
			if w == "and" {
				return false // "both the army and the navy"
			}
		}
	}
	return true
}

// quotedAt reports whether the i-th word of s opens a quotation.
func quotedAt(s string, i int) bool {
	fs := strings.Fields(s)
	if i >= len(fs) {
		return false
	}
	for _, q := range []string{"\"", "“", "'", "‘"} {
		if strings.HasPrefix(fs[i], q) {
			return true
		}
	}
	return false
}

// pluralNoun reports whether w looks like a plural common noun: "ships",
// "tensions", "evacuees"; not "this", "glass", "census", "analysis".
func pluralNoun(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.ContainsAny(w, "'’") || stopwords[w] || notPlural[w] {
		return false
	}
	for _, suf := range []string{"ss", "us", "is", "ous", "ics"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// notPlural are words in -s that name no set met before.
var notPlural = wordSet(`news|series|species|means|whereas|always|perhaps|sometimes|towards|besides|nevertheless|
afterwards|arts|humanities|alps|andes|netherlands|philippines|bahamas|americas|tropics|romans|greeks|jews|
christians|muslims|allies|axis|poles|people|barracks|headquarters|works|
stakes|odds|invaders|defenders|attackers|victors|besiegers|rebels|insurgents|crusaders|colonists|settlers|natives|masses|elements|stars|heavens|seas|oceans|gods|aztecs|incas`)

// explainsPlural are the words after a plural noun that go on to say which
// ones are meant.
var explainsPlural = wordSet(`of|who|that|which|whose|from|in|at|on|for|with|to|under|between|among|involved|
known|called|named|led|behind|responsible|used|made|built|held|living|born|based|serving|around`)

// introduced reports whether the noun stands earlier in the stem ("a new
// ship ... the ship").
func introduced(before []string, noun string) bool {
	for _, w := range before {
		if w == noun {
			return true
		}
	}
	return false
}

var spelledCounts = wordSet(`one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|dozen`)

// thirdPronouns need a referent.
var thirdPronouns = wordSet(`he|she|him|his|her|hers|himself|herself|they|them|their|theirs|themselves|it|its|itself`)

// strayPronoun reports whether a pronoun in s has nothing before it in the
// stem that it could refer to: no name (a capitalised word after the
// first) and no noun phrase. The opening pronoun was already replaced by
// the subject where that was safe; one that is left stands alone.
//
// he, she and their forms need a person before them when persons (the
// article's person names, by word) is given: in "While visiting Vienna in
// 1781, he was dismissed" Vienna is no referent.
func strayPronoun(s string, persons map[string]bool) bool {
	fs := strings.Fields(s)
	for i, raw := range fs {
		w := strings.ToLower(strings.Trim(raw, ".,;:!?\"'“”()"))
		if !thirdPronouns[w] {
			continue
		}
		if w == "it" && i+1 < len(fs) && expletiveAfterIt[strings.ToLower(strings.Trim(fs[i+1], ".,;:"))] && i == 0 {
			continue // "It is thought that ..."
		}
		if !capitalBefore(fs[:i]) || personal[w] && persons != nil && !personBefore(fs[:i], persons) ||
			plural[w] && !pluralBefore(fs[:i]) {
			return true
		}
		if w == "him" && persons != nil && i > 3 && !personBefore(fs[3:i], persons) {
			return true // "Jane Luu later joined him": not Jane Luu, the one of the sentence before
		}
	}
	return false
}

var personal = wordSet(`he|she|him|his|her|hers|himself|herself`)

var plural = wordSet(`they|them|their|theirs|themselves`)

// pluralBefore reports whether words hold something "they" can stand for:
// two names joined by "and", or a plural noun ("the Allies", "the
// soldiers") after the first word.
func pluralBefore(words []string) bool {
	for j, w := range words {
		t := strings.ToLower(strings.Trim(w, ".,;:!?\"'“”()"))
		if t == "and" && j > 0 {
			return true
		}
		if j > 0 && len(t) > 3 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") && !stopwords[t] && !strings.HasSuffix(t, "us") &&
			!(startsUpper(strings.Trim(w, "\"'“”(")) && j+1 < len(words) && startsUpper(words[j+1])) {
			return true // not a word inside a name: "Flight Crew Operations Deke Slayton removed them" names one man
		}
	}
	return false
}

// personBefore reports whether one of words is a word of a person's name.
func personBefore(words []string, persons map[string]bool) bool {
	for _, w := range words {
		if persons[strings.Trim(w, ".,;:!?\"'“”()’s")] || persons[trimPossessive(strings.Trim(w, ".,;:!?\"“”()"))] {
			return true
		}
	}
	return false
}

var expletiveAfterIt = wordSet(`is|was|has|had|seems|seemed|appears|appeared|remains|remained`)

// capitalBefore reports whether some capitalised word, not only the
// sentence's first, stands among words: a pronoun after it can refer to it.
func capitalBefore(words []string) bool {
	for j, w := range words {
		t := strings.Trim(w, ".,;:!?\"'“”()")
		if t == "" {
			continue
		}
		r := []rune(t)
		if !unicode.IsUpper(r[0]) {
			continue
		}
		if j == 0 && (stopwords[strings.ToLower(t)] || strings.HasSuffix(w, ",") || strings.HasSuffix(strings.ToLower(t), "ly")) {
			continue // "Formerly, they ...": an opening word is no referent
		}
		if j == 0 && len(words) > 1 && !startsUpper(words[1]) && pluralNoun(strings.ToLower(t)) && len(lexHypernyms(strings.ToLower(t))) > 0 && len(lexInstanceOf(t)) == 0 {
			continue // "Archaeologists believe it is 2,000 years old": a common noun capitalised to open the sentence, not what "it" is
		}
		return true
	}
	return false
}

// subjectHeads are the common nouns the article calls its subject by: the
// words of its title ("Second Battle of Naktong Bulge" gives "battle") and
// the head of the lead's "is a ..." ("a 1961 American film").
func subjectHeads(a *Article, sents []Sentence) map[string]bool {
	m := map[string]bool{}
	for _, w := range stemWords(strings.NewReplacer("(", " ", ")", " ").Replace(a.Title)) {
		m[w] = true
	}
	if len(sents) == 0 {
		return m
	}
	ws := stemWords(sents[0].Text)
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i] == "is" || ws[i] == "was" || ws[i] == "are" || ws[i] == "were") && (ws[i+1] == "a" || ws[i+1] == "an" || ws[i+1] == "the") {
			j := i + 2
			for j < len(ws) && !headStop[ws[j]] && j < i+10 {
				j++
			}
			for _, w := range ws[i+2 : j] {
				if settlementHeads[w] {
					// "Aarau is a town, a municipality, and the capital of
					// ...": the article's "the city" and "the town" are it
					m["city"], m["town"] = true, true
				}
			}
			if j > i+2 {
				m[ws[j-1]] = true
				if w := compoundTail(ws[j-1], sents); w != "" {
					m[w] = true
				}
				for _, w := range strings.Fields(headSynonyms[ws[j-1]]) {
					m[w] = true
				}
			}
			break
		}
	}
	return m
}

var settlementHeads = wordSet(`city|town|municipality|capital|commune|village|borough|port|metropolis|conurbation`)

// headSynonyms are the other nouns an article calls a thing of its head
// noun by: a submarine article speaks of "the boats", a film's of "the
// film" and "the movie".
var headSynonyms = map[string]string{
	"submarine": "boat boats", "battleship": "ship ships", "warship": "ship ships", "cruiser": "ship ships",
	"destroyer": "ship ships", "frigate": "ship ships", "ironclad": "ship ships", "newspaper": "paper",
	"film": "movie", "song": "track single", "single": "song track", "album": "record", "aircraft": "plane",
	"airliner": "aircraft plane", "automobile": "car", "city": "town", "town": "city", "video game": "game",
}

// compoundTail returns the last part of a compound head noun when the
// article calls its subject by that part too: a "newspaper" is "the paper"
// and a "battleship" "the ship" in running text (twice at least).
func compoundTail(head string, sents []Sentence) string {
	for k := 3; k+4 <= len(head); k++ {
		tail := head[k:]
		if len(lexHypernyms(tail)) == 0 {
			continue
		}
		the, thes, n := "the "+tail+" ", "the "+tail+"s ", 0
		for _, s := range sents {
			if ls := strings.ToLower(s.Text); strings.Contains(ls, the) || strings.Contains(ls, thes) {
				n++
			}
		}
		if n >= 2 {
			return tail
		}
		return ""
	}
	return ""
}

var headStop = wordSet(`of|in|on|by|from|for|that|which|who|with|and|or|to|at|located|based|known|founded|near`)

// suchAs reports whether "as" follows "such" within three words.
func suchAs(after []string) bool {
	for i := 0; i < len(after) && i < 3; i++ {
		if after[i] == "as" {
			return true
		}
	}
	return false
}

// endsInAbbreviation reports whether a sentence was cut at an abbreviation
// ("(introduces e.g."): the splitter took its stop for the sentence's.
func endsInAbbreviation(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return false
	}
	last := strings.ToLower(strings.TrimLeft(ws[len(ws)-1], "(\"“"))
	return last == "e.g." || last == "i.e." || last == "etc." && strings.Contains(s, "(") || last == "cf." || last == "vs." || last == "c." ||
		(last == "ltd." || last == "inc." || last == "co." || last == "corp.") && strings.HasSuffix(ws[len(ws)-1], last) // "made Sega Enterprises, ltd." was cut there; "the Honeywell Corp." ends
}

var timeUnits = wordSet(`years|year|months|month|weeks|week|days|day|decades|decade|centuries|century|hours|minutes|moments|time`)

// demonstrativeNoun reports whether "that" at ws[i] is a determiner before a
// noun ("that division reported") rather than a conjunction or relative
// ("said that the", "the ship that sank"): the next word is a common noun
// and not a word that starts a clause, and the word before is no noun the
// "that" could attach to as a relative.
func demonstrativeNoun(ws []string, i int) bool {
	next := ws[i+1]
	if clauseStarts[next] || stopwords[next] || next == "" || strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "ly") {
		return false
	}
	if len(lexHypernyms(next)) == 0 {
		return false
	}
	if i == 0 {
		return true
	}
	prev := ws[i-1]
	return prepositions[prev] || prev == "" || prev == "and" || isDigits(prev) || months[prev]
}

var clauseStarts = wordSet(`the|a|an|he|she|it|they|we|i|you|his|her|its|their|this|these|there|was|is|were|are|had|has|have|would|could|should|will|may|might|can|did|does|do|not|no|all|some|many|most|each|every|one|two|three|four|five|year|time|day`)

var prepositions = wordSet(`on|in|at|by|for|from|with|to|into|onto|after|before|during|since|until|under|over|about|against|between|through|throughout|across|behind|beyond|near|within|without|towards|toward|upon|via`)

// inList reports whether the span is an item of a list of names ("Angola,
// Ghana, ... and _____", "such as _____", "including _____"): any other
// member would fit the blank as well.
func inList(s string, sp Span) bool {
	before := strings.TrimRight(s[:sp.Start], " ")
	after := strings.TrimLeft(s[sp.End:], " ")
	lb := strings.ToLower(before)
	if i := strings.LastIndexByte(lb, ' '); i > 0 && (honorifics[lb[i+1:]] || titles[lb[i+1:]]) {
		lb = lb[:i] // "such as Sir _____"
	}
	for _, cue := range []string{"such as", "including", "like", "e.g.", "among them", "namely"} {
		if strings.HasSuffix(lb, cue) {
			return true
		}
	}
	commaBefore := strings.HasSuffix(before, ",")
	andBefore := strings.HasSuffix(lb, " and") || strings.HasSuffix(lb, " or")
	if andBefore {
		// "such as Persians or _____", "including Crete and _____": the
		// last item of a list a cue opens
		ws := strings.Fields(lb)
		for k := len(ws) - 2; k >= max(0, len(ws)-5); k-- {
			if ws[k] == "as" && k > 0 && ws[k-1] == "such" || ws[k] == "including" || ws[k] == "like" || ws[k] == "namely" {
				return true
			}
		}
		for k := len(ws) - 2; k >= max(0, len(ws)-14); k-- {
			if (ws[k] == "included" || ws[k] == "include" || ws[k] == "includes") && strings.Contains(strings.Join(ws[k:], " "), ",") {
				return true // "Famous visitors to the tower included the Prince of Wales, Sarah Bernhardt, ... and _____": one of many
			}
		}
	}
	commaAfter := strings.HasPrefix(after, ",")
	andAfter := strings.HasPrefix(strings.ToLower(after), "and ") || strings.HasPrefix(strings.ToLower(after), "or ")
	// a name list has at least two separators around the span
	// "Reinhardt's second son, _____, became a guitarist", "Dowland's
	// son, _____, in 1610": an appositive between commas, not a list,
	// when the words after it go on in lower case
	nextAfterComma := ""
	if commaAfter {
		if w := strings.Fields(strings.TrimPrefix(after, ",")); len(w) > 0 {
			nextAfterComma = w[0]
		}
	}
	appositive := commaBefore && commaAfter && nextAfterComma != "" && !startsUpper(nextAfterComma) &&
		nextAfterComma != "and" && nextAfterComma != "or" && !startsWithDigit(nextAfterComma)
	if commaBefore && (commaAfter && !appositive || andAfter) || andBefore && strings.Count(before, ",") >= 1 && listTail(before) ||
		commaAfter && andAfter {
		return true
	}
	if commaAfter && startsUpper(s[sp.Start:sp.End]) && !strings.ContainsAny(s[sp.Start:sp.End], "0123456789") {
		// "Angola, Ghana and Togo"; not "In 1951, David A. Huffman and
		// his classmates ..." or "during August 1903, Lenin and Julius
		// Martov disagreed", where the span is a date before the clause
		rest := strings.TrimPrefix(after, ",")
		if w := strings.Fields(rest); len(w) > 0 && capitalised(strings.Trim(w[0], ",")) && strings.Contains(rest, " and ") && strings.Index(rest, ",") < strings.Index(rest, " and ")+1 {
			return true
		}
	}
	return false
}

// listTail reports whether the words before a final "and" end a list of
// capitalised items ("Angola, Ghana, Togo and").
func listTail(before string) bool {
	i := strings.LastIndex(before, ",")
	if i < 0 {
		return false
	}
	if t := strings.TrimSpace(before[i+1:]); t == "and" || t == "or" {
		// the serial comma: "France, Denmark, and _____"
		before = before[:i]
		if i = strings.LastIndex(before, ","); i < 0 {
			return false
		}
	}
	item := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(before[i+1:]), " and"), " or")
	w := strings.Fields(item)
	if len(w) > 0 && strings.EqualFold(w[0], "the") {
		w = w[1:]
	}
	return len(w) > 0 && len(w) <= 7 && capitalised(w[0])
}

// nameGoesOn reports whether a name continues past the span ("Quai
// d'Orsay", "Charles de Gaulle"): the blank would cover half of it.
func nameGoesOn(s string, sp Span) bool {
	after := s[sp.End:]
	for _, p := range []string{" for ", " on ", " in a "} {
		if rest, ok := strings.CutPrefix(after, p); ok && rest != "" && unicode.IsUpper([]rune(rest)[0]) &&
			strings.Contains(s[sp.Start:sp.End], " ") && capitalised(s[sp.Start:sp.End]) && (p != " on " || nameBody(s[sp.Start:sp.End])) {
			// "The _____ for Research on Cancer", "the _____ on Zoological
			// Nomenclature", "_____ in a Leading Role": half a name
			return true
		}
	}
	if strings.HasPrefix(after, ", D.C.") {
		return true // Washington, D.C.
	}
	for _, ap := range []string{"' ", "’ "} {
		if rest, ok := strings.CutPrefix(after, ap); ok && rest != "" && unicode.IsUpper([]rune(rest)[0]) {
			return true // "the _____' War" for the Seven Years' War
		}
	}
	if w := strings.Fields(after); len(w) >= 2 && months[strings.ToLower(w[0])] && capitalised(w[1]) &&
		!isDigits(strings.Trim(w[1], ",.")) && capitalised(s[sp.Start:sp.End]) {
		return true // "_____ August Kekulé" for Friedrich August Kekulé
	}
	for _, p := range []string{" d'", " d’", " de ", " del ", " della ", " di ", " du ", " van ", " von ", " la ", " le ", " und ", " zu "} {
		if strings.HasPrefix(after, p) {
			rest := strings.TrimPrefix(after, p)
			return rest != "" && (unicode.IsUpper([]rune(rest)[0]) || strings.HasSuffix(p, "'") || strings.HasSuffix(p, "’"))
		}
	}
	return false
}

// nameBody reports whether a name ends on a word that names a body
// ("Agency", "Commission", "Committee"): what follows it with "for" or
// "on" is still its name.
func nameBody(name string) bool {
	ws := strings.Fields(name)
	return organisationWords[strings.ToLower(ws[len(ws)-1])]
}

// trivialKeys are answers anyone gives without the article, and the
// suffixes of a company's name ("Respironics, _____": Inc.), which ask
// nothing about it.
var trivialKeys = wordSet(`earth|the earth|sun|the sun|god|world|the world|heaven|universe|europe|asia|africa|
inc|ltd|llc|plc|corp|co|nv|ag|gmbh|sa|spa|bv|ab|oy|srl`)

// openEnded reports whether a date stands after a word that makes nearby
// dates true as well ("by 1500", "as of 2010", "since 1891", "around
// 1800"): no options can be made for it.
func openEnded(s string, sp Span) bool {
	ws := stemWords(s[:sp.Start])
	if len(ws) == 0 {
		return false
	}
	if len(ws) >= 3 && ws[len(ws)-1] == "year" && ws[len(ws)-2] == "the" {
		ws = ws[:len(ws)-2] // "around the year 1590" is "around 1590"
	}
	if len(ws) >= 3 && ws[len(ws)-1] == "least" && ws[len(ws)-2] == "at" {
		ws = ws[:len(ws)-2] // "by at least 1200 BC" is "by 1200 BC"
	}
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	if len(ws) >= 2 && ws[len(ws)-2] == "as" && last == "of" {
		return true
	}
	if len(ws) >= 2 && (ws[len(ws)-2] == "prior" || ws[len(ws)-2] == "up" || ws[len(ws)-2] == "previous" || ws[len(ws)-2] == "subsequent") && last == "to" ||
		len(ws) >= 2 && (ws[len(ws)-2] == "earlier" || ws[len(ws)-2] == "later") && last == "than" {
		return true // "prior to 20 April 1896": any later date is true too
	}
	if len(ws) >= 3 && ws[len(ws)-3] == "as" && (ws[len(ws)-2] == "recently" || ws[len(ws)-2] == "late" || ws[len(ws)-2] == "early") && last == "as" {
		return true // "as recently as 1962": later years are true too
	}
	return openDateWords[last]
}

var openDateWords = wordSet(`by|since|until|till|around|circa|c|about|after|before|from|early|late|mid|throughout`)

// approximate reports whether a number is stated loosely ("as many as
// 500", "over one hundred", "some 4,000"): options near it would be true.
func approximate(s string, sp Span) bool {
	ws := stemWords(s[:sp.Start])
	n := len(ws)
	if n == 0 {
		return false
	}
	if approxWords[ws[n-1]] || n >= 2 && (ws[n-2] == "more" || ws[n-2] == "less" || ws[n-2] == "fewer") && ws[n-1] == "than" ||
		n >= 3 && ws[n-3] == "as" && ws[n-2] == "many" && ws[n-1] == "as" {
		return true
	}
	// a conversion in brackets after the number gives it away: "466
	// square kilometres (180 sq mi)"
	return false
}

// convertedAfter reports whether a bracketed figure follows the number and
// its unit, from which the number can be worked out.
func convertedAfter(s string, end int) bool {
	if end < 0 || end > len(s) {
		return false
	}
	after := strings.TrimLeft(s[end:], " ")
	return strings.HasPrefix(after, "(") && len(after) > 1 && (startsWithDigit(after[1:]) || strings.HasPrefix(after[1:], "about") || strings.HasPrefix(after[1:], "c."))
}

// titleGivesAway reports whether the quiz's title gives the answer away:
// a word of the answer stands in the title ("Naktong River" in a quiz on
// the Second Battle of Naktong Bulge, "Ernest Shackleton" on Shackleton
// crater), or the answer is a short abbreviation of a title word ("Co"
// for Cobalt). Years are left out: a title's year is a date's context.
func (g *generator) titleGivesAway(answer string) bool {
	title := NormalizeAnswer(trimParens(g.a.Title) + " " + strings.NewReplacer("(", " ", ")", " ").Replace(g.a.Title))
	a := NormalizeAnswer(answer)
	tw := strings.Fields(title)
	if isDigits(a) && len(a) >= 3 && slices.Contains(tw, a) {
		return true // "the _____ Summer Games" in a quiz on the 1936 Summer Olympics
	}
	for _, w := range strings.Fields(a) {
		if len(w) <= 3 || stopwords[w] || connectors[w] || months[w] || isDigits(w) {
			continue
		}
		if containsWords(title, w) && (len(lexHypernyms(w)) == 0 || a == w) {
			return true // "Naktong River" in "Second Battle of Naktong Bulge"; but "Star Weekly" is not given by "Toronto Star"
		}
		if one := strings.TrimSuffix(w, "s"); one != w && len(one) > 3 && containsWords(strings.ReplaceAll(title, "-", " "), one) && len(lexHypernyms(one)) == 0 {
			return true // "one of the few remaining _____" for Claudians, in a quiz on the Julio-Claudian dynasty
		}
	}
	if len(a) >= 2 && len(a) <= 3 && !strings.Contains(a, " ") {
		for _, w := range tw {
			if len(w) > len(a) && strings.HasPrefix(w, a) {
				return true
			}
		}
	}
	return false
}

// nameBegunBefore reports whether the span is the tail of a longer name
// ("the Korean People's _____" for Army, "Saint _____" for Petersburg):
// the word before it is capitalised, is not the sentence's first, and is
// no title that stands before a person's name ("General _____").
func nameBegunBefore(s string, sp Span) bool {
	before := strings.Fields(s[:sp.Start])
	n := len(before)
	if n < 2 || strings.HasSuffix(s[:sp.Start], ", ") || !strings.HasSuffix(s[:sp.Start], " ") {
		return false
	}
	prev := trimPossessive(before[n-1])
	lp := strings.ToLower(strings.TrimSuffix(prev, "."))
	if nameParticles[lp] {
		return true // "Field Marshal von _____": the particle is half the surname
	}
	if n >= 2 && (prev == "A" || prev == "The" || prev == "An") && strings.HasSuffix(before[n-2], ":") {
		return true // "Cosmos: A _____" for "Cosmos: A Spacetime Odyssey"
	}
	if n >= 3 && lp == "the" && before[n-2] == "of" && capitalised(before[n-3]) {
		return true // "the War of the _____" for the War of the Grand Alliance
	}
	if n >= 2 && lp == "the" && capitalised(before[n-2]) && !stopwords[strings.ToLower(before[n-2])] && !isDigits(before[n-2]) &&
		!strings.HasSuffix(before[n-2], ",") {
		return true // "Pliny the _____", "Alexander the _____": an epithet, half the name
	}
	if k := slices.Index(before, "Best"); k >= 0 && k >= n-4 && k < n-2 && (lp == "in" || lp == "a" && before[n-2] == "in") {
		return true // "Best Actress in (a) _____" for Best Actress in a Leading Role
	}
	if months[lp] && n >= 2 && capitalised(before[n-2]) && !stopwords[strings.ToLower(before[n-2])] && !isDigits(before[n-2]) &&
		!months[strings.ToLower(before[n-2])] {
		return true // "Johann August _____": August is a given name here
	}
	if n >= 2 && (lp == "to" || lp == "for" || lp == "on") && organisationWords[strings.ToLower(strings.Trim(before[n-2], ",."))] &&
		capitalised(before[n-2]) {
		return true // "the League to _____" for the League to Enforce Peace
	}
	if !capitalised(prev) || months[lp] || stopwords[lp] || isDigits(prev) {
		return false
	}
	if lp == "saint" || lp == "st" || lp == "san" || lp == "santa" || lp == "new" || lp == "fort" || lp == "mount" || lp == "lake" || lp == "cape" {
		return true // "Saint Petersburg", "Lake Onega": a place's own name
	}
	if innerTitles[lp] && n >= 2 && !strings.HasSuffix(before[n-2], ",") {
		// "Umar Sheikh _____", "Tahmasp Shah _____", "Daulat Khan _____":
		// a title inside a name, whose last part the blank is
		p2 := strings.Trim(before[n-2], "\"'“”(")
		l2 := strings.ToLower(strings.TrimSuffix(p2, "."))
		if capitalised(p2) && !stopwords[l2] && !nationalities[l2] && !isDigits(p2) && !months[l2] && !isAcronym(p2) {
			return true
		}
	}
	return !titles[lp] && !honorifics[lp] && !nationalities[lp]
}

// innerTitles are titles that also stand inside a name, after a given
// name: "Umar Sheikh Mirza", "Zaynab Sultan Begum", "Daulat Khan Lodi".
var innerTitles = wordSet(`shah|sultan|sheikh|shaikh|khan|begum|mirza|pasha|bey|beg|agha|aga|effendi|emir|amir|sahib`)

// sharedSurname reports whether the stem names someone by a surname alone
// that several of the article's people share: "Stevenson worked for the
// Northern Lighthouse Board" in an article on six Stevensons.
func (g *generator) sharedSurname(stem string) bool {
	if g.surnames == nil {
		full := map[string]map[string]bool{}
		for _, f := range g.byKind[KindPerson] {
			ws := strings.Fields(f.Text)
			if len(ws) < 2 || !capitalised(ws[len(ws)-2]) {
				continue // "Emma of Normandy" has no surname
			}
			last := ws[len(ws)-1]
			if full[last] == nil {
				full[last] = map[string]bool{}
			}
			full[last][f.Text] = true
		}
		g.surnames = map[string]bool{}
		for last, names := range full {
			if len(names) >= 2 {
				g.surnames[last] = true
			}
		}
	}
	fs := strings.Fields(stem)
	for i, w := range fs {
		t := trimPossessive(strings.Trim(w, ".,;:!?\"'“”()"))
		if !g.surnames[t] || g.subjectWords[strings.ToLower(t)] {
			continue // the subject's own surname is the subject
		}
		if endsFullName(fs, i) {
			continue // "Robert Stevenson": the full name
		}
		return true
	}
	return false
}

// endsFullName reports whether the word fs[i] ends a name begun by the
// capitalised word before it ("Robert Stevenson"), not a sentence's "The".
func endsFullName(fs []string, i int) bool {
	return i > 0 && capitalised(strings.Trim(fs[i-1], ".,;:!?\"'“”()")) && !stopwords[strings.ToLower(fs[i-1])]
}

// trimPossessive drops an "'s" (either apostrophe) from a word: "Canada's"
// is "Canada".
func trimPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

// nameParticles stand inside surnames: a blank after one leaves half a
// name in the stem.
var nameParticles = wordSet(`von|van|de|du|da|di|del|della|der|den|ter|ibn|bin|bint|ben|al|el|zu|dos|das`)

// nameAround reports whether the span sits inside a longer name, with
// capitalised words on both sides: "the Centers for _____ and Prevention",
// "the Agency for _____ and Quality".
func nameAround(s string, sp Span) bool {
	before := strings.Fields(s[:sp.Start])
	after := strings.Fields(s[sp.End:])
	n := len(before)
	if n < 3 || len(after) < 2 || !strings.HasSuffix(s[:sp.Start], " ") {
		return false
	}
	link := before[n-1]
	return (link == "for" || link == "of" || link == "and") && capitalised(before[n-2]) &&
		(after[0] == "and" || after[0] == "of" || after[0] == "for") && capitalised(strings.Trim(after[1], ".,;:"))
}

// expletiveIt reports whether a sentence opens with an "it" that stands for
// a clause to come ("It was estimated that", "It is thought to"): such
// sentences report on something said before them.
func expletiveIt(words []string) bool {
	for i := 1; i+3 < len(words); i++ {
		// "On 13 July 1688 it was decided to build ...": decided by whom?
		if strings.EqualFold(words[i], "it") && (words[i+1] == "was" || words[i+1] == "is") &&
			strings.HasSuffix(words[i+2], "ed") && (words[i+3] == "to" || words[i+3] == "that") {
			return true
		}
	}
	if len(words) < 3 || !strings.EqualFold(words[0], "it") {
		return false
	}
	verb := strings.ToLower(words[1])
	if verb != "is" && verb != "was" && verb != "has" && verb != "had" && verb != "seems" && verb != "seemed" {
		return false
	}
	for _, w := range words[2:min(len(words), 6)] {
		lw := strings.ToLower(strings.Trim(w, ","))
		if lw == "that" || lw == "to" || lw == "whether" {
			return true
		}
	}
	return false
}

// capitalisedAt reports whether the i-th word of s starts with a capital.
func capitalisedAt(s string, i int) bool {
	fs := strings.Fields(s)
	if i >= len(fs) {
		return false
	}
	r := []rune(strings.Trim(fs[i], "\"'“”("))
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// garbled reports text that lost its typesetting in the copy: a power of
// ten whose exponent ran into it ("4.50×109 km").
func garbled(s string) bool {
	i := strings.Index(s, "×10")
	if i >= 0 && i+len("×10") < len(s) && s[i+len("×10")] >= '0' && s[i+len("×10")] <= '9' {
		return true
	}
	if lostValue(s) || markup(s) || unbalancedQuotes(s) || danglingHyphen(s) || countryAsAdjective(s) {
		// a quantity or name the copy dropped ("collected almost of lunar
		// samples", "a population of .", "A team from the led by"), or an
		// image caption or reference left in the text
		return true
	}
	if pageCite.MatchString(s) || wrongArticle.MatchString(s) {
		// a page reference left from a citation (";:46–48"), "a alpha-level",
		// "the The", "One January 26" for "On", "1 part in 1010" for 10¹⁰,
		// a law report's citation ("663 F. Supp.")
		return true
	}
	// a stop inside the sentence followed by a lower-case word: two
	// pieces run together ("following on March 5. to 2010.")
	for j := strings.Index(s, ". "); j >= 0 && j+2 < len(s); {
		next := s[j+2:]
		if r := []rune(next); len(r) > 0 && unicode.IsLower(r[0]) && !abbrevBefore(s[:j+1]) {
			return true
		}
		k := strings.Index(next, ". ")
		if k < 0 {
			break
		}
		j += 2 + k
	}
	return false
}

// countryAsAdjective reports a country's name where its adjective
// belongs, a slip the copy keeps: "the Germany city of Aachen".
func countryAsAdjective(s string) bool {
	ws := strings.Fields(s)
	for i := 0; i+2 < len(ws); i++ {
		if (ws[i] == "the" || ws[i] == "The") && countriesSet[ws[i+1]] && placeNouns[strings.Trim(ws[i+2], ",.;:")] {
			return true
		}
	}
	return false
}

var placeNouns = wordSet(`city|town|village|port|capital|province|region|state|government|army|navy|king|queen|people`)

// unbalancedQuotes reports a quotation opened and not closed, or closed
// and not opened: a sentence cut inside a quotation ("inscribed with the
// signature ‘J.").
func unbalancedQuotes(s string) bool {
	return strings.Count(s, "\"")%2 == 1 || strings.Count(s, "“") != strings.Count(s, "”") ||
		strings.Count(s, "‘") > strings.Count(s, "’")
}

// danglingHyphen reports a hyphen left before a space where the copy lost
// what it joined ("the 3,225 kilometre- long border"); "pre- and
// post-war" is fine.
func danglingHyphen(s string) bool {
	for i := strings.Index(s, "- "); i > 0; {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		next := strings.Fields(s[i+2:])
		if unicode.IsLetter(r) && (len(next) == 0 || next[0] != "and" && next[0] != "or" && next[0] != "to" && next[0] != "und") {
			return true
		}
		j := strings.Index(s[i+2:], "- ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

// lostValue reports where a copy of an article lost what a template
// wrote (a converted quantity, a date, a name): an approximation with
// nothing to approximate ("almost of lunar samples", "about below the
// summit"), a preposition or article right before a mark ("a population
// of .", "According to , ...", "brings, , 7.6 million"), an article before
// a word no noun phrase starts with ("A team from the led by"), two
// prepositions or a count and a verb that a value stood between ("blew
// them at on 27 March", "numbering over are", "Ypres had and ..."). It
// looks at each pair of neighbouring words and marks.
func lostValue(s string) bool {
	toks := lostValueTokens(s)
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if a.mark && b.mark && !b.spaced && a.text != b.text && strings.Contains(",;:", a.text) && strings.Contains(",;:.", b.text) ||
			a.mark && b.mark && !b.spaced && a.text == "." && b.text == "," && i > 0 && len(toks[i-1].text) >= 4 && startsLower(toks[i-1].text) && !toks[i-1].mark {
			return true // "iron ore,: the population", "from the recovery ship,.", "in medicine., the world's"
		}
		if !a.mark && b.mark && !b.spaced && (b.text == "," || b.text == ".") && approximations[a.text] {
			return true // "Proven sources of natural gas are about, but ...": the figure is gone
		}
		if !a.mark && !b.mark && b.spaced && (a.text == "is" || a.text == "being") && b.text == "with" && i+2 < len(toks) && (toks[i+2].text == "a" || isDigits(toks[i+2].text)) {
			return true // "Gold's most stable isomer is with a half-life of ...": the isotope's name is gone
		}
		if !a.mark && b.mark && b.text == "." && !b.spaced && i+2 < len(toks) && toks[i+2].spaced && !toks[i+2].mark &&
			startsLower(toks[i+2].text) && len(a.text) >= 2 && romanNumeral(a.text) {
			return true // "the Pomerelian duke Mestwin II. addressed the merchants": a stop the copy left in
		}
		if !a.mark && b.mark && b.text == "." && i+2 == len(toks) && lostAtEnd[a.text] {
			return true // "it is now taller than the Chrysler Building by."
		}
		if !a.mark && !b.mark && b.spaced && gluedWord(a.text) && startsUpper(b.text) {
			return true // "born on 15 December 37in Antium"
		}
		if !a.mark && !b.mark && b.spaced && lostBeforeVerb[a.text] && finiteVerbs[b.text] {
			return true // "A distance of had been covered", "a speed limit of became"
		}
		if !b.spaced && b.text != "," {
			continue // "kilometre-long", "U.S.": no gap between them
		}
		if b.mark {
			after := i+2 >= len(toks) || toks[i+2].spaced
			switch {
			case a.mark && a.text == "," && b.text == ",", // "brings, , 7.6"
				a.text == "(" && b.text == ")": // "Cesium ()"
				return true
			case !a.mark && b.spaced && after && beforeLostMark[a.text] && strings.Contains(",.;:)", b.text):
				return true // "a population of .", "According to , ..."
			case b.spaced && after && b.text == ",":
				return true // "Guinea-Bissau" , CIA
			case b.spaced && b.text == "." && !a.mark && (i+2 >= len(toks) || toks[i+2].spaced && toks[i+2].text != "."):
				return true // "was issued .", "West Africa .": a value lost before the stop
			}
			continue
		}
		if a.mark || !b.spaced {
			continue
		}
		next := ""
		if i+2 < len(toks) {
			next = toks[i+2].text
		}
		switch {
		case approximations[a.text] && (noQuantity[b.text] || lostVerb[b.text]):
			return true
		case (a.text == "the" || a.text == "The" || a.text == "a" || a.text == "A" || a.text == "an" || a.text == "An") &&
			afterLostArticle[b.text]:
			return true
		case (a.text == "at" || a.text == "of" || a.text == "by") && doublePreposition[b.text] && next != "" && i+2 < len(toks) && toks[i+2].spaced:
			return true
		case a.text == "in" && b.text == "of" && next != "":
			return true // "a noted expert in of Roman law"
		case a.text == "to" && (b.text == "at" || b.text == "of" || b.text == "from" || b.text == "by") && next != "":
			return true
		case (a.text == "had" || a.text == "has" || a.text == "have") && (b.text == "and" || b.text == "or"):
			return true
		}
	}
	return false
}

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// gluedWord reports a number run into the short word after it, a space
// the copy lost: "37in", "1990and".
func gluedWord(t string) bool {
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i == len(t) {
		return false
	}
	switch t[i:] {
	case "in", "on", "at", "and", "the", "of", "to", "by", "when", "with":
		return true
	}
	return false
}

type lostValueToken struct {
	text   string
	mark   bool // a punctuation mark, not a word
	spaced bool // space stands before it
}

// lostValueTokens splits s into words (letters, digits, apostrophes and
// hyphens) and the marks , . ; : ( ), noting which have space before them.
func lostValueTokens(s string) []lostValueToken {
	var out []lostValueToken
	spaced := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			spaced = true
			i += size
		case strings.ContainsRune(",.;:()", r):
			out = append(out, lostValueToken{text: s[i : i+size], mark: true, spaced: spaced})
			spaced = false
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-':
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '\'' || r2 == '’' || r2 == '-') {
					break
				}
				j += n
			}
			out = append(out, lostValueToken{text: s[i:j], spaced: spaced})
			spaced = false
			i = j
		default:
			out = append(out, lostValueToken{text: s[i : i+size], mark: true, spaced: spaced})
			spaced = false
			i += size
		}
	}
	return out
}

var (
	approximations    = wordSet(`almost|approximately|nearly|roughly|about|around|numbering`)
	noQuantity        = wordSet(`of|below|above|south|north|east|west|southeast|southwest|northeast|northwest|per|away|long|wide|high|deep|tall|thick|from|across|in|on`)
	lostVerb          = wordSet(`are|is|was|were|and|or|but`)
	lostAtEnd         = wordSet(`by|than|of|from|at|approximately|nearly|almost|about|between|around|is|was`)
	lostBeforeVerb    = wordSet(`of|by|from|approximately|nearly|almost`)
	finiteVerbs       = wordSet(`had|has|have|was|were|is|are|became|becomes|become`)
	beforeLostMark    = wordSet(`of|to|at|in|from|by|with|than|about|approximately|nearly|almost|between|the|a|an|is|was|covers|exceed`)
	afterLostArticle  = wordSet(`of|in|and|by|with|from|to|was|were|is|are|led|at|for|on|that|which`)
	doublePreposition = wordSet(`on|at|of|by|from|with|in`)
)

// markup reports what an image gallery or a reference list leaves in a
// copy of an article: "File:Bagad.JPG|Bagad of ...", "Retrieved 5
// February 2012", "ISBN 0-19-...", "(Peter Lang, 2007), p. 35".
func markup(s string) bool {
	if strings.ContainsRune(s, '|') || strings.Contains(s, "ISBN") || strings.Contains(s, "''") || pageNumber.MatchString(s) ||
		strings.Contains(s, "{{") || strings.Contains(s, "}}") || strings.Contains(outsideBrackets(s), " = ") {
		return true
	}
	if i := strings.Index(s, "Retrieved "); i > 0 {
		if r, _ := utf8.DecodeRuneInString(s[i+len("Retrieved "):]); unicode.IsDigit(r) || unicode.IsUpper(r) {
			return true // a reference's access date, not "the bodies were retrieved"
		}
	}
	low := strings.ToLower(s)
	for _, w := range []string{"file:", "image:", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webm", ".ogg", ".tif"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return (strings.Contains(s, "p.") || strings.Contains(s, "ms.")) && pageRef.MatchString(s)
}

// pageNumber is a reference's page: ", page 19", ", pages 12–14".
var pageNumber = regexp.MustCompile(`, pages? \d`)

// pageRef is a page or a manuscript's folio cited: "p. 35", "pp. 12", "ms. 0863".
var pageRef = regexp.MustCompile(`\b(?:pp?|ms)\. ?\d`)

// pageCite is a citation's page number glued to a word or a mark: "first
// time;:46–48", "Smith:12". Times (10:40) and verses (3:16) have digits
// before the colon.
var pageCite = regexp.MustCompile(`[^\s\d]:\d+(?:[–-]\d+)?(?:\s|$|[,;.])`)

// wrongArticle is "a" before a vowel sound ("a alpha-level city", "a 800
// km arc") or a function word run into the next ("ofThe Pickwick
// Papers"): slips in the source that a stem would copy.
var wrongArticle = regexp.MustCompile(`\b[Tt]he [Tt]he\b|\b[Aa] e[a-tv-z]|\b\d+ F\. ?(Supp|[23]d)\b|^One (January|February|March|April|May|June|July|August|September|October|November|December) \d|\bparts? in 10\d{1,2}\b|\b[Aa] [aiAI][a-z]|\b[Aa] o[bcdfgmprstvx]|\b[Aa] (8[0-9]*|11|18)\b|\b(of|and|the|in|to|by|for|with|from|on|at)[A-Z][a-z]`)

// abbrevBefore reports whether text ends in an abbreviation's stop ("e.g.",
// "approx.", "St."): what follows it may be lower case.
func abbrevBefore(text string) bool {
	w := strings.Fields(text)
	if len(w) == 0 {
		return false
	}
	last := strings.ToLower(w[len(w)-1])
	return strings.Count(last, ".") > 1 || len(last) <= 4 || strings.HasSuffix(last, "approx.") || strings.HasSuffix(last, "incl.")
}

// opensProperly reports whether a sentence starts as a sentence does: with
// a capital, a digit or a quotation mark, not mid-clause ("for injury to
// ...", cut from a longer sentence).
func opensProperly(s string) bool {
	t := strings.TrimLeft(s, " ")
	if len(t) > 2 && t[0] == '(' && t[1] >= '0' && t[1] <= '9' {
		return false // "(2001), the overall biogeography ...": the citation's author was cut off before it
	}
	r := []rune(t)
	return len(r) > 0 && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) || strings.ContainsRune("\"“‘'(", r[0]))
}

// containedInStem reports whether the answer is a place that contains one
// the stem or the title already names ("eastern New York in the _____":
// the United States; "Marseille is ... _____'s largest city": France).
func (g *generator) containedInStem(f *Fact, answer string) bool {
	if f.Kind != KindPlace {
		return false
	}
	names := []string{trimParens(g.a.Title)}
	for _, w := range strings.Fields(trimParens(g.a.Title)) {
		names = append(names, w)
	}
	if f.sentence >= 0 {
		for _, o := range g.factsIn(KindPlace, f.sentence) {
			if o.Text != answer {
				names = append(names, o.Text)
			}
		}
	}
	for _, n := range names {
		for _, c := range g.containers(n) {
			if strings.EqualFold(c, answer) {
				return true
			}
		}
	}
	return false
}

// givenCount reports whether a small count is given by the stem itself:
// "both Perugia and Florence" for two, a list after the counted noun ("two
// types of warship, the ship of the line and the frigate"), or a fixed
// phrase everyone completes ("the five senses").
func givenCount(stem string, v float64, numEnd int) bool {
	ls := strings.ToLower(stem)
	if v == 2 && (strings.Contains(ls, " both ") || strings.HasPrefix(ls, "both ") || strings.Contains(ls, "the other") ||
		twoNames.MatchString(stem)) {
		return true // "Sun and Microsoft ... the _____ companies"
	}
	// a breakdown after the total: "29 referees ...: four from the AFC,
	// three from the CAF, six ..." adds up to the answer
	if numEnd <= len(stem) {
		n, parts := 0, 0
		for _, w := range strings.Fields(stem[numEnd:]) {
			t := strings.ToLower(strings.Trim(w, ",;:.()"))
			if isDigits(t) || spelledCounts[t] {
				n++
			}
			if _, ok := ParseNumber(t); ok {
				parts++
			}
		}
		if n >= 3 || parts >= 2 && strings.Contains(ls[numEnd:], " each ") {
			return true // "_____ metopes, fourteen each on the east and west sides, thirty-two each on ..."
		}
	}
	if v <= 6 && numEnd <= len(stem) {
		after := stem[numEnd:]
		if c := strings.Index(after, ", "); c >= 0 && c < 40 && strings.Contains(after[c:], " and ") {
			return true
		}
	}
	for _, p := range fixedCounts {
		if strings.Contains(ls, p) {
			return true
		}
	}
	return false
}

var twoNames = regexp.MustCompile(`\b[A-Z][\w'’-]+ and [A-Z][\w'’-]+`)

var fixedCounts = []string{"five senses", "seven seas", "four seasons", "seven wonders", "twelve months", "seven days",
	"four elements", "parts of speech", "four corners", "ten commandments", "twelve apostles", "seven deadly", "four horsemen",
	"three wise", "four cardinal", "seven continents", "24 hours", "365 days"}

// mainActors are the plural common nouns the article uses in many
// sentences ("jihadists", "militants"): "the jihadists" in any of them is
// the same group, known to a reader of the quiz.
func mainActors(sents []Sentence) map[string]bool {
	count := map[string]int{}
	for _, st := range sents {
		seen := map[string]bool{}
		ws := stemWords(st.Text)
		for i := 0; i+1 < len(ws); i++ {
			if ws[i] == "the" && strings.HasSuffix(ws[i+1], "s") && !seen[ws[i+1]] {
				seen[ws[i+1]] = true
				count[ws[i+1]]++
			}
		}
	}
	m := map[string]bool{}
	for w, n := range count {
		if n >= 4 {
			m[w] = true
		}
	}
	return m
}

// ordinalPronouns stand for a noun after "the" when no noun follows them.
var ordinalPronouns = wordSet(`first|second|latter|former|two|three|four|remainder|other|rest|new`)

var auxiliaries = wordSet(`was|were|is|are|had|has|have|would|could|did|been|being|to|in|of|on|at|by|and|with|from|","`)

// namedWithin reports whether a capitalised word stands among the words
// from..to of s: "The first final at Wembley Stadium" says which final.
func namedWithin(s string, from, to int) bool {
	fs := strings.Fields(s)
	for i := from; i <= to; i++ {
		if !capitalisedAt(s, i) {
			continue
		}
		w := strings.ToLower(strings.Trim(fs[i], "\"'“”(),.;:"))
		if months[w] || nationalities[w] || weekdays[w] {
			continue // "The whole project lasted from December 2004", "The technology was developed by Italian ...": no name says which
		}
		return true
	}
	return false
}

// superlatives make a definite noun phrase say which: "The coldest month
// was February 1985", "The last Soviet units left".
var superlatives = wordSet(`coldest|hottest|warmest|wettest|driest|largest|smallest|biggest|highest|lowest|longest|
shortest|oldest|youngest|earliest|latest|greatest|deepest|tallest|heaviest|fastest|most|least|best|worst|first|last|only`)

var weekdays = wordSet(`monday|tuesday|wednesday|thursday|friday|saturday|sunday`)

// sharesStem reports whether the answer and a word of the stem begin
// alike ("Chinook tribe ... the _____ language" for Chinookan): the stem
// gives the answer away.
func sharesStem(stem, answer string) bool {
	for _, a := range strings.Fields(NormalizeAnswer(answer)) {
		if len(a) >= 4 && !isDigits(a) && !stopwords[a] {
			for _, w := range strings.Fields(NormalizeAnswer(stem)) {
				if len(w) > len(a) && strings.HasPrefix(w, a) && !strings.HasSuffix(w, "s") {
					return true // "Volta ... the voltaic pile"
				}
			}
		}
		if len(a) < 6 || isDigits(a) {
			continue
		}
		for _, w := range strings.Fields(NormalizeAnswer(stem)) {
			if len(w) >= 5 && w != a && strings.HasPrefix(a, w[:5]) && strings.HasPrefix(w, a[:5]) {
				return true
			}
		}
	}
	return false
}

// eventNouns name one thing that happened or was made, which "the" or
// "that" before them points back to: "the rumours", "the birth", "that
// problem".
var eventNouns = wordSet(`rumours|rumour|rumors|rumor|birth|call|journal|problem|plan|proposal|offer|deal|payment|request|
letter|meeting|visit|scheme|matter|affair|idea|accident|crash|incident|event|decision|move|change|break|announcement|
agreement|dispute|controversy|scandal|attempt|campaign|programme|program|policy|bill|report|claim|charges|case|trial|
verdict|ruling|sale|purchase|merger|acquisition|contract|order|orders|appointment|marriage|wedding|divorce|funeral|
ceremony|performance|tour|release|launch|voyage|journey|expedition|mission|raid|siege|assault|offensive|retreat|
invasion|pact|truce|ceasefire|strike|protest|riot|revolt|rebellion|uprising|coup|referendum|
discovery|invention|prototype|episode|match|fight|bout`)

var ofTheWhich = wordSet(`total|remaining|rest|remainder|others|survivors|latter|former|whole|entire`)

// nowAfter reports whether the span stands after "currently" (or "at
// present", "presently", "nowadays") in the stem: "currently owned by ...
// and managed by _____" was true when written, maybe not now, while
// "founded in _____ and currently competes" asks what stays true.
func nowAfter(stem string, sp Span) bool {
	ls := strings.ToLower(stem[:sp.Start])
	for _, w := range []string{"currently", "presently", "nowadays", "at present"} {
		if strings.Contains(ls, w) {
			return true
		}
	}
	return false
}

// quantifierAlone reports whether a sentence opens on a quantifier that
// stands for a noun of an earlier sentence: "Most range from", "Many were
// killed", "Some of them".
func quantifierAlone(ws []string) bool {
	if len(ws) < 3 || !loneQuantifiers[ws[0]] {
		return false
	}
	w, next := ws[1], ws[2]
	if w == "of" {
		return next == "them" || next == "these" || next == "those" || next == "which"
	}
	return beWords[w] || auxiliaries[w] || verbForms[w] || strings.HasSuffix(w, "ed") ||
		prepositions[next] && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ple")
}

var loneQuantifiers = wordSet(`most|many|some|several|others|few|all`)

// perfectAfterYear reports whether a sentence that opens on a past year
// ("In 2006,") goes on in the present perfect ("has started"), which
// reads as ungrammatical out of its paragraph.
func perfectAfterYear(ws []string) bool {
	if len(ws) < 4 || ws[0] != "in" || len(ws[1]) != 4 || !isDigits(ws[1]) {
		return false
	}
	for i := 2; i+1 < len(ws); i++ {
		switch ws[i] {
		case "which", "who", "that", "whose", "where", "since":
			return false
		case "has", "have":
			p := ws[i+1]
			return p == "been" || p == "begun" || strings.HasSuffix(p, "ed") || strings.HasSuffix(p, "en")
		}
	}
	return false
}

// soonAfterWhat reports whether "shortly" or "soon" opens a phrase that
// says after (or before) what: "Shortly before his death in 1948", unlike
// "Shortly afterwards" or "Soon after that".
func soonAfterWhat(ws []string) bool {
	if len(ws) < 3 || ws[0] != "shortly" && ws[0] != "soon" || ws[1] != "before" && ws[1] != "after" {
		return false
	}
	return !backWords[ws[2]] && !demonstratives[ws[2]] && ws[2] != "this" && ws[2] != "it" && ws[2] != "which" && ws[2] != "then"
}

// sequenceOpeners open a sentence that follows on from the one before.
var sequenceOpeners = wordSet(`so|earlier|later|soon|shortly|eventually|then|subsequently|afterwards|afterward|finally|next|
previously|both|similarly|likewise|nevertheless|still|thus|therefore|hence|indeed|yet|nonetheless|instead|however|
meanwhile|overall|together|accordingly|consequently|ultimately|initially|secondly|thirdly|lastly`)

// lonePersonName reports whether the stem names someone by a given name
// alone ("Catherine held the regency"): which Catherine, the stem cannot
// say. The article's subject is exempt.
func (g *generator) lonePersonName(stem string) bool {
	fs := strings.Fields(stem)
	for i, w := range fs {
		t := strings.Trim(w, ".,;:!?\"'“”()")
		t = trimPossessive(t)
		if t == "" || !givenNames[strings.ToLower(t)] || !capitalised(t) || g.subjectWords[strings.ToLower(t)] {
			continue
		}
		if i+1 < len(fs) && capitalised(strings.Trim(fs[i+1], ".,;:!?\"'“”()")) {
			continue // "Catherine de' Medici", "Max Jacob"
		}
		if i+2 < len(fs) && (fs[i+1] == "the" || fs[i+1] == "of") && capitalised(strings.Trim(fs[i+2], ".,;:!?\"'“”()")) {
			continue // "Edward the Confessor", "William of Normandy"
		}
		if endsFullName(fs, i) {
			continue // the end of a full name
		}
		return true
	}
	return false
}
