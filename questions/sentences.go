package questions

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence. They are
// lower-cased and written without their final period.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "capt",
	"lt", "sgt", "maj", "gov", "sen", "rep", "rev", "fr", "hon", "pres",
	"vs", "etc", "e.g", "i.e", "cf", "al", "approx", "ca", "c", "fl", "no",
	"nos", "vol", "vols", "pp", "p", "ed", "eds", "inc", "ltd", "co", "corp",
	"mt", "ft", "ave", "blvd", "rd", "dept", "univ", "est", "jan", "feb",
	"mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "op", "fig",
	"brig", "adm", "cmdr", "cdr", "lieut", "gens", "cpl", "pvt", "msgr", "supt", "v",
)

// sentenceStarters are capitalised words that, after a dotted abbreviation
// such as "U.S." or "Inc.", show that a new sentence has begun.
var sentenceStarters = setOf(
	"the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we",
	"this", "these", "those", "that", "there", "his", "her", "its", "their",
	"however", "after", "before", "during", "when", "while", "although",
	"as", "by", "for", "from", "with", "since", "until", "both", "some",
	"many", "most", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "meanwhile", "then", "later", "also", "but",
	"and", "only", "several", "each", "all", "no", "not", "among",
)

// timeZones follow a clock time within its sentence: "4:17 p.m. Eastern
// time".
var timeZones = setOf("eastern", "central", "mountain", "pacific", "atlantic", "local", "utc", "gmt", "est", "edt", "cet", "bst")

// SplitSentences splits a paragraph into sentences. It keeps periods of
// abbreviations ("Dr.", "U.S.", "p.m."), initials ("John D. Smith") and
// decimals inside their sentence, and keeps closing quotes and brackets
// with the sentence they close.
func SplitSentences(text string) []string {
	var out []string
	sp := &splitter{text: text}
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(text) && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
			end++
		}
		end = skipClosers(text, end)
		if !sp.endsSentence(start, i, end) {
			i = end - 1
			continue
		}
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
		i = end - 1
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// skipClosers moves past closing quotes and brackets after a full stop.
func skipClosers(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune("\"')]”’»", r) {
			return i
		}
		i += size
	}
	return i
}

// splitter is the state of SplitSentences: the text, and where the next
// word after a full stop starts, remembered so that a paragraph of full
// stops with no words after them ("1. 2. 3. ...") is read once, not once
// per full stop.
type splitter struct {
	text string
	// the first word character at or after from is at wordAt
	from, wordAt int
	scanned      bool
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || r == '\'' }

// followingWord returns firstWord(text[end:]).
func (sp *splitter) followingWord(end int) string {
	if !sp.scanned || end < sp.from || end > sp.wordAt {
		at := strings.IndexFunc(sp.text[end:], isWordRune)
		if at < 0 {
			at = len(sp.text) - end
		}
		sp.from, sp.wordAt, sp.scanned = end, end+at, true
	}
	return firstWord(sp.text[sp.wordAt:])
}

// endsSentence decides whether the punctuation at text[dot] (extended with
// closers to text[:end]) ends the sentence that began at start.
func (sp *splitter) endsSentence(start, dot, end int) bool {
	text := sp.text
	if end >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(next) {
		// "term".Ibn: a missing space after a quote or a word, before a
		// capitalised word, still ends the sentence; "3.5" and "U.S." do not.
		if end > dot+1 && startsWord(text[end:]) {
			return true
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:dot])
		closedQuote := strings.ContainsRune("\"”’)", prev)
		return text[dot] == '.' && capitalisedWord(text[end:]) &&
			(closedQuote || unicode.IsLower(prev) && wordLen(text, dot) > 2)
	}
	if text[dot] != '.' || end > dot+1 {
		return nextStartsSentence(text[end:])
	}
	word := wordBefore(text, start, dot)
	following := sp.followingWord(end)
	// only the start of the rest matters: trimming its end would read it
	// all once per full stop
	if rest := strings.TrimLeftFunc(text[end:], unicode.IsSpace); abbreviations[strings.ToLower(word)] && startsWithDigit(rest) {
		return false // "No. 1", "p. 12", "Vol. 3"
	}
	lw := strings.ToLower(word)
	switch {
	case lw == "a.m" || lw == "p.m":
		return startsWord(strings.TrimLeftFunc(text[end:], unicode.IsSpace)) && !timeZones[strings.ToLower(following)]
	case strings.HasSuffix(word, ")") || strings.HasSuffix(word, "]"):
		// "(810.8°/d). Because": a stop after a bracket ends the sentence
		// whatever the bracket held
		return nextStartsSentence(text[end:])
	case strings.Contains(word, "."):
		// Dotted abbreviations: "U.S. forces" goes on, "U.S. The" ends.
		return sentenceStarters[strings.ToLower(following)]
	case isInitial(word):
		return false
	case abbreviations[lw]:
		return sentenceStarters[strings.ToLower(following)] && lw != "dr" && lw != "mr" && lw != "mrs" && lw != "st" && lw != "c"
	}
	return nextStartsSentence(text[end:])
}

// nextStartsSentence: sentences begin with a capital, a digit or a quote.
func nextStartsSentence(rest string) bool {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“'‘(", r) || !unicode.IsLetter(r) && !unicode.IsPunct(r)
}

func startsWord(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || strings.ContainsRune("\"“", r)
}

func capitalisedWord(rest string) bool {
	r, size := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(rest[size:])
	return unicode.IsLower(r2)
}

// wordBefore returns the token that ends at text[dot], periods included
// ("U.S", "p.m", "Dr").
func wordBefore(text string, start, dot int) string {
	i := dot
	for i > start {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		i -= size
	}
	return text[i:dot]
}

func wordLen(text string, dot int) int {
	n := 0
	for i := dot; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(r) {
			break
		}
		n++
		i -= size
	}
	return n
}

// firstWord returns the first run of letters in rest.
func firstWord(rest string) string {
	start := strings.IndexFunc(rest, isWordRune)
	if start < 0 {
		return ""
	}
	end := strings.IndexFunc(rest[start:], func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		return rest[start:]
	}
	return rest[start : start+end]
}

// isInitial reports whether word is a single capital letter, as in
// "E. A. Sedillot".
func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
