package questions

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// CheckAnswer reports whether given is a right answer to q.
//
// The shape of given follows q.Type: a string for multiple_choice,
// fill_blank and numeric (numeric also takes a float64, int or json.Number);
// a bool or "true", "false", "yes", "no" for true_false; a []string or a
// []any of strings for ordering and for the options chosen in
// multiple_answer; a [][2]string, [][]string or []any of two-item []any for
// matching. Any other shape is wrong, not an error, since it comes
// straight from a request.
//
// Typed answers (fill_blank) forgive case, accents, punctuation, leading
// articles and a few typos, but never a typo in a number or date: those
// are compared by value, so "4 July 1776", "July 4, 1776" and
// "1776-07-04" are one date. They also forgive the usual other names of a
// few things ("Second World War" for "World War II", "St." for "Saint",
// "Henry 8th" for "Henry VIII"; see canonicalTerms) and a generic word
// more or less ("Wembley" for "Wembley Stadium"; see genericMatch). A
// multiple_answer response is right when it earns full Credit.
func CheckAnswer(q Question, given any) bool {
	return typeOf(q.Type).credit(q, given) == 1
}

// checkChoice reports whether given names the right option of a multiple
// choice question, or an accepted other form of it.
func checkChoice(q Question, given any) bool {
	s, _ := given.(string)
	return slices.ContainsFunc(answerForms(q), func(w string) bool { return sameText(s, w) })
}

// checkTyped reports whether given is a typed answer to a fill-in
// question close enough to one of its accepted forms.
func checkTyped(q Question, given any) bool {
	s, ok := given.(string)
	return ok && slices.ContainsFunc(answerForms(q), func(w string) bool { return typedMatch(s, w, q) })
}

func checkTruth(q Question, given any) bool {
	b, ok := truthOf(given)
	return ok && b == q.Truth
}

func checkOrder(q Question, given any) bool {
	items, ok := stringsOf(given)
	return ok && sameOrder(q.Order, items)
}

func checkPairs(q Question, given any) bool {
	pairs, ok := pairsOf(given)
	return ok && samePairs(q.Pairs, pairs)
}

// sameText reports whether a and b are the same option: the same once
// normalised, or the same as written when that leaves nothing ("+", "?").
func sameText(a, b string) bool {
	if n := NormalizeAnswer(a); n != "" {
		return n == NormalizeAnswer(b)
	}
	t := strings.TrimSpace(a)
	return t != "" && t == strings.TrimSpace(b)
}

// NormalizeAnswer reduces s to the form answers are compared in: lower
// case, accents folded ("Léocour" → "leocour", "Ḥasan" → "hasan"),
// apostrophes dropped, other punctuation turned into spaces, a leading
// "the", "a" or "an" removed and spaces collapsed. Separators inside
// numbers ("381,310", "2.5", "10:40") are kept so that numbers keep their
// value.
func NormalizeAnswer(s string) string {
	b := make([]byte, 0, len(s))
	space := true // a space is pending or the output is empty
	emit := func(part string) {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, part...)
		space = false
	}
	var prev rune
	for i, r := range s {
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				emit(string(c + 'a' - 'A'))
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				emit(s[i : i+1])
			case c == '\'' || c == '`':
				continue
			case (c == '.' || c == ',' || c == ':') && unicode.IsDigit(prev) && nextIsDigit(s[i+1:]):
				emit(s[i : i+1])
			case c == '&':
				space = true
				emit("and")
				space = true
			default:
				space = true
			}
			prev = r
			continue
		}
		r = unicode.ToLower(r)
		switch {
		case unicode.Is(unicode.Mn, r) || isApostrophe(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			emit(foldAccent(r))
		default:
			space = true
		}
		prev = r
	}
	out := string(b)
	for _, article := range []string{"the ", "a ", "an "} {
		if rest, ok := strings.CutPrefix(out, article); ok {
			return rest
		}
	}
	return out
}

func nextIsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// isApostrophe covers the marks that join a word rather than split it,
// including the ʿayn and hamza of Arabic transliteration ("Abū ʿAlī").
func isApostrophe(r rune) bool {
	return strings.ContainsRune("'’‘`´ʼʻʿʾ", r)
}

