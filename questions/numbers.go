package questions

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumberMention is a quantity found in a text.
type NumberMention struct {
	Span
	Text    string
	Value   float64
	Spelled bool // written as words ("three hundred"), not digits
}

// FindNumbers returns the quantities in s in order: digits with thousands
// separators and decimals ("381,310", "2.5"), optionally followed by a scale
// word ("1.5 million"), and cardinal number words ("twenty-five", "three
// hundred"). The number of a compound is kept without the rest ("six" in
// "six-man"), and a "~" before a number is left out of its Text.
//
// Ordinals ("13th", "third") are not quantities and are skipped, as are
// numbers glued to a name ("C-160", "A380"), times ("10:40", "3am"),
// decades ("1980s") and codes with a leading zero ("0319"). Years are
// returned like any number; callers that want quantities only should drop
// mentions overlapping FindDates.
func FindNumbers(s string) []NumberMention { return findNumbers(s, lexText(s)) }

// findNumbers is FindNumbers on text already split into lexemes.
func findNumbers(s string, lx lexemes) []NumberMention {
	var out []NumberMention
	lx.eachMatch(func(i int) int {
		m, ok := lx.numberAt(i)
		if !ok {
			return 0
		}
		sp := lx.span(i, m.end)
		out = append(out, NumberMention{Span: sp, Text: s[sp.Start:sp.End], Value: m.value, Spelled: m.spelled})
		return m.end
	})
	return out
}

// ParseNumber parses s, which must be exactly one number in digits or words
// ("381,310", "2.5", "Twenty", "twenty-five", "three hundred"), with an
// optional leading sign. Surrounding space is ignored.
func ParseNumber(s string) (float64, bool) {
	lx := lexText(strings.TrimSpace(s))
	sign := 1.0
	if len(lx) > 1 && !lx[1].spaced {
		switch lx[0].text {
		case "-", "−":
			sign, lx = -1, lx[1:]
		case "+":
			lx = lx[1:]
		}
	}
	m, ok := lx.numberAt(0)
	if !ok || m.end != len(lx) {
		return 0, false
	}
	return sign * m.value, true
}

