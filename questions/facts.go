package questions

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fact is one piece of information found in an article, with the sentence
// it came from.
type Fact struct {
	Kind Kind `json:"kind"`
	// Text is the fact as the article writes it: "January 8, 2011",
	// "200 men", "Niamey"; for an acronym its expansion, for a definition
	// the defining phrase, for an infobox fact the value.
	Text string `json:"text"`
	// Subject is what an acronym, definition or infobox fact is about:
	// "COS", "Niamey", "Date".
	Subject  string `json:"subject,omitempty"`
	Sentence string `json:"sentence"`
	Section  string `json:"section,omitempty"`

	sentence int     // index into the article's sentences; -1 for the infobox
	span     Span    // where Text stands in Sentence
	value    float64 // a number's value
	unit     string  // the noun a number counts ("men")
	spelled  bool    // the number is written in words
	date     Date
	clock    Clock
	role     string // a person's title in the sentence ("French president")
	head     string // a place noun after a name ("restaurant")
	field    *Field
}

// ExtractFacts finds the facts of an article: infobox fields, dates and
// times, numbers with their units, people, places, organisations, acronym
// and appositive definitions, and dated events. Facts come in article
// order.
func ExtractFacts(a *Article) []Fact { return extractFacts(nil, a) }

// extractFacts is ExtractFacts that gives up, returning nil, once ctx (if
// not nil) is done.
func extractFacts(ctx context.Context, a *Article) []Fact {
	x := newExtractor(ctx, a)
	if canceled(ctx) {
		return nil
	}
	var facts []Fact
	for i, f := range a.Infobox {
		facts = append(facts, Fact{Kind: KindInfobox, Subject: f.Key, Text: f.Value,
			Sentence: infoboxSource(f), Section: "Infobox", sentence: -1, field: &a.Infobox[i]})
	}
	for i := range x.sents {
		if i%checkEvery == 0 && canceled(ctx) {
			return nil
		}
		facts = append(facts, x.sentenceFacts(i)...)
	}
	return facts
}

// extractor holds what fact extraction learns about the whole article, so
// that a name is typed the same way everywhere.
type extractor struct {
	a       *Article
	sents   []Sentence
	toks    [][]token
	dates   [][]DateMention
	times   [][]TimeMention
	numbers [][]NumberMention
	names   [][]mention
	kinds   map[string]Kind   // name -> its kind across the article
	aliases map[string]string // short form -> full name ("Delory" -> "Vincent Delory")
	defined map[string]bool   // acronyms that have an expansion
}

func newExtractor(ctx context.Context, a *Article) *extractor {
	x := &extractor{a: a, sents: a.Sentences(), kinds: map[string]Kind{},
		aliases: map[string]string{}, defined: map[string]bool{}}
	n := len(x.sents)
	x.toks, x.names = make([][]token, n), make([][]mention, n)
	x.dates, x.times, x.numbers = make([][]DateMention, n), make([][]TimeMention, n), make([][]NumberMention, n)
	for i, s := range x.sents {
		x.toks[i] = tokenize(s.Text)
	}
	common := lowerCaseWords(x.toks)
	for i, s := range x.sents {
		if i%checkEvery == 0 && canceled(ctx) {
			return x
		}
		lx := lexText(s.Text)
		x.dates[i] = findDates(s.Text, lx)
		x.times[i] = findTimes(s.Text, lx)
		x.numbers[i] = findNumbers(s.Text, lx)
		x.names[i] = findNames(s.Text, x.toks[i], newSpanIndex(x.masked(i)), common)
	}
	x.typeNames()
	return x
}

// masked returns the spans of dates and times in sentence i.
func (x *extractor) masked(i int) []Span {
	var out []Span
	for _, d := range x.dates[i] {
		out = append(out, d.Span)
	}
	for _, t := range x.times[i] {
		out = append(out, t.Span)
	}
	return out
}

