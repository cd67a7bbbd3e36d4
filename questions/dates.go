package questions

import (
	"strconv"
	"strings"
	"unicode"
)

// Date is a calendar date whose month and day may be unknown (0).
//
// Year is 0 when unknown ("January 13") and negative for years BC. Circa
// marks an approximate year ("c. 965"). Decade marks a decade, with Year its
// first year ("the 1980s").
type Date struct {
	Year, Month, Day int
	Circa            bool
	Decade           bool
}

// String writes d as an English article would: "January 8, 2011",
// "January 13", "January 2011", "2011", "c. 965", "500 BC", "the 1980s".
func (d Date) String() string {
	var s string
	switch {
	case d.Decade:
		s = "the " + strconv.Itoa(d.Year) + "s"
	case d.Month == 0:
		s = yearString(d.Year)
	case d.Day == 0:
		s = strings.TrimSpace(monthName(d.Month) + " " + yearString(d.Year))
	case d.Year == 0:
		s = monthName(d.Month) + " " + strconv.Itoa(d.Day)
	default:
		s = monthName(d.Month) + " " + strconv.Itoa(d.Day) + ", " + yearString(d.Year)
	}
	if d.Circa && s != "" {
		return "c. " + s
	}
	return s
}

func yearString(y int) string {
	switch {
	case y < 0:
		return strconv.Itoa(-y) + " BC"
	case y == 0:
		return ""
	}
	return strconv.Itoa(y)
}

// Precision is the number of known fields: 3 for a full date, 2 for a
// month with a year or a day, 1 for a year or decade alone, 0 for the zero
// Date.
func (d Date) Precision() int {
	n := 0
	for _, f := range []int{d.Year, d.Month, d.Day} {
		if f != 0 {
			n++
		}
	}
	return n
}

// Before reports whether d is certainly earlier than e. Dates that cannot
// be ordered (one has a year and the other not, a year inside a decade, the
// same month where one day is unknown) are not before each other.
func (d Date) Before(e Date) bool {
	switch {
	case d.Year != 0 && e.Year != 0:
		if d.lastYear() < e.Year {
			return true
		}
		if d.Decade || e.Decade || d.Year != e.Year {
			return false
		}
	case d.Year != 0 || e.Year != 0:
		return false
	}
	if d.Month == 0 || e.Month == 0 || d.Month != e.Month {
		return d.Month != 0 && e.Month != 0 && d.Month < e.Month
	}
	return d.Day != 0 && e.Day != 0 && d.Day < e.Day
}

func (d Date) lastYear() int {
	if d.Decade {
		return d.Year + 9
	}
	return d.Year
}

// Span is a range of byte offsets into the searched string; End is
// exclusive.
type Span struct{ Start, End int }

// DateMention is a date found in a text.
type DateMention struct {
	Span
	Text string
	Date Date
}

// FindDates returns the dates in s, in order and without overlaps. Each
// year of a range ("1011–1021", "from 1899 until 1948") is its own mention.
//
// Month names must be capitalised. A bare number is taken as a year only
// when it has four digits, lies in 1000–2099 and stands where a year does:
// after a word such as "in", "since" or "between", at the start of a
// sentence or line, before a comma, or after another year with a dash.
// Years three digits long need "c." or an era ("c. 965", "500 BC"); years
// in the Islamic calendar ("354 AH") are skipped, since they cannot be
// placed on the same scale.
func FindDates(s string) []DateMention { return findDates(s, lexText(s)) }

// findDates is FindDates on text already split into lexemes.
func findDates(s string, lx lexemes) []DateMention {
	if strings.IndexAny(s, "0123456789") < 0 {
		return nil // every date the scanner reads has a digit
	}
	sc := dateScanner{s: s, lx: lx, strict: true, lastEnd: -1}
	var out []DateMention
	sc.lx.eachMatch(func(i int) int {
		d, end := sc.matchAt(i)
		if end > 0 {
			sp := sc.lx.span(i, end)
			out = append(out, DateMention{Span: sp, Text: s[sp.Start:sp.End], Date: d})
			sc.lastEnd = end
		}
		return end
	})
	return out
}

