package questions

import (
	"slices"
	"sort"
	"strings"
)

// maxExpansionWord is the longest word, in bytes, that expansionBefore
// takes as part of what an acronym stands for.
const maxExpansionWord = 64

// infoboxSource is how a question built on an infobox field cites it.
func infoboxSource(f Field) string { return f.Key + ": " + f.Value }

// sentenceFacts returns the facts of sentence i in the order they appear.
func (x *extractor) sentenceFacts(i int) []Fact {
	s := x.sents[i]
	base := Fact{Sentence: s.Text, Section: s.Section, sentence: i}
	var out []Fact
	for _, d := range x.dates[i] {
		f := base
		f.Kind, f.Text, f.span, f.date = KindDate, d.Text, d.Span, d.Date
		out = append(out, f)
	}
	for _, t := range x.times[i] {
		f := base
		f.Kind, f.Text, f.span, f.clock = KindTime, t.Text, t.Span, t.Clock
		out = append(out, f)
	}
	out = append(out, x.quantities(i, base)...)
	for _, m := range x.names[i] {
		if countryAbbreviations[m.text] {
			continue
		}
		f := base
		f.Kind, f.Text, f.span, f.role, f.head = x.kinds[m.text], m.text, m.Span, m.role, m.head
		out = append(out, f)
	}
	out = append(out, x.acronyms(i, base)...)
	out = append(out, x.appositives(i, base)...)
	if ev, ok := x.event(i, base); ok {
		out = append(out, ev)
	}
	return out
}

// quantities returns the numbers of sentence i with the nouns they count
// ("200 men", "three Nigerien soldiers"). Numbers inside dates, times and
// names, and numbers that count nothing, are left out.
func (x *extractor) quantities(i int, base Fact) []Fact {
	s := x.sents[i].Text
	if len(x.numbers[i]) == 0 {
		return nil
	}
	skip := x.masked(i)
	for _, m := range x.names[i] {
		skip = append(skip, m.Span)
	}
	// Indexes, not scans, so that a sentence of a thousand numbers is not
	// read a thousand times.
	skipped, fields := newSpanIndex(skip), newFieldIndex(s)
	var out []Fact
	for _, n := range x.numbers[i] {
		if skipped.overlaps(n.Span) || n.Spelled && n.Value == 1 || partOfName(fields, n.Start) {
			continue
		}
		unit, end := unitAfter(s, x.toks[i], n.End)
		if unit == "" {
			continue
		}
		f := base
		f.Kind, f.value, f.unit, f.spelled = KindNumber, n.Value, unit, n.Spelled
		f.span = n.Span
		f.Text = s[n.Start:end]
		out = append(out, f)
	}
	return out
}

// partOfName reports whether the number at s[at:] continues a name or a
// code ("Highway 407 & 400", "No. 5") rather than counting something.
// fields are those of s.
func partOfName(fields *fieldIndex, at int) bool {
	before := fields.lastFields(at, 2)
	if len(before) == 0 {
		return false
	}
	prev := before[len(before)-1]
	if prev == "&" || prev == "#" || prev == "No." || prev == "and" && len(before) > 1 && isDigits(before[len(before)-2]) ||
		codeWords[strings.ToLower(strings.TrimSuffix(prev, "."))] {
		return true
	}
	// "Python 3.10" names a version even at the start of a sentence.
	return capitalised(prev) && !strings.HasSuffix(prev, ",") && !stopwords[strings.ToLower(prev)]
}

// codeWords stand before numbers that name rather than count: "version
// 3.10", "route 66", "flight 93".
var codeWords = wordSet(`version|v|release|no|number|nos|model|type|mark|mk|series|route|highway|flight|platform|
level|grade|chapter|article|section|page|volume|vol|issue|episode|season|round|game|week|
phase|stage|unit|line|track|channel|code|score`)