// lowerCaseWords returns the words the article writes in lower case, which
// are common words rather than names when they open a sentence.
func lowerCaseWords(toks [][]token) map[string]bool {
	m := map[string]bool{}
	for _, ts := range toks {
		for _, t := range ts {
			if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsLower(r) {
				m[t.text] = true
			}
		}
	}
	return m
}

// typeNames decides each name's kind by votes from every place it appears
// and from the infobox, then links short forms to full names.
func (x *extractor) typeNames() {
	votes := map[string]map[Kind]int{}
	vote := func(name string, k Kind, n int) {
		if votes[name] == nil {
			votes[name] = map[Kind]int{}
		}
		votes[name][k] += n
	}
	for i := range x.sents {
		for _, m := range x.names[i] {
			vote(m.text, KindName, 0)
			for k, n := range x.cues(i, m) {
				vote(m.text, k, n)
			}
		}
	}
	for _, f := range x.a.Infobox {
		k := infoboxKind(f.Key)
		if k == "" {
			continue
		}
		for _, v := range splitList(f.Value) {
			if _, ok := votes[v]; ok {
				vote(v, k, 2)
			}
		}
	}
	if name, k := articleSubject(x.a); isName(k) {
		vote(strings.TrimPrefix(name, "the "), k, 3)
	}
	for name, vs := range votes {
		x.kinds[name] = bestKind(vs)
	}
	x.linkAliases(votes)
	for name, k := range x.kinds {
		if k == KindPerson && commonThing(name) {
			x.kinds[name] = KindName // "the Symphony in C major": a work, not a man
		}
	}
}

// commonThing reports whether a one-word name is, to WordNet, only a
// common noun for something other than a person: "Symphony", "Mass". A
// surname that is also a trade ("Cook", "Baker") still names a person.
func commonThing(name string) bool {
	if strings.Contains(name, " ") || givenNames[strings.ToLower(name)] || len(lexInstanceOf(name)) > 0 {
		return false
	}
	hs := lexHypernyms(strings.ToLower(name))
	return len(hs) > 0 && !slices.Contains(hs, "person")
}

// cues are the votes one appearance of a name casts for its kind.
func (x *extractor) cues(i int, m mention) map[Kind]int {
	v := map[Kind]int{}
	toks := x.toks[i]
	words := strings.Fields(strings.ToLower(m.text))
	head := words
	if i := indexOf(words, "of"); i > 0 {
		head = words[:i] // "National Guard of Niger" is a guard, not Niger
	}
	if strings.ContainsAny(m.text, "0123456789") && !anyIn(head, organisationWords) && !anyIn(head, placeWords) {
		return v // "C-160", "Apollo 11": models and missions, whatever precedes them
	}
	switch {
	case countriesSet[m.text] || citiesSet[m.text] || continents[m.text]:
		v[KindPlace] += 4
	case anyIn(head, organisationWords):
		v[KindOrganisation] += 3
	case anyIn(head, placeWords):
		v[KindPlace] += 3
	case isAcronym(m.text):
		v[KindOrganisation] += 2 // "in PDF format" does not make PDF a place
	}
	if m.role != "" {
		v[KindPerson] += 3
	}
	if m.head != "" {
		v[KindPlace] += 2
	}
	if (placePrepositions[m.leadIn] || m.leadIn == "to" && movesTo(toks, m.first)) && !fields[words[0]] {
		v[KindPlace]++
	}
	if m.leadIn == "of" && m.first >= 2 && placeWords[strings.ToLower(toks[m.first-2].text)] {
		v[KindPlace] += 2 // "the hill of Fourvière", "the city of Lyon"
	}
	if m.last+2 < len(toks) && toks[m.last].breakAfter && countriesSet[toks[m.last+1].text] {
		v[KindPlace] += 2 // "Tabankort, Mali"
	}
	if len(words) >= 2 && !strings.Contains(words[0], "-") {
		// particles inside a name ("Antoine de Saint-Exupéry"); but
		// "Notre-Dame de Fourvière" is a church
		for _, w := range words[1 : len(words)-1] {
			if w == "de" || w == "al" || w == "ibn" || w == "bin" || w == "van" || w == "von" {
				v[KindPerson]++
			}
		}
	}
	if m.last+1 < len(toks) && personVerbs[strings.ToLower(toks[m.last+1].text)] && m.leadIn != "by" {
		v[KindPerson]++
	}
	if len(words) >= 2 && givenNames[words[0]] {
		v[KindPerson] += 2 // "Bobby Charlton"
	}
	if describedAsPerson(x.sents[i].Text[m.End:]) {
		v[KindPerson] += 2 // "Vincent Delory, an engineer"
	}
	return v
}

