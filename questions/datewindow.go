package questions

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// A date distractor must be a date the stem and the subject leave
// possible: "after Uruguay in 1930 and Italy in _____" wants a year after
// 1930; an event in the life of someone born in 1907 wants a year after
// 1907; a quiz titled "2011 Tabankort raid" rules out 2010. dateWindow
// says which years are left.

// yearWindow holds the years a date distractor may have: strictly between
// lo and hi, equal to fixed when fixed is set (the stem or the title pins
// the year, so only the day or month may change), never one of not.
type yearWindow struct {
	lo, hi int
	fixed  int
	not    map[int]bool
}

func (w yearWindow) allows(y int) bool {
	if w.fixed != 0 {
		return y == w.fixed
	}
	return y > w.lo && y < w.hi && !w.not[y] && y != 0
}

var titleYear = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})\b`)

// dateWindow works out the window for the date fact f.
func (g *generator) dateWindow(f *Fact) yearWindow {
	key := f.date.Year
	w := yearWindow{lo: -1 << 30, hi: 1 << 30, not: map[int]bool{}}
	if key == 0 {
		return w
	}
	if key < 0 {
		w.hi = 0 // BC stays BC
	} else {
		w.lo = 0
	}
	narrow := func(y int) {
		switch {
		case y == key && f.date.Month != 0:
			w.fixed = y
		case y == key:
		case y < key:
			w.lo = max(w.lo, y)
		default:
			w.hi = min(w.hi, y)
		}
	}
	// Other dates in the same sentence.
	for _, o := range g.datesIn(f.sentence) {
		if o != f && o.date.Year != 0 && !o.date.Decade {
			narrow(o.date.Year)
		}
	}
	// A period the sentence names bounds the year as its dates would:
	// "with the First World War ongoing" wants 1914 to 1918, "following
	// the end of the First World War" a year after 1918.
	sent := ""
	if f.sentence >= 0 { // not an infobox field
		sent = g.sents[f.sentence].Text
	}
	// A year the sentence uses as a word of its own ("the National
	// League's 1900 contraction") bounds it as well.
	for _, m := range titleYear.FindAllString(sent, -1) {
		if y, _ := strconv.Atoi(m); y != key && !strings.Contains(f.Text, m) {
			narrow(y)
		}
	}
	for _, p := range namedPeriods {
		if !containsName(sent, p.name) {
			continue
		}
		if key >= p.from && key <= p.to {
			narrow(p.from - 1)
			narrow(p.to + 1)
		} else {
			narrow(p.from)
			narrow(p.to)
		}
	}
	// The quiz's own headline year.
	if m := titleYear.FindString(g.a.Title); m != "" {
		y, _ := strconv.Atoi(m)
		if y == key {
			if f.date.Month != 0 {
				w.fixed = y
			}
		} else {
			w.not[y] = true
			narrow(y)
		}
	}
	// Never past the latest year the article names: a release "in 2030"
	// has not happened.
	if latest := g.latestYear(); latest > 0 && key <= latest {
		w.hi = min(w.hi, latest+1)
	}
	// The subject's lifetime or span, when the key falls inside it.
	if lo, hi, ok := g.subjectSpan(); ok && key >= lo && key <= hi {
		w.lo, w.hi = max(w.lo, lo-1), min(w.hi, hi+1)
	}
	return w
}

// datesIn returns the date facts of sentence i.
func (g *generator) datesIn(i int) []*Fact { return g.factsIn(KindDate, i) }

// factsIn returns the facts of a kind in sentence i, indexed once per kind.
func (g *generator) factsIn(k Kind, i int) []*Fact {
	if g.bySentence == nil {
		g.bySentence = map[Kind]map[int][]*Fact{}
	}
	idx, ok := g.bySentence[k]
	if !ok {
		idx = map[int][]*Fact{}
		for _, f := range g.byKind[k] {
			idx[f.sentence] = append(idx[f.sentence], f)
		}
		g.bySentence[k] = idx
	}
	if i < 0 {
		return nil
	}
	return idx[i]
}

// openSpanEnd ends the span of a subject that has a start (a company's
// founding) and no end.
const openSpanEnd = 1 << 20

var foundedIn = regexp.MustCompile(`\b(?:was|were|is) (?:founded|established|formed|incorporated)\b[^.;]*?\bin ([12][0-9]{3})\b`)

// foundedYear returns the year the lead's first three sentences say the
// subject was founded, or 0.
func foundedYear(sents []Sentence) int {
	for i, s := range sents {
		if i >= 3 || s.Section != "" {
			break
		}
		if m := foundedIn.FindStringSubmatch(s.Text); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	return 0
}

// eraStart reads the first year of a lifespan that only its end dates
// with an era: "15 December 37 – 9 June 68 AD" gives 37 (and "100 – 44
// BC" gives 100 BC). end is the year already read from the end.
func eraStart(inner string, end int) []int {
	before, _, ok := strings.Cut(inner, "–")
	if !ok {
		before, _, ok = strings.Cut(inner, " - ")
	}
	if !ok || !(strings.Contains(inner, " AD") || strings.Contains(inner, " BC") || strings.Contains(inner, " CE")) {
		return nil
	}
	ws := strings.Fields(before)
	if len(ws) == 0 || !isDigits(ws[len(ws)-1]) || len(ws[len(ws)-1]) > 4 {
		return nil
	}
	y, err := strconv.Atoi(ws[len(ws)-1])
	if err != nil || y == 0 {
		return nil
	}
	if end < 0 {
		y = -y
	}
	if y > end {
		return nil // not a lifespan's start
	}
	return []int{y}
}

// subjectSpan returns the first and last years of the subject's life (a
// person) or existence, read from the bracket of the lead's first sentence
// ("(15 December 37 AD – 9 June 68 AD)") or the infobox's birth and death
// dates.
func (g *generator) subjectSpan() (lo, hi int, ok bool) {
	if g.span != nil {
		return g.span[0], g.span[1], g.span[0] != 0 || g.span[1] != 0
	}
	g.span = &[2]int{}
	var years []int
	for _, f := range g.a.Infobox {
		k := strings.ToLower(f.Key)
		if strings.Contains(k, "birth") || strings.Contains(k, "death") || k == "born" || k == "died" {
			for _, d := range FindDates(f.Value) {
				if d.Date.Year != 0 {
					years = append(years, d.Date.Year)
				}
			}
		}
	}
	if len(years) == 0 && len(g.sents) > 0 {
		first := g.sents[0].Text
		if open := strings.Index(first, "("); open >= 0 {
			if end := strings.Index(first[open:], ")"); end > 0 {
				inner := first[open : open+end]
				if strings.ContainsAny(inner, "–-") {
					for _, d := range FindDates(inner) {
						if d.Date.Year != 0 {
							years = append(years, d.Date.Year)
						}
					}
					if len(years) == 1 {
						years = append(years, eraStart(inner, years[0])...)
					}
				}
			}
		}
	}
	if len(years) == 0 && g.subjectKind != KindPerson {
		// "It was founded in Eindhoven in 1891 by Gerard Philips": nothing
		// the company did comes before it (a city's or a country's
		// history does, and its key falls outside the span then)
		if y := foundedYear(g.sents); y != 0 {
			years = append(years, y, openSpanEnd)
		}
	}
	if len(years) < 2 {
		return 0, 0, false
	}
	lo, hi = years[0], years[0]
	for _, y := range years {
		lo, hi = min(lo, y), max(hi, y)
	}
	g.span[0], g.span[1] = lo, hi
	return lo, hi, true
}

// latestYear is the latest year any date fact of the article has.
func (g *generator) latestYear() int {
	if g.latest == 0 {
		g.latest = -1
		for _, d := range g.byKind[KindDate] {
			g.latest = max(g.latest, d.date.lastYear())
		}
	}
	return g.latest
}

// containsName reports whether name stands in s as a whole name, not as
// the start of a longer word ("World War I" in "World War II").
func containsName(s, name string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		end := i + j + len(name)
		if end == len(s) || !unicode.IsLetter(rune(s[end])) {
			return true
		}
		i = end
	}
}

// namedPeriods are spans of years that a sentence may name in place of
// dates.
var namedPeriods = []struct {
	name     string
	from, to int
}{
	{"First World War", 1914, 1918}, {"World War I", 1914, 1918}, {"Great War", 1914, 1918},
	{"Second World War", 1939, 1945}, {"World War II", 1939, 1945},
	{"American Civil War", 1861, 1865}, {"Napoleonic Wars", 1803, 1815}, {"Korean War", 1950, 1953},
	{"Vietnam War", 1955, 1975}, {"Cold War", 1947, 1991}, {"Great Depression", 1929, 1939},
	{"Thirty Years' War", 1618, 1648}, {"Seven Years' War", 1756, 1763}, {"French Revolution", 1789, 1799},
	{"Hundred Years' War", 1337, 1453},
}