// unitAfter returns the noun phrase a number at s[:at] counts, and where it
// ends: up to three words that are not function words or names.
func unitAfter(s string, toks []token, at int) (string, int) {
	// the first token that ends after at (tokens are in order)
	k := sort.Search(len(toks), func(k int) bool { return toks[k].end > at })
	hyphen := at < len(s) && s[at] == '-' // "six-man team"
	if at < len(s) && s[at] != ' ' && !hyphen {
		return "", at
	}
	if hyphen && k > 0 && toks[k-1].end > at {
		k-- // the number shares its token with the unit
	}
	end, n := at, 0
	for ; k < len(toks) && n < 3; k++ {
		t := toks[k]
		lw := strings.ToLower(t.text)
		if t.start > at+1 && n == 0 && !hyphen || stopwords[lw] || isDigits(t.text) || months[lw] ||
			t.breakBefore && n > 0 {
			break
		}
		if capitalised(t.text) && !nationalities[lw] && (k+1 >= len(toks) || !isPlainWord(toks[k+1].text) || t.breakAfter) {
			break // "80 King Street" is an address; "3 Cougar helicopters" counts helicopters
		}
		if n == 0 && (strings.HasSuffix(lw, "ing") || pastVerbs[lw]) {
			break // "two carrying twenty soldiers", "five made up": the number stands alone
		}
		end, n = t.end, n+1
		if timeUnits[lw] || lw == "hour" || lw == "minute" {
			break // "1 year prevents": a unit of time ends the phrase
		}
		if t.breakAfter || strings.HasSuffix(lw, "s") && !nationalities[lw] && n > 0 {
			break // a plural noun ends the unit: "two jihadists guarded"
		}
	}
	unit := strings.TrimLeft(s[at:end], "- ")
	return unit, end
}

// isPlainWord reports whether w is a lower-case word that is not a
// function word.
func isPlainWord(w string) bool {
	lw := strings.ToLower(w)
	return !capitalised(w) && !stopwords[lw] && !connectors[lw] && !isDigits(w)
}

// acronyms finds "Special Operations Command (COS)" and "COS (Special
// Operations Command)" in sentence i.
func (x *extractor) acronyms(i int, base Fact) []Fact {
	s := x.sents[i].Text
	var out []Fact
	var fields *fieldIndex // made at the first acronym
	for from := 0; ; {
		open := strings.Index(s[from:], "(")
		if open < 0 {
			return out
		}
		open += from
		closeAt := strings.Index(s[open:], ")")
		if closeAt < 0 {
			return out
		}
		closeAt += open
		inner := strings.TrimSpace(s[open+1 : closeAt])
		from = closeAt
		if isAcronym(inner) {
			if fields == nil {
				fields = newFieldIndex(s)
			}
			if exp, sp, ok := expansionBefore(fields, open, inner); ok {
				f := base
				f.Kind, f.Subject, f.Text, f.span = KindAcronym, inner, exp, sp
				out = append(out, f)
				x.defined[inner] = true
			}
		}
	}
}

// expansionBefore finds the capitalised words before s[open] whose initials
// spell acr, in any order (French acronyms reorder English words); fields
// are those of s. Only the words just before the bracket are read, and a
// word longer than maxExpansionWord ends the expansion, so that a sentence
// of many acronyms is not read once for each.
func expansionBefore(fields *fieldIndex, open int, acr string) (string, Span, bool) {
	s := fields.s
	letters := strings.ReplaceAll(acr, ".", "")
	var picked []string // last word first
	need := len([]rune(letters))
	from := open // where the first picked word's field starts
	for w := sort.SearchInts(fields.starts, open) - 1; w >= 0 && need > 0; w-- {
		raw := s[fields.starts[w]:min(fields.ends[w], open)]
		if len(raw) > maxExpansionWord {
			break
		}
		word := strings.Trim(raw, ",;:\"'")
		if word == "" {
			break
		}
		lw := strings.ToLower(word)
		if lw == "and" || lw == "of" || lw == "for" || lw == "the" || lw == "de" || lw == "des" || lw == "du" {
			if len(picked) == 0 {
				break
			}
			picked = append(picked, word)
			from = fields.starts[w]
			continue
		}
		if !capitalised(word) || strings.ContainsAny(raw, ",;:") && len(picked) > 0 {
			break
		}
		picked = append(picked, word)
		from = fields.starts[w]
		need--
	}
	slices.Reverse(picked)
	for len(picked) > 0 && connectors[strings.ToLower(picked[0])] {
		picked = picked[1:]
	}
	if need != 0 || len(picked) < 2 || !initialsMatch(picked, letters) {
		return "", Span{}, false
	}
	exp := strings.Join(picked, " ")
	// the words are where they were picked from, unless trimmed quotes
	// break them up
	start := strings.LastIndex(s[from:open], exp)
	if start >= 0 {
		start += from
	}
	if start < 0 {
		return "", Span{}, false
	}
	return exp, Span{start, start + len(exp)}, true
}