// describedAsPerson reports whether the text after a name opens with an
// appositive that calls it a person: ", a former Tuareg rebel".
func describedAsPerson(rest string) bool {
	if !strings.HasPrefix(rest, ", ") {
		return false
	}
	words := strings.Fields(strings.ToLower(rest[2:]))
	if len(words) < 2 || words[0] != "a" && words[0] != "an" && words[0] != "the" {
		return false
	}
	original := strings.Fields(rest[2:])
	for i, w := range words[1:min(len(words), 5)] {
		w = strings.Trim(w, ",;.")
		if capitalised(original[i+1]) && !nationalities[w] {
			return false // "Nintendo DS, the Game Boy and ...": a list of names
		}
		if titles[w] || personNouns[w] {
			return true
		}
		if w == "of" {
			return false
		}
	}
	return false
}

var personNouns = wordSet(`rebel|worker|friend|expat|soldier|hostage|leader|member|owner|victim|wife|
husband|son|daughter|brother|sister|father|mother|prisoner|militant|man|woman|boy|girl|child|
native|resident|citizen|veteran|officer|jihadist|commander|fighter|volunteer|colleague|pupil|
student|disciple|follower|rival|partner|cousin|uncle|aunt|nephew|niece|grandson|granddaughter`)

func indexOf(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}

func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// movesTo reports whether the "to" before toks[first] ends a movement
// ("moved to Redmond", "a trip to the Antilles"), not a change ("converted
// them to Donkey Kong").
func movesTo(toks []token, first int) bool {
	for k := first - 2; k >= 0 && k >= first-4; k-- {
		if movementWords[strings.ToLower(toks[k].text)] {
			return true
		}
	}
	return false
}

var movementWords = wordSet(`moved|move|moves|trip|trips|returned|return|travelled|traveled|went|go|came|come|flew|sailed|fled|headed|back|way|journey|emigrated|relocated|sent|transferred|exiled|deported|route|road|flight|flights|voyage|expedition|migrated|retreated|marched|drove|walked`)

var (
	countriesSet      = setOf(countries...)
	citiesSet         = setOf(cities...)
	placePrepositions = wordSet(`in|at|near|from|into|towards|toward|outside|across|through|via|reached|entered|raided|visited|inside|throughout`)
	// countryAbbreviations mostly stand as adjectives ("U.S. takeovers"),
	// so they make no facts of their own.
	countryAbbreviations = wordSet(`U.S|U.S.|US|USA|U.S.A|U.K|U.K.|UK|UAE|USSR|DRC|PRC|ROC|EU`)
	personVerbs          = wordSet(`said|says|stated|wrote|denied|claimed|argued|believed|died|married|told|recalled|announced|himself|herself|who`)
)

// bestKind picks the kind with most votes, in a fixed order on ties so that
// the result does not depend on map order.
func bestKind(vs map[Kind]int) Kind {
	best, n := KindName, 0
	for _, k := range []Kind{KindPerson, KindPlace, KindOrganisation} {
		if vs[k] > n {
			best, n = k, vs[k]
		}
	}
	return best
}