// accentFolds maps letters with diacritics (lower case) to plain Latin,
// covering Western European languages and Arabic transliteration.
var accentFolds = []struct{ from, to string }{
	{"àáâãäåāăąǎǻạảấầẩẫậắằẳẵặȁȃ", "a"}, {"çćĉċč", "c"}, {"ďđḍḏḑð", "d"},
	{"èéêëēĕėęěẹẻẽếềểễệȅȇ", "e"}, {"ĝğġģǧḡ", "g"}, {"ĥħḥḫḩẖ", "h"},
	{"ìíîïĩīĭįıǐịỉȉȋ", "i"}, {"ĵǰ", "j"}, {"ķǩḳ", "k"}, {"ĺļľŀłḷ", "l"},
	{"ñńņňṅṇ", "n"}, {"òóôõöøōŏőǒọỏốồổỗộớờởỡợơȍȏ", "o"}, {"ŕŗřṛ", "r"},
	{"śŝşšṣș", "s"}, {"ţťŧṭṯț", "t"}, {"ùúûüũūŭůűųǔụủứừửữựưȕȗ", "u"},
	{"ŵẃẁẅ", "w"}, {"ýÿŷỳỵỷỹ", "y"}, {"źżžẓẕ", "z"},
	{"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"},
}

// accentFold is accentFolds as a lookup table.
var accentFold = func() map[rune]string {
	m := map[rune]string{}
	for _, f := range accentFolds {
		for _, r := range f.from {
			m[r] = f.to
		}
	}
	return m
}()

func foldAccent(r rune) string {
	if to, ok := accentFold[r]; ok {
		return to
	}
	return string(r)
}

// answerForms are the forms of a typed or chosen answer that count.
func answerForms(q Question) []string {
	return append([]string{q.Answer}, q.Accepted...)
}

// typedMatch compares a typed answer with one accepted form of q's answer.
// Values (dates, times, quantities) are compared as values; a value on
// only one side must match exactly; plain text forgives a few typos, the
// other names of canonicalTerms and a generic word more or less.
func typedMatch(given, want string, q Question) bool {
	if tooLong(given, want) {
		return false
	}
	g, w := NormalizeAnswer(given), NormalizeAnswer(want)
	switch {
	case g == "" && w == "":
		// An answer of punctuation only ("+") must be typed as it is.
		t := strings.TrimSpace(given)
		return t != "" && t == strings.TrimSpace(want)
	case g == "" || w == "":
		return false
	case g == w:
		return true
	}
	gv, wv := parseValue(given), parseValue(want)
	if same, decided := compareValues(gv, wv, want+" "+q.Prompt); decided {
		return same
	}
	if gv.any() || wv.any() {
		return false
	}
	// A typo is forgiven in the words as typed, unless their numbers
	// differ once written as digits: "World War I" is one letter from
	// "World War II", but not the same war.
	cg, cw := canonicalTerms(g), canonicalTerms(w)
	if closeEnough(g, w) && !numbersDiffer(cg, cw) {
		return true
	}
	return cg == cw || (cg != g || cw != w) && closeEnough(cg, cw) ||
		genericMatch(cg, cw, q.Kind != KindPerson)
}

// numbersDiffer reports whether a and b both have numbers and not the same.
func numbersDiffer(a, b string) bool {
	hasDigit := func(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }
	return hasDigit(a) && hasDigit(b) && !sameDigits(a, b)
}

// tooLong reports whether given is so much longer than want that it
// cannot be a right answer, so that a huge request body is not parsed.
func tooLong(given, want string) bool {
	return len(given) > 4*len(want)+64
}

// answerValue is what a typed answer means when it is more than text.
type answerValue struct {
	date     Date
	isDate   bool
	clock    Clock
	isClock  bool
	quantity float64
	unit     []string // normalised words after the quantity ("men")
	isQty    bool
}

func parseValue(s string) answerValue {
	s = trimLeadIn(strings.TrimSpace(s))
	var v answerValue
	v.date, v.isDate = parseTypedDate(s)
	v.clock, v.isClock = parseClock(s)
	v.quantity, v.unit, v.isQty = leadingQuantity(s)
	return v
}

func (v answerValue) any() bool { return v.isDate || v.isClock || v.isQty }

