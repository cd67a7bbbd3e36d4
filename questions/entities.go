package questions

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a sentence without the punctuation around it.
type token struct {
	text        string
	start, end  int  // byte offsets of text in the sentence
	breakBefore bool // punctuation such as "(" or a quote precedes it
	breakAfter  bool // punctuation such as "," or a possessive follows it
}

// tokenize splits s into words. A trailing period stays on initials and
// abbreviations ("D.", "St.") so that they read as part of a name.
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/5+1)
	i := 0
	for i < len(s) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			if t, ok := trimToken(s, i, j); ok {
				out = append(out, t)
			}
		}
		i = j
	}
	return out
}

func trimToken(s string, start, end int) (token, bool) {
	t := token{start: start, end: end}
	for t.start < t.end {
		r, size := utf8.DecodeRuneInString(s[t.start:t.end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		t.start += size
		t.breakBefore = true
	}
	for t.end > t.start {
		r, size := utf8.DecodeLastRuneInString(s[t.start:t.end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		t.end -= size
		t.breakAfter = true
	}
	if t.start >= t.end {
		return t, false
	}
	word := s[t.start:t.end]
	for _, poss := range []string{"'s", "’s"} {
		if strings.HasSuffix(word, poss) && len(word) > len(poss) {
			t.end -= len(poss)
			t.breakAfter = true
			word = s[t.start:t.end]
		}
	}
	if t.end < end && s[t.end] == '.' && (isInitial(word) || abbreviations[strings.ToLower(word)]) {
		t.end++
		// "Ltd." at the end of a clause still ends the name there.
		t.breakAfter = t.end < end
	}
	t.text = s[t.start:t.end]
	return t, true
}

// capitalised reports whether a token can be part of a name: it starts
// with a capital letter, or is a particle joined to one ("al-Kindi").
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		// "Toronto-based" is an adjective made from a name.
		if i := strings.IndexByte(w, '-'); i > 0 && i+1 < len(w) {
			r2, _ := utf8.DecodeRuneInString(w[i+1:])
			return !unicode.IsLower(r2)
		}
		return true
	}
	if i := strings.IndexAny(w, "-‘'"); i > 0 && i < 4 && i+1 < len(w) {
		r2, _ := utf8.DecodeRuneInString(w[i+1:])
		return unicode.IsUpper(r2) && connectors[strings.ToLower(w[:i])]
	}
	return false
}

func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isOrdinal reports whether w is a number like "1st" or "13th".
func isOrdinal(w string) bool {
	if len(w) < 3 {
		return false
	}
	suffix := strings.ToLower(w[len(w)-2:])
	return isDigits(w[:len(w)-2]) && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// mention is a proper name found in a sentence.
type mention struct {
	Span
	text   string
	first  int    // index of its first token
	last   int    // index of its last token
	role   string // the title before it, e.g. "French president"
	head   string // a place noun after it, e.g. "restaurant"
	leadIn string // the lower-cased word before it
}

// findNames returns the proper names of sentence s, skipping the spans in
// masked (dates and times). common holds words the article also uses in
// lower case, which are not names when they open a sentence.
func findNames(s string, toks []token, masked *spanIndex, common map[string]bool) []mention {
	var out []mention
	for i := 0; i < len(toks); i++ {
		if !startsName(toks, i, masked) {
			continue
		}
		j := extendName(toks, i, masked)
		if m, ok := makeMention(s, toks, i, j, common); ok {
			out = append(out, m)
		}
		i = j
	}
	return out
}

func startsName(toks []token, i int, masked *spanIndex) bool {
	t := toks[i]
	if isOrdinal(t.text) && i+1 < len(toks) && !t.breakAfter && capitalised(toks[i+1].text) {
		return !masked.overlaps(Span{t.start, t.end})
	}
	return capitalised(t.text) && !masked.overlaps(Span{t.start, t.end}) && !months[strings.ToLower(strings.TrimSuffix(t.text, "."))]
}

// extendName returns the index of the last token of the name that starts
// at toks[i].
func extendName(toks []token, i int, masked *spanIndex) int {
	j := i
	for j+1 < len(toks) && !toks[j].breakAfter {
		next := toks[j+1]
		switch {
		case next.breakBefore || masked.overlaps(Span{next.start, next.end}):
			return j
		case capitalised(next.text) && !months[strings.ToLower(next.text)]:
			j++
		case connectors[strings.ToLower(next.text)] && !next.breakAfter && j+2 < len(toks) &&
			capitalised(toks[j+2].text) && !toks[j+2].breakBefore:
			j += 2
		case isDigits(next.text) && len(next.text) <= 4 && !isDigits(toks[j].text) && j-i <= 1:
			j++ // "Atlantique 2", "Highway 407"
		default:
			return j
		}
	}
	return j
}

// makeMention trims what does not belong to the name toks[i..j] (opening
// words, titles, nationalities) and records the cues around it.
func makeMention(s string, toks []token, i, j int, common map[string]bool) (mention, bool) {
	start := i
	for start <= j && dropsFromName(toks, start, j, common) {
		start++
	}
	if start < j && isOrdinal(toks[start].text) && !nameEndsInKindWord(toks[j].text) {
		start++ // "the 3rd Earl": the ordinal belongs to the name only in units
	}
	m := mention{}
	if k := lastTitle(toks, start, j); k >= start {
		titleAt := k
		if honorific(toks[k].text) && k > 0 && isTitleWord(toks[k-1].text) {
			titleAt = k - 1 // "court physician Dr. Jan Ingenhousz": the role is physician
		}
		if connectors[strings.ToLower(toks[k+1].text)] {
			// "Mayor of Toronto" names an office, not a person.
			start = k + 2
		} else {
			m.role = roleBefore(s, toks, titleAt)
			start = k + 1
		}
	} else if start > 0 && isTitleWord(toks[start-1].text) && !toks[start-1].breakAfter {
		m.role = roleBefore(s, toks, start-1)
	}
	for j >= start && (connectors[strings.ToLower(toks[j].text)] || isInitial(strings.TrimSuffix(toks[j].text, "."))) && j > start {
		j--
	}
	if start > j {
		return m, false
	}
	if start == j && !keepsAlone(toks[start].text) {
		return m, false
	}
	m.Span = Span{toks[start].start, toks[j].end}
	m.text = s[m.Start:m.End]
	m.first, m.last = start, j
	if j+1 < len(toks) && placeHeads[strings.ToLower(toks[j+1].text)] && !toks[j].breakAfter {
		m.head = strings.ToLower(toks[j+1].text)
	}
	if start > 0 && !toks[start-1].breakAfter {
		m.leadIn = strings.ToLower(toks[start-1].text)
		if m.leadIn == "the" && start > 1 {
			m.leadIn = strings.ToLower(toks[start-2].text) // "to the Antilles"
		}
	}
	return m, true
}

// dropsFromName reports whether toks[k] opens the name toks[k..j] without
// being part of it: a sentence's first word that is a common word, or a
// nationality before a title.
func dropsFromName(toks []token, k, j int, common map[string]bool) bool {
	w := strings.ToLower(toks[k].text)
	if stopwords[w] && (k == 0 || w == "the" || w == "a" || w == "an") {
		return true
	}
	if class, _ := numberWordValue(strings.SplitN(w, "-", 2)[0]); class != classNone && k == 0 {
		return true // "Seven others left", "Three Cougar helicopters"
	}
	if k == 0 && common[w] && (k == j || !capitalised(toks[k+1].text) && !connectors[strings.ToLower(toks[k+1].text)]) {
		return true
	}
	// "French President Sarkozy": the nationality describes the title;
	// "Islamic Golden Age", "Nigerien National Guard" keep theirs.
	return nationalities[w] && k < j && titles[strings.ToLower(toks[k+1].text)]
}

func nameEndsInKindWord(w string) bool {
	w = strings.ToLower(w)
	return organisationWords[w] || placeWords[w]
}

// lastTitle finds the last title word inside toks[i..j) that has name after
// it ("Defense Minister Alain Juppé"), or -1.
func lastTitle(toks []token, i, j int) int {
	for x := i; x <= j; x++ {
		if nameEndsInKindWord(toks[x].text) {
			return -1 // "King Street West" is a street, not a king
		}
	}
	k := -1
	for x := i; x < j; x++ {
		if titles[strings.ToLower(strings.TrimSuffix(toks[x].text, "."))] {
			k = x
		}
	}
	return k
}

// roleBefore returns the role that ends with the title toks[k]: the title
// with the nationality, acronym and adjective words just before it
// ("French investigative journalist", "COS commander").
func roleBefore(s string, toks []token, k int) string {
	from := k
	for n := 0; n < 3 && from > 0 && !toks[from-1].breakAfter; n++ {
		w := toks[from-1].text
		lw := strings.ToLower(w)
		if !(nationalities[lw] || titles[lw] || isAcronym(w) || capitalised(w) && !stopwords[lw] ||
			strings.HasSuffix(lw, "ive") || strings.HasSuffix(lw, "al") && !stopwords[lw]) {
			break
		}
		from--
	}
	return s[toks[from].start:toks[k].end]
}

func honorific(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "dr", "mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord", "prof":
		return true
	}
	return false
}

// isTitleWord reports whether a word before a name gives its holder's role:
// a title ("Captain", "president") or an "-ist" noun ("jihadist").
func isTitleWord(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	return titles[lw] || strings.HasSuffix(lw, "ist") && len(lw) > 5 && !capitalised(w)
}

// keepsAlone reports whether a single word can be a name by itself.
func keepsAlone(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if stopwords[lw] || titles[lw] || nationalities[lw] || months[lw] || notNames[strings.TrimSuffix(w, ".")] || len([]rune(w)) < 2 {
		return false
	}
	// Plural demonyms ("Tuaregs", "Westerners") name groups, not things.
	if parts := strings.Split(lw, "-"); len(parts) > 1 && nationalities[parts[0]] && nationalities[parts[len(parts)-1]] {
		return false // "Nigerien-Malian"
	}
	for _, suffix := range []string{"s", "ers", "men", "man", "women", "woman"} {
		if strings.HasSuffix(lw, suffix) && nationalities[strings.TrimSuffix(lw, suffix)] {
			return false
		}
	}
	return !isDigits(w)
}

func overlaps(sp Span, spans []Span) bool {
	for _, o := range spans {
		if sp.Start < o.End && o.Start < sp.End {
			return true
		}
	}
	return false
}