// linkAliases maps a one-word name to the longer name it shortens, and
// gives it that name's kind ("Delory" is "Vincent Delory", a person).
//
// A short form is the first or last n words of a longer name, for n from 1
// to one less than its words. Rather than make every such part of every
// name (quadratic in a name of thousands of words), each known name looks
// up the names it begins or ends, in the names sorted by their text and by
// their text reversed.
func (x *extractor) linkAliases(votes map[string]map[Kind]int) {
	type entry struct{ key, long string }
	var fronts, backs []entry
	for long := range x.kinds {
		norm := strings.Join(strings.Fields(long), " ")
		if strings.Contains(norm, " ") {
			fronts = append(fronts, entry{norm, long})
			backs = append(backs, entry{reverseBytes(norm), long})
		}
	}
	byKey := func(a, b entry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.long, b.long)
	}
	slices.SortFunc(fronts, byKey)
	slices.SortFunc(backs, byKey)
	link := func(short, long string) {
		if prev, ok := x.aliases[short]; ok && prev != long {
			x.aliases[short] = "" // shortens two names: ambiguous
			return
		}
		x.aliases[short] = long
	}
	// withPrefix calls f for each entry whose key begins with prefix.
	withPrefix := func(es []entry, prefix string, f func(entry)) {
		k := sort.Search(len(es), func(k int) bool { return es[k].key >= prefix })
		for ; k < len(es) && strings.HasPrefix(es[k].key, prefix); k++ {
			f(es[k])
		}
	}
	for short := range x.kinds {
		if short == "" || strings.Join(strings.Fields(short), " ") != short {
			continue // no part of a name, joined by single spaces, is
		}
		withPrefix(fronts, short+" ", func(e entry) { link(short, e.long) })
		withPrefix(backs, reverseBytes(" "+short), func(e entry) {
			// but in "William of Normandy" the words after "of" name a place
			before := e.key[len(short)+1:] // reversed
			if i := strings.IndexByte(before, ' '); i >= 0 {
				before = before[:i]
			}
			if !connectors[strings.ToLower(reverseBytes(before))] {
				link(short, e.long)
			}
		})
	}
	shorts := make([]string, 0, len(x.aliases))
	for short := range x.aliases {
		shorts = append(shorts, short)
	}
	sort.Strings(shorts) // a name that is both short and long is typed the same every run
	for _, short := range shorts {
		long := x.aliases[short]
		// A short form with little evidence of its own takes the kind of
		// the full name; "Fourvière", a hill, keeps its own.
		if long != "" && (x.kinds[short] == KindName || x.kinds[long] == KindPerson && votes[short][x.kinds[short]] <= 1) {
			x.kinds[short] = x.kinds[long]
		}
	}
}

// reverseBytes returns s with its bytes in reverse order: the key that
// sorts names by their ends. Reversing twice gives s back.
func reverseBytes(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}

// infoboxKind is the kind of the names in a field, judged by its key.
func infoboxKind(key string) Kind {
	k := strings.ToLower(strings.TrimRight(strings.ReplaceAll(key, "_", " "), "0123456789"))
	switch {
	case strings.Contains(k, "place") || k == "location" || k == "headquarters" || k == "residence" ||
		k == "venue" || k == "city" || k == "country" || k == "landing site":
		return KindPlace
	case k == "publisher" || k == "editor" || k == "managing editor" || strings.Contains(k, "founder") ||
		k == "key people" || k == "crew" || k == "referee" || k == "mayor" || k == "influences" ||
		k == "influenced" || k == "spouse" || k == "children" || k == "man of the match" || k == "commander":
		return KindPerson
	case k == "owners" || k == "owner" || k == "operator" || k == "parent" || k == "combatant":
		return KindOrganisation
	}
	return ""
}

// splitList splits an infobox value into its items and drops notes in
// brackets: "Star Media Group (Torstar Corporation)" gives "Star Media
// Group".
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = trimParens(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// trimParens removes bracketed notes: "Raid on Tabankort (2011)". From
// the first "(" to the first ")" after it goes, again and again, until a
// ")" comes first or no "(" is left; the text kept is written out once,
// not rebuilt for every note.
func trimParens(s string) string {
	if !strings.Contains(s, "(") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s, ')')
		}
		if i < 0 || j < i {
			b.WriteString(s)
			return strings.Join(strings.Fields(b.String()), " ")
		}
		b.WriteString(s[:i])
		s = s[j+1:]
	}
}