// ParseDate parses s, which must be exactly one date expression such as
// "8 January 2011", "Jan. 8, 2011", "c. 965", "the 1980s" or "2011".
// Unlike FindDates it accepts lower-case month names and any bare year of
// three or four digits, since s is known to be a date.
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	sc := dateScanner{s: s, lx: lexText(s)}
	d, end := sc.matchAt(0)
	if end == 0 || end < len(sc.lx) {
		return Date{}, false
	}
	return d, true
}

func monthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthNames[m]
}

var monthNames = [...]string{"", "January", "February", "March", "April",
	"May", "June", "July", "August", "September", "October", "November",
	"December"}

// yearContextWords are the words after which a bare four-digit number is
// a year rather than a count. The weak ones (false) also come before counts
// ("and 1500 soldiers"), so after them a count noun must not follow.
var yearContextWords = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true,
	"between": true, "during": true, "after": true, "before": true,
	"year": true, "through": true,
	"by": false, "from": false, "to": false, "of": false, "and": false,
	"or": false, "the": false,
}

// dateScanner matches date expressions at a lexeme. Its matchers return
// the date and the index of the lexeme after it, or an end of 0 when
// nothing matches. In strict mode it reads running text and demands the
// evidence described at FindDates; otherwise the whole input is known to
// be a date.
type dateScanner struct {
	s       string
	lx      lexemes
	strict  bool
	lastEnd int // lexeme after the last mention found, for ranges
}

func (sc *dateScanner) matchAt(i int) (Date, int) {
	for _, match := range []func(int) (Date, int){sc.circaAt, sc.decadeAt, sc.monthFirstAt, sc.dayFirstAt, sc.bareYearAt} {
		if d, end := match(i); end > 0 {
			return d, end
		}
	}
	return Date{}, 0
}

func (sc *dateScanner) circaAt(i int) (Date, int) {
	j := i + 1
	switch w := sc.lx.word(i); {
	case (w == "c" || w == "ca") && sc.lx.joined(j, "."):
		j++
	case w != "circa":
		return Date{}, 0
	}
	y, ok := sc.yearAt(j, 3)
	if !ok {
		return Date{}, 0
	}
	return Date{Year: y.year, Circa: true}, y.end
}

// decadeAt reads "1980s", "the 1980s" and "the mid-2000s"; the qualifier
// stays in the mention's text but a Date holds only the decade.
func (sc *dateScanner) decadeAt(i int) (Date, int) {
	j := i
	if sc.lx.word(j) == "the" {
		j++
	}
	if w := sc.lx.word(j); w == "early" || w == "mid" || w == "late" {
		j++
		if sc.lx.joined(j, "-") {
			j++
		}
	}
	if !sc.lx.numeral(j) || !sc.lx.joined(j+1, "s") {
		return Date{}, 0
	}
	t := sc.lx[j].text
	y, err := strconv.Atoi(t)
	if err != nil || len(t) < 3 || t[0] == '0' || y%10 != 0 {
		return Date{}, 0
	}
	return Date{Year: y, Decade: true}, j + 2
}

func (sc *dateScanner) monthFirstAt(i int) (Date, int) {
	m, j := sc.monthAt(i)
	if j == 0 {
		return Date{}, 0
	}
	if day, k := sc.dayAt(j); k > 0 && j < len(sc.lx) && sc.lx[j].spaced {
		// "October 1", not "Oct1" (a gene's name in a table)
		l := k
		if sc.lx.is(l, ",") {
			l++
		}
		if d, end := sc.withYear(Date{Month: m, Day: day}, l); end > l {
			return d, end
		}
		return Date{Month: m, Day: day}, k
	}
	if d, end := sc.withYear(Date{Month: m}, j); end > j {
		return d, end
	}
	return Date{}, 0
}

// dayFirstAt reads "8 January", "8th of January" and "8 January 2011".
func (sc *dateScanner) dayFirstAt(i int) (Date, int) {
	day, j := sc.dayAt(i)
	if j == 0 || sc.lx.attachedToName(i) {
		return Date{}, 0
	}
	if sc.lx.word(j) == "of" {
		j++
	}
	m, k := sc.monthAt(j)
	if k == 0 {
		return Date{}, 0
	}
	return sc.withYear(Date{Month: m, Day: day}, k)
}