// plainYear reports whether v is a date only in the sense that any number
// of three or four digits is a year, so that it may still be compared with
// a quantity ("200" and "two hundred").
func (v answerValue) plainYear() bool {
	return v.isDate && v.date.Precision() == 1 && !v.date.Circa && !v.date.Decade && v.isQty
}

// compareValues compares given and wanted values of the same kind; decided
// is false when they have none in common. context holds the words a unit
// after a given quantity may come from.
func compareValues(g, w answerValue, context string) (same, decided bool) {
	switch {
	case g.isDate && w.isDate:
		return dateCovers(g.date, w.date), true
	case g.isDate && !g.plainYear() || w.isDate && !w.plainYear():
		return false, true
	case g.isClock && w.isClock:
		return g.clock == w.clock, true
	case g.isClock || w.isClock:
		return false, true
	case g.isQty && w.isQty:
		return g.quantity == w.quantity && unitsFit(g.unit, context), true
	}
	return false, false
}

// parseTypedDate is ParseDate with two more forms people type: ISO
// ("1776-07-04") and "the 4th of July 1776".
func parseTypedDate(s string) (Date, bool) {
	if d, ok := ParseDate(s); ok {
		return d, true
	}
	if d, ok := parseISODate(s); ok {
		return d, true
	}
	words := strings.Fields(s)
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) >= 3 && (isDigits(words[0]) || isOrdinal(words[0])) && strings.EqualFold(words[1], "of") {
		return ParseDate(words[0] + " " + strings.ReplaceAll(strings.Join(words[2:], " "), ",", ""))
	}
	return Date{}, false
}

// parseISODate reads a full ISO 8601 calendar date, "1776-07-04". A year
// and month alone ("2011-12") is not taken: it is more often a season.
func parseISODate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !isDigits(s[:4]) || !isDigits(s[5:7]) || !isDigits(s[8:]) {
		return Date{}, false
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if y == 0 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return Date{}, false
	}
	return Date{Year: y, Month: m, Day: d}, true
}