// FormatNumber writes v the way articles do: no exponent, no trailing
// zeros, and thousands separators from 10,000 up so that years such as 1992
// keep their usual look.
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) < 10000 {
		return s
	}
	sign, digits, frac := "", s, ""
	if v < 0 {
		sign, digits = "-", s[1:]
	}
	if dot := strings.IndexByte(digits, '.'); dot >= 0 {
		digits, frac = digits[:dot], digits[dot:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return sign + b.String() + frac
}

// NumberWord spells n in words ("four", "twenty-five", "three hundred"), for
// distractors that must look like an answer written in words. Numbers below
// zero or from a billion up are returned as digits.
func NumberWord(n int) string {
	switch {
	case n < 0 || n >= 1_000_000_000:
		return strconv.Itoa(n)
	case n < 20:
		return unitNames[n]
	case n < 100:
		if n%10 == 0 {
			return tensNames[n/10]
		}
		return tensNames[n/10] + "-" + unitNames[n%10]
	case n < 1000:
		return joinNumberWords(NumberWord(n/100)+" hundred", n%100)
	case n < 1_000_000:
		return joinNumberWords(NumberWord(n/1000)+" thousand", n%1000)
	}
	return joinNumberWords(NumberWord(n/1_000_000)+" million", n%1_000_000)
}

func joinNumberWords(head string, rest int) string {
	if rest == 0 {
		return head
	}
	return head + " " + NumberWord(rest)
}

var unitNames = [...]string{"zero", "one", "two", "three", "four", "five",
	"six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
	"fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}

var tensNames = [...]string{"", "", "twenty", "thirty", "forty", "fifty",
	"sixty", "seventy", "eighty", "ninety"}

// numberMatch is a number read from lexemes; end is the index of the first
// lexeme after it.
type numberMatch struct {
	value   float64
	end     int
	spelled bool
}

func (lx lexemes) numberAt(i int) (numberMatch, bool) {
	if i >= len(lx) || lx.attachedToName(i) {
		return numberMatch{}, false
	}
	if lx[i].kind == lexNumber {
		return lx.digitsAt(i)
	}
	return lx.spelledAt(i)
}

func (lx lexemes) digitsAt(i int) (numberMatch, bool) {
	t := lx[i].text
	if len(t) > 1 && t[0] == '0' && t[1] != '.' {
		return numberMatch{}, false
	}
	if next := i + 1; lx.glued(next) && (lx[next].kind == lexWord || lx[next].text == ":" && lx.glued(next+1)) {
		return numberMatch{}, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil {
		return numberMatch{}, false
	}
	end := i + 1
	if class, scale := numberWordValue(lx.word(end)); class >= classHundred && lx[end].spaced {
		v, end = v*scale, end+1
	}
	return numberMatch{value: v, end: end}, true
}

// spelledAt reads number words ("a hundred", "twenty-five", "one hundred
// and five").
func (lx lexemes) spelledAt(i int) (numberMatch, bool) {
	var p numberWords
	j := i
	if lx.word(i) == "a" && lx.word(i+1) != "" && lx[i+1].spaced {
		if class, _ := numberWordValue(lx.word(i + 1)); class >= classHundred {
			p.group, p.last, j = 1, classUnit, i+1
		}
	}
	if !p.add(lx.word(j)) {
		return numberMatch{}, false
	}
	for {
		next, ok := lx.nextNumberWord(j, p.last >= classHundred)
		if !ok || !p.add(lx.word(next)) {
			break
		}
		j = next
	}
	return numberMatch{value: p.total + p.group, end: j + 1, spelled: true}, true
}

// nextNumberWord finds the word that may continue a spelled number after
// lexeme j: the next word after a space, the word after a hyphen inside a
// compound ("twenty-five"), or after "hundred" or a scale word the word
// after "and" ("one hundred and five").
func (lx lexemes) nextNumberWord(j int, andAllowed bool) (int, bool) {
	switch {
	case andAllowed && lx.word(j+1) == "and" && lx[j+1].spaced && lx.word(j+2) != "" && lx[j+2].spaced:
		return j + 2, true
	case lx.word(j+1) != "" && lx[j+1].spaced:
		return j + 1, true
	case lx.joined(j+1, "-") && lx.word(j+2) != "" && lx.glued(j+2):
		return j + 2, true
	}
	return 0, false
}

// wordClass is the grammatical role of a number word, which decides what
// may follow it.
type wordClass int

const (
	classNone wordClass = iota
	classZero
	classUnit    // one … nine
	classTeen    // ten … nineteen
	classTens    // twenty … ninety
	classHundred // hundred
	classScale   // thousand, million, billion
)

func numberWordValue(w string) (wordClass, float64) {
	if nw, ok := numberWordTable[w]; ok {
		return nw.class, nw.value
	}
	return classNone, 0
}

type numberWordEntry struct {
	class wordClass
	value float64
}

// numberWordTable maps each number word to its class and value.
var numberWordTable = func() map[string]numberWordEntry {
	m := map[string]numberWordEntry{
		"hundred": {classHundred, 100}, "thousand": {classScale, 1e3},
		"million": {classScale, 1e6}, "billion": {classScale, 1e9},
	}
	for n, name := range unitNames {
		switch {
		case n == 0:
			m[name] = numberWordEntry{classZero, 0}
		case n < 10:
			m[name] = numberWordEntry{classUnit, float64(n)}
		default:
			m[name] = numberWordEntry{classTeen, float64(n)}
		}
	}
	for n, name := range tensNames {
		if name != "" {
			m[name] = numberWordEntry{classTens, float64(10 * n)}
		}
	}
	return m
}()

// numberWords accumulates a spelled number word by word. It refuses words
// that cannot continue the number, so "three four" is read as two numbers.
type numberWords struct {
	total float64 // completed groups ("two million")
	group float64 // the group under way, below a thousand
	last  wordClass
	scale float64 // the last scale used; scales must decrease
}

func (p *numberWords) add(w string) bool {
	class, v := numberWordValue(w)
	if !p.allows(class, v) {
		return false
	}
	switch class {
	case classHundred:
		p.group *= 100
	case classScale:
		p.total += p.group * v
		p.group, p.scale = 0, v
	default:
		p.group += v
	}
	p.last = class
	return true
}

func (p *numberWords) allows(class wordClass, v float64) bool {
	switch class {
	case classZero:
		return p.last == classNone
	case classUnit:
		return p.last == classNone || p.last == classTens || p.last >= classHundred
	case classTeen, classTens:
		return p.last == classNone || p.last >= classHundred
	case classHundred:
		return (p.last == classUnit || p.last == classTeen) && p.group < 100
	case classScale:
		return p.last >= classUnit && p.last != classScale && (p.scale == 0 || v < p.scale)
	}
	return false
}

// lexKind tells words, numbers and punctuation apart.
type lexKind int

const (
	lexWord lexKind = iota
	lexNumber
	lexPunct
)

// lexeme is a word, a number or one punctuation rune of a text, with its
// byte offsets. Dates, times and numbers are read from lexemes rather than
// from space-separated words because "3am", "C-160" and "1011–1021" must be
// taken apart.
type lexeme struct {
	kind       lexKind
	text       string
	lower      string // text in lower case, for words
	start, end int
	spaced     bool // space or the start of the text comes before it
}

type lexemes []lexeme

func lexText(s string) lexemes {
	out := make(lexemes, 0, len(s)/5+1)
	spaced := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			spaced, i = true, i+size
			continue
		}
		end, kind := i+size, lexPunct
		switch {
		case '0' <= r && r <= '9':
			end, kind = numberEnd(s, i), lexNumber
		case unicode.IsLetter(r):
			end, kind = wordEnd(s, i), lexWord
		}
		lx := lexeme{kind: kind, text: s[i:end], start: i, end: end, spaced: spaced}
		if kind == lexWord {
			lx.lower = strings.ToLower(lx.text)
		}
		out = append(out, lx)
		spaced, i = false, end
	}
	return out
}

// numberEnd keeps thousands groups and decimals in the number, so that
// "381,310" and "2.5" are one lexeme while "8, 2011" and "1948." are not.
func numberEnd(s string, i int) int {
	j := digitsEnd(s, i)
	if j-i <= 3 {
		for j < len(s) && s[j] == ',' && digitsEnd(s, j+1)-(j+1) == 3 {
			j = digitsEnd(s, j+1)
		}
	}
	if j+1 < len(s) && s[j] == '.' && digitsEnd(s, j+1) > j+1 {
		j = digitsEnd(s, j+1)
	}
	return j
}

func digitsEnd(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// wordEnd keeps combining marks and inner apostrophes in the word
// ("o'clock", "N'Djamena").
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if next, _ := utf8.DecodeRuneInString(s[i+size:]); (r == '\'' || r == '’') && unicode.IsLetter(next) {
			i += size
			continue
		}
		break
	}
	return i
}