// withYear adds the year at lexeme i to d if there is one; the end it
// returns is i when there is not.
func (sc *dateScanner) withYear(d Date, i int) (Date, int) {
	y, ok := sc.yearAt(i, sc.yearDigits())
	if !ok {
		return d, i
	}
	d.Year = y.year
	return d, y.end
}

func (sc *dateScanner) bareYearAt(i int) (Date, int) {
	y, ok := sc.yearAt(i, sc.yearDigits())
	if !ok || sc.lx.attachedToName(i) {
		return Date{}, 0
	}
	if sc.strict && !y.era && (y.year < 1000 || y.year > 2099 || !sc.yearInContext(i, y.end)) {
		return Date{}, 0
	}
	return Date{Year: y.year}, y.end
}

// yearInContext reports whether the four-digit number at lexeme i, ending
// before lexeme end, stands where running text puts a year.
func (sc *dateScanner) yearInContext(i, end int) bool {
	lx := sc.lx
	switch {
	case lx.word(end) == "year" || lx.word(end) == "years":
		return false
	case lx.is(end, ","), i == 0, strings.Contains(sc.s[lx[i-1].end:lx[i].start], "\n"):
		return true
	case lx.is(i-1, "-"), lx.is(i-1, "–"), lx.is(i-1, "—"):
		return sc.lastEnd == i-1
	}
	if strong, ok := yearContextWords[lx.word(i-1)]; ok {
		return strong || !isCountNoun(lx.word(end))
	}
	return strings.Contains(".!?:;(", lx[i-1].text)
}