// daysIn is the number of days of month m in year y.
func daysIn(m, y int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateCovers reports whether given agrees with want on every field want
// has: "13 January 2011" answers "January 13", but "2011" does not answer
// "January 8, 2011". Circa is ignored: "965" answers "c. 965".
func dateCovers(given, want Date) bool {
	switch {
	case want.Year != 0 && given.Year != want.Year,
		want.Month != 0 && given.Month != want.Month,
		want.Day != 0 && given.Day != want.Day:
		return false
	}
	return given.Decade == want.Decade
}

// trimLeadIn drops a preposition people type before a value ("in 1892",
// "at 3am", "about 200").
func trimLeadIn(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	switch strings.ToLower(first) {
	case "in", "on", "at", "around", "about":
		return strings.TrimSpace(rest)
	}
	return s
}

// leadingQuantity reads a number at the start of s and the words after it
// ("200 men" is 200 and ["men"]).
func leadingQuantity(s string) (float64, []string, bool) {
	lx := lexText(s)
	if len(lx) > 1 && lx[0].text == "~" {
		lx = lx[1:]
	}
	m, ok := lx.numberAt(0)
	if !ok {
		return 0, nil, false
	}
	var unit []string
	if m.end < len(lx) {
		unit = strings.Fields(NormalizeAnswer(s[lx[m.end].start:]))
	}
	return m.value, unit, true
}

// unitsFit reports whether every unit word is in context, ignoring a
// plural "s", so that "200 men" answers "200" only when the question is
// about men.
func unitsFit(unit []string, context string) bool {
	known := map[string]bool{}
	for _, w := range strings.Fields(NormalizeAnswer(context)) {
		known[strings.TrimSuffix(w, "s")] = true
	}
	for _, w := range unit {
		if !known[strings.TrimSuffix(w, "s")] {
			return false
		}
	}
	return true
}

// closeEnough forgives typos in normalised text: none up to 3 letters, 1
// up to 7, 2 up to 15 and 3 beyond. The first letter and every digit must
// be right, since a different initial or number usually means a different
// name ("Mali" is not "Bali", "Atlantique 2" is not "Atlantique 3").
func closeEnough(given, want string) bool {
	g, w := []rune(given), []rune(want)
	allowed := typoAllowance(want)
	switch {
	case allowed == 0, g[0] != w[0], max(len(g)-len(w), len(w)-len(g)) > allowed,
		!sameDigits(given, want):
		return false
	}
	return osaDistance(g, w) <= allowed
}

// termVariants are names written more than one common way; the first of
// each group is the one canonicalTerms puts for the others. Each is matched
// as whole words anywhere in an answer ("US Army" is "United States Army").
var termVariants = [][]string{
	{"World War II", "Second World War", "WWII", "WW2", "WW II", "World War Two", "2nd World War"},
	{"World War I", "First World War", "WWI", "WW1", "WW I", "World War One", "1st World War", "Great War"},
	{"United States", "United States of America", "USA", "U.S.A.", "US", "U.S."},
	{"United Kingdom", "UK", "U.K."},
	{"Soviet Union", "USSR", "U.S.S.R."},
	{"United Nations", "UN", "U.N."},
	{"European Union", "EU", "E.U."},
}

// prefixVariants are abbreviated words that stand before a name ("St.
// Louis"); at the end of an answer "St." is a street, not a saint.
var prefixVariants = [][]string{
	{"Saint", "St.", "St"}, {"Sainte", "Ste."}, {"Mount", "Mt."}, {"Fort", "Ft."},
}

// variantForm is one written form of a term, normalised and canonicalised
// like the answers it is matched in.
type variantForm struct {
	words     []string
	canonical []string
	prefix    bool // only before another word
}

// variantForms holds every form of termVariants and prefixVariants,
// longest first so that "United States of America" is matched whole.
var variantForms = func() []variantForm {
	var out []variantForm
	for _, groups := range []struct {
		list   [][]string
		prefix bool
	}{{termVariants, false}, {prefixVariants, true}} {
		for _, group := range groups.list {
			canon := strings.Fields(numberedNames(NormalizeAnswer(group[0])))
			for _, form := range group {
				out = append(out, variantForm{strings.Fields(numberedNames(NormalizeAnswer(form))), canon, groups.prefix})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b variantForm) int { return len(b.words) - len(a.words) })
	return out
}()

// canonicalTerms rewrites a normalised answer so that the usual other
// names of a thing read the same: a regnal number in any form becomes
// digits ("Henry VIII", "Henry 8th", "Henry the Eighth" are "henry 8"), and
// each form of termVariants and prefixVariants becomes its group's first.
func canonicalTerms(norm string) string {
	words := strings.Fields(numberedNames(norm))
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		matched := false
		for _, v := range variantForms {
			n := len(v.words)
			if i+n <= len(words) && slices.Equal(words[i:i+n], v.words) && (!v.prefix || i+n < len(words)) {
				out = append(out, v.canonical...)
				i += n
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, words[i])
			i++
		}
	}
	return strings.Join(out, " ")
}

// numberedNames writes the number after a name as digits: a Roman numeral
// of I to XXXIX ("louis xiv"), an ordinal ("henry 8th") or "the" and an
// ordinal word ("henry the eighth"). A first word is left alone ("Xi
// Jinping"), and so are Roman numerals of other letters, which are more
// often initials ("Malcolm X" is not counted: X is read only as part of a
// numeral of two letters or more).
func numberedNames(norm string) string {
	words := strings.Fields(norm)
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if i > 0 {
			if w == "the" && i+1 < len(words) && ordinalWords[words[i+1]] != 0 {
				out = append(out, strconv.Itoa(ordinalWords[words[i+1]]))
				i++
				continue
			}
			if n := romanValue(w); n > 0 && (len(w) > 1 || w == "i" || w == "v") {
				w = strconv.Itoa(n)
			} else if isOrdinal(w) {
				w = w[:len(w)-2]
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
	"eighteenth": 18, "nineteenth": 19, "twentieth": 20}

// romanValue is the value of a lower-case Roman numeral of the letters i,
// v and x in its usual form (1 to 39), or 0.
func romanValue(w string) int {
	if w == "" || len(w) > 7 {
		return 0
	}
	rest := strings.TrimLeft(w, "x")
	tens := len(w) - len(rest)
	if tens > 3 {
		return 0
	}
	units := map[string]int{"": 0, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7,
		"viii": 8, "ix": 9}
	u, ok := units[rest]
	if !ok || tens == 0 && u == 0 {
		return 0
	}
	return 10*tens + u
}

// Generic words name the kind of a thing beside its name: "Wembley
// Stadium", "Lake Victoria", "the Battle of Hastings". genericMatch lets a
// typed answer have one more or one fewer than the key.
var (
	trailingGenerics = genericPhrases(`stadium|river|lake|mountain|park|city|island|street|bridge|
cathedral|church|university|college|company|corporation|corp|inc|incorporated|ltd|limited|plc|llc|
club|football club|fc|f c|afc|a f c|party|army`)
	leadingGenerics = genericPhrases(`lake|mount|river|battle of`)
	// weakCores are words that are no name once a generic word is gone:
	// "Red" is not the Red Army, nor "Main" Main Street.
	weakCores = wordSet(`red|white|blue|black|green|yellow|golden|north|south|east|west|northern|
southern|eastern|western|central|new|old|great|grand|royal|national|main|high|upper|lower|little|
big|long|broad|state|federal|public|general|international|united|holy|saint|mount|fort|wall|
market|king|queen|first|second|third|last|lake|river|park|city|street|bridge|church|island|army|party`)
	// countryCores are the countries, as canonicalTerms writes them: "Mexico
	// City" is not Mexico, nor the Congo River the Congo.
	countryCores = func() map[string]bool {
		m := map[string]bool{}
		for _, c := range countries {
			m[canonicalTerms(NormalizeAnswer(c))] = true
		}
		return m
	}()
)

func genericPhrases(list string) [][]string {
	var out [][]string
	for _, p := range words(list) {
		out = append(out, strings.Fields(p))
	}
	slices.SortStableFunc(out, func(a, b []string) int { return len(b) - len(a) })
	return out
}

// genericCore splits a generic word (or two, "battle of", "football club")
// off a canonical answer: "wembley stadium" is "wembley" and "stadium".
// affix is "" when there is none, or when what is left is no name of its
// own: nothing ("lake"), a weak word ("red army"), or a country ("mexico
// city").
func genericCore(s string) (core, affix string) {
	words := strings.Fields(s)
	var rest []string
	// A leading word first: the "Battle of Stamford Bridge" is at
	// Stamford Bridge, not at Stamford.
	for _, p := range leadingGenerics {
		if len(words) > len(p) && slices.Equal(words[:len(p)], p) {
			rest, affix = words[len(p):], strings.Join(p, " ")
			break
		}
	}
	if affix == "" {
		for _, p := range trailingGenerics {
			if len(words) > len(p) && slices.Equal(words[len(words)-len(p):], p) {
				rest, affix = words[:len(words)-len(p)], strings.Join(p, " ")
				break
			}
		}
	}
	if len(rest) > 0 && rest[0] == "the" {
		rest = rest[1:] // "battle of the somme"
	}
	core = strings.Join(rest, " ")
	if affix == "" || core == "" || len(rest) == 1 && (weakCores[core] || stopwords[core] || connectors[core] ||
		nationalities[core] || isDigits(core)) || countryCores[core] {
		return s, ""
	}
	return core, affix
}

// genericMatch reports whether given and want (canonical, as
// canonicalTerms writes them) differ by a generic word: the key without it
// ("Wembley" for "Wembley Stadium", "Victoria" for "Lake Victoria"), the
// key with it when plus is set ("Battle of Hastings" for "Hastings"), or
// the same word elsewhere ("River Nile" for "Nile River"). What is left
// must be a name, so "Lake" is not "Lake Victoria", and only one side's
// word may go, so "Wembley Arena" is not "Wembley Stadium" nor "Wembley
// Park". plus is off for a person, whom a generic word would make a
// place: "Lake Victoria" does not answer "Victoria", the queen.
func genericMatch(given, want string, plus bool) bool {
	gc, ga := genericCore(given)
	wc, wa := genericCore(want)
	near := func(a, b string) bool { return a == b || closeEnough(a, b) }
	return wa != "" && near(given, wc) ||
		plus && ga != "" && near(gc, want) ||
		ga != "" && ga == wa && near(gc, wc)
}

func typoAllowance(want string) int {
	letters := 0
	for _, r := range want {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case letters <= 3:
		return 0
	case letters <= 7:
		return 1
	case letters <= 15:
		return 2
	}
	return 3
}

func sameDigits(a, b string) bool {
	notDigit := func(r rune) bool { return !unicode.IsDigit(r) }
	return strings.Join(strings.FieldsFunc(a, notDigit), " ") == strings.Join(strings.FieldsFunc(b, notDigit), " ")
}

// osaDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// runes each count one, and no substring is edited twice.
func osaDistance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func matchesNumber(q Question, given any) bool {
	// An answer an instructor accepted (a contested grade) is right as
	// typed, whatever its value.
	if s, isText := given.(string); isText && slices.ContainsFunc(q.Accepted, func(a string) bool { return NormalizeAnswer(a) == NormalizeAnswer(s) }) {
		return true
	}
	want, _, ok := signedQuantity(strings.TrimSpace(q.Answer))
	if !ok {
		return false
	}
	var got float64
	switch v := given.(type) {
	case string:
		if tooLong(v, q.Answer) {
			return false
		}
		var unit []string
		got, unit, ok = signedQuantity(trimLeadIn(strings.TrimSpace(v)))
		ok = ok && unitsFit(unit, q.Answer+" "+q.Prompt)
	case float64:
		got, ok = v, true
	case int:
		got, ok = float64(v), true
	case json.Number:
		f, err := v.Float64()
		got, ok = f, err == nil
	default:
		return false
	}
	return ok && math.Abs(got-want) <= max(q.Tolerance, 0)
}

// signedQuantity is leadingQuantity with a leading sign, as ParseNumber
// takes, so that numeric answers may be below zero ("-40", "−3.5").
func signedQuantity(s string) (float64, []string, bool) {
	for _, sign := range []struct {
		mark  string
		value float64
	}{{"-", -1}, {"−", -1}, {"+", 1}} {
		rest, ok := strings.CutPrefix(s, sign.mark)
		if r, _ := utf8.DecodeRuneInString(rest); ok && rest != "" && !unicode.IsSpace(r) {
			v, unit, ok := leadingQuantity(rest)
			return sign.value * v, unit, ok
		}
	}
	return leadingQuantity(s)
}

func truthOf(given any) (bool, bool) {
	switch v := given.(type) {
	case bool:
		return v, true
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true", "t", "yes", "y":
			return true, true
		case "false", "f", "no", "n":
			return false, true
		}
	}
	return false, false
}

func stringsOf(given any) ([]string, bool) {
	switch v := given.(type) {
	case []string:
		return v, true
	case []any:
		out := make([]string, len(v))
		for i, item := range v {
			s, ok := item.(string)
			if !ok {
				return nil, false
			}
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

func pairsOf(given any) ([][2]string, bool) {
	switch v := given.(type) {
	case [][2]string:
		return v, true
	case [][]string:
		return pairsFrom(v)
	case []any:
		return pairsFrom(v)
	}
	return nil, false
}

func pairsFrom[T any](items []T) ([][2]string, bool) {
	out := make([][2]string, len(items))
	for i, item := range items {
		p, ok := stringsOf(item)
		if !ok || len(p) != 2 {
			return nil, false
		}
		out[i] = [2]string{p[0], p[1]}
	}
	return out, true
}

func sameOrder(want, got []string) bool {
	return len(want) > 0 && slices.EqualFunc(want, got, func(a, b string) bool {
		return NormalizeAnswer(a) == NormalizeAnswer(b)
	})
}

// samePairs compares pairs as a multiset, so their order does not matter
// but a repeated pair cannot stand in for a missing one.
func samePairs(want, got [][2]string) bool {
	if len(want) == 0 || len(got) != len(want) {
		return false
	}
	count := map[[2]string]int{}
	for _, p := range want {
		count[normalizePair(p)]++
	}
	for _, p := range got {
		k := normalizePair(p)
		if count[k] == 0 {
			return false
		}
		count[k]--
	}
	return true
}

func normalizePair(p [2]string) [2]string {
	return [2]string{NormalizeAnswer(p[0]), NormalizeAnswer(p[1])}
}