func initialsMatch(words []string, letters string) bool {
	count := map[rune]int{}
	for _, r := range strings.ToUpper(letters) {
		count[r]++
	}
	for _, w := range words {
		r := []rune(w)[0]
		if !capitalised(w) {
			continue
		}
		count[r]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// appositives finds definitions set off by commas after a name: "Niamey,
// the capital of Niger," or "Alhadi Ibrahim, a former Tuareg rebel,".
func (x *extractor) appositives(i int, base Fact) []Fact {
	s := x.sents[i].Text
	var out []Fact
	for _, m := range x.names[i] {
		rest := s[m.End:]
		if !strings.HasPrefix(rest, ", ") {
			continue
		}
		phrase := rest[2:]
		lw := strings.ToLower(phrase)
		if !strings.HasPrefix(lw, "the ") && !strings.HasPrefix(lw, "a ") && !strings.HasPrefix(lw, "an ") {
			continue
		}
		end := strings.IndexAny(phrase, ",;)")
		if end < 0 {
			continue // runs to the end of the sentence: no closing comma
		}
		def := phrase[:end]
		if after := strings.TrimSpace(phrase[end+1:]); strings.HasPrefix(after, "and ") || strings.HasPrefix(after, "or ") {
			continue // "Euclid, the tradition of Galen, and ..." is a list
		}
		if len(strings.Fields(def)) < 2 || len(strings.Fields(def)) > 8 || strings.ContainsAny(def, "\"“(") {
			continue
		}
		f := base
		start := m.End + 2
		f.Kind, f.Subject, f.Text, f.span = KindDefinition, m.text, def, Span{start, start + len(def)}
		out = append(out, f)
	}
	return out
}

// event returns the dated event of sentence i: a sentence that carries
// exactly one date, of at least a year's precision, as its time.
func (x *extractor) event(i int, base Fact) (Fact, bool) {
	ds := x.dates[i]
	if len(ds) != 1 || ds[0].Date.Year == 0 {
		return Fact{}, false
	}
	s := x.sents[i].Text
	desc, ok := withoutDate(s, ds[0].Span)
	if !ok {
		return Fact{}, false
	}
	f := base
	f.Kind, f.Text, f.date, f.span = KindEvent, desc, ds[0].Date, ds[0].Span
	f.Subject = ds[0].Text
	return f, true
}

// withoutDate rewrites a sentence as an event description without its date:
// "On January 7, 2011, a team raided Niamey." gives "A team raided
// Niamey". Only dates that open the sentence or close it are removed, so
// that what is left still reads as a sentence.
func withoutDate(s string, d Span) (string, bool) {
	before := strings.TrimSpace(s[:d.Start])
	after := s[d.End:]
	switch {
	case len(strings.Fields(before)) <= 1 && strings.HasPrefix(after, ","):
		rest := strings.TrimSpace(after[1:])
		return capitaliseFirst(strings.TrimRight(rest, ".")), rest != ""
	case strings.TrimSpace(strings.TrimRight(after, ".")) == "":
		words := strings.Fields(before)
		if len(words) < 4 {
			return "", false
		}
		prep := strings.ToLower(words[len(words)-1])
		if prep != "in" && prep != "on" && prep != "by" {
			return "", false
		}
		return strings.Join(words[:len(words)-1], " "), true
	}
	return "", false
}

func capitaliseFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