// isCountNoun guesses whether w is a plural noun that a number counts
// ("soldiers", "men"), so that "the 2006 election" is a year and "the 1500
// soldiers" is not.
func isCountNoun(w string) bool {
	switch w {
	case "men", "women", "people", "children":
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

func (sc *dateScanner) yearDigits() int {
	if sc.strict {
		return 4
	}
	return 3
}

// yearMatch is a year read from lexemes; era is set when "AD", "CE", "BC"
// or "BCE" followed it.
type yearMatch struct {
	year, end int
	era       bool
}

// yearAt reads a year of minDigits to four digits, or of fewer digits when
// an era follows it. A year in the Islamic calendar ("354 AH") is refused.
func (sc *dateScanner) yearAt(i, minDigits int) (yearMatch, bool) {
	lx := sc.lx
	if !lx.numeral(i) || lx.glued(i+1) && (lx[i+1].kind == lexWord || lx[i+1].text == ":") {
		return yearMatch{}, false
	}
	t := lx[i].text
	y, err := strconv.Atoi(t)
	if err != nil || len(t) > 4 || t[0] == '0' {
		return yearMatch{}, false
	}
	m := yearMatch{year: y, end: i + 1}
	if i+1 < len(lx) && lx[i+1].spaced {
		switch lx[i+1].text {
		case "AD", "CE":
			m.era, m.end = true, i+2
		case "BC", "BCE":
			m.year, m.era, m.end = -y, true, i+2
		case "AH":
			return yearMatch{}, false
		}
	}
	return m, m.era || len(t) >= minDigits
}

// monthAt reads a month name or its abbreviation ("Sept.", "Jan").
func (sc *dateScanner) monthAt(i int) (month, end int) {
	w := sc.lx.word(i)
	if w == "" || sc.strict && !unicode.IsUpper([]rune(sc.lx[i].text)[0]) {
		return 0, 0
	}
	for m := 1; m <= 12; m++ {
		full := strings.ToLower(monthNames[m])
		switch {
		case w == full:
			return m, i + 1
		case (w == full[:3] || m == 9 && w == "sept") && sc.lx.joined(i+1, "."):
			return m, i + 2
		case w == full[:3] || m == 9 && w == "sept":
			return m, i + 1
		}
	}
	return 0, 0
}

// dayAt reads a day of the month, with an ordinal suffix if it has one
// ("8", "8th").
func (sc *dateScanner) dayAt(i int) (day, end int) {
	lx := sc.lx
	if !lx.numeral(i) || len(lx[i].text) > 2 {
		return 0, 0
	}
	day, err := strconv.Atoi(lx[i].text)
	switch w := lx.word(i + 1); {
	case err != nil || day < 1 || day > 31:
		return 0, 0
	case !lx.glued(i + 1):
		return day, i + 1
	case w == "st" || w == "nd" || w == "rd" || w == "th":
		return day, i + 2
	case w != "" || lx.is(i+1, ":"):
		return 0, 0
	}
	return day, i + 1
}

// Clock is a time of day on the 24-hour clock.
type Clock struct{ Hour, Minute int }

// TimeMention is a time of day found in a text. Its Text holds the time
// alone ("4 a.m."), without words such as "around" or "at".
type TimeMention struct {
	Span
	Text  string
	Clock Clock
}

// FindTimes returns the times of day in s, in order: "10:40 p.m.", "3am",
// "11 a.m.", "4 o'clock", "22:15", "noon" and "midnight". A number with no
// colon needs "a.m.", "p.m." or "o'clock" to be read as a time.
func FindTimes(s string) []TimeMention { return findTimes(s, lexText(s)) }

// findTimes is FindTimes on text already split into lexemes.
func findTimes(s string, lx lexemes) []TimeMention {
	var out []TimeMention
	lx.eachMatch(func(i int) int {
		c, end := lx.timeAt(i)
		if end > 0 {
			sp := lx.span(i, end)
			out = append(out, TimeMention{Span: sp, Text: s[sp.Start:sp.End], Clock: c})
		}
		return end
	})
	return out
}

// parseClock parses s, which must be exactly one time of day.
func parseClock(s string) (Clock, bool) {
	lx := lexText(strings.TrimSpace(s))
	c, end := lx.timeAt(0)
	return c, end > 0 && end == len(lx)
}

// timeAt reads a time of day at lexeme i and returns it with the index of
// the lexeme after it, or an end of 0.
func (lx lexemes) timeAt(i int) (Clock, int) {
	switch lx.word(i) {
	case "noon", "midday":
		return Clock{12, 0}, i + 1
	case "midnight":
		return Clock{0, 0}, i + 1
	}
	h, m, j, colon := lx.hourMinuteAt(i)
	if j == 0 {
		return Clock{}, 0
	}
	pm, end := lx.meridiemAt(j)
	switch {
	case end > 0 && h >= 1 && h <= 12 && pm:
		return Clock{h%12 + 12, m}, end
	case end > 0 && h >= 1 && h <= 12:
		return Clock{h % 12, m}, end
	case colon:
		return Clock{h, m}, j
	case lx.word(j) == "o'clock" && h >= 1 && h <= 12 && m == 0:
		return Clock{h, 0}, j + 1
	}
	return Clock{}, 0
}

// hourMinuteAt reads "10", "10:40" or "10.40" at lexeme i. colon reports
// the "10:40" form, the only one that is a time without "a.m." or "p.m.".
func (lx lexemes) hourMinuteAt(i int) (h, m, end int, colon bool) {
	if !lx.numeral(i) || lx.attachedToName(i) {
		return 0, 0, 0, false
	}
	hour, minute, dotted := strings.Cut(lx[i].text, ".")
	end = i + 1
	if !dotted && lx.joined(i+1, ":") && lx.glued(i+2) && lx.numeral(i+2) {
		minute, colon, end = lx[i+2].text, true, i+3
	}
	h, errH := strconv.Atoi(hour)
	m, errM := strconv.Atoi(minute)
	if errH != nil || len(hour) > 2 || h > 23 || (dotted || colon) && (errM != nil || len(minute) != 2 || m > 59) {
		return 0, 0, 0, false
	}
	return h, m, end, colon
}

// meridiemAt reads "a.m.", "am", "A.M." or "a.m" and the p.m. forms.
func (lx lexemes) meridiemAt(i int) (pm bool, end int) {
	switch w := lx.word(i); {
	case w == "am" || w == "pm":
		return w == "pm", i + 1
	case (w == "a" || w == "p") && lx.joined(i+1, ".") && lx.glued(i+2) && lx.word(i+2) == "m":
		if lx.joined(i+3, ".") {
			return w == "p", i + 4
		}
		return w == "p", i + 3
	}
	return false, 0
}