// eachMatch calls match at each lexeme outside earlier matches; match
// returns the index of the lexeme after its match, or 0 for none. Mentions
// thus come out in order and never overlap.
func (lx lexemes) eachMatch(match func(i int) (end int)) {
	for i := 0; i < len(lx); {
		if end := match(i); end > i {
			i = end
		} else {
			i++
		}
	}
}

// span is the byte range from lexeme i up to lexeme end.
func (lx lexemes) span(i, end int) Span {
	return Span{lx[i].start, lx[end-1].end}
}

// word is lexeme i in lower case if it is a word, and "" otherwise.
func (lx lexemes) word(i int) string {
	if i < 0 || i >= len(lx) || lx[i].kind != lexWord {
		return ""
	}
	return lx[i].lower
}

// is reports whether lexeme i exists and is text.
func (lx lexemes) is(i int, text string) bool {
	return i >= 0 && i < len(lx) && lx[i].text == text
}

// joined reports whether lexeme i is text and touches the lexeme before it.
func (lx lexemes) joined(i int, text string) bool {
	return lx.glued(i) && lx[i].text == text
}

// numeral reports whether lexeme i exists and is a number.
func (lx lexemes) numeral(i int) bool {
	return i >= 0 && i < len(lx) && lx[i].kind == lexNumber
}

// glued reports whether lexeme i exists and touches the lexeme before it.
func (lx lexemes) glued(i int) bool {
	return i > 0 && i < len(lx) && !lx[i].spaced
}

// attachedToName reports whether lexeme i is glued to a word, a number or
// a currency or number sign before it ("C-160", "A380", "$5", "#3"), which
// makes it part of a name or an amount of money rather than a quantity.
func (lx lexemes) attachedToName(i int) bool {
	if !lx.glued(i) {
		return false
	}
	switch prev := lx[i-1]; {
	case prev.kind != lexPunct:
		return true
	case prev.text == "-" || prev.text == "–":
		return lx.glued(i-1) && lx[i-2].kind == lexWord
	}
	return strings.Contains("$£€#.:", lx[i-1].text)
}
