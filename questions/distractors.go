package questions

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
)

// distractors returns wrong options for fact f, best first: others of the
// same kind and shape from the article, then made ones (a nearby number, a
// shifted date, a country from the word list). None equals the answer in
// another form, shares a name with it, or already stands in the stem.
func (g *generator) distractors(f *Fact, answer, stem string) []string {
	var cands []string
	switch f.Kind {
	case KindDate:
		cands = g.dateDistractors(f)
	case KindTime:
		cands = timeDistractors(f)
	case KindNumber:
		cands = numberDistractors(f)
	case KindPerson, KindPlace, KindOrganisation, KindName:
		cands = g.nameDistractors(f, answer)
	}
	var out []string
	normAnswer := g.norm(answer)
	seen := map[string]bool{normAnswer: true}
	normStem := g.norm(stem)
	for _, c := range cands {
		if len(out) == maxDistractors {
			break
		}
		n := g.norm(c)
		if n == "" || seen[n] || containsWords(normStem, n) || strings.Contains(stem, c+"'") || strings.Contains(stem, c+"’") {
			continue // an option the stem already names ("Trajan's campaigns")
		}
		// Dates, times and numbers were made with other values; a name
		// must not be the answer misspelt, nor share a word with an option.
		if isName(f.Kind) && (closeEnough(n, normAnswer) || g.sharesAnyWord(c, out)) {
			continue
		}
		seen[n] = true
		out = append(out, c)
	}
	return out
}

// maxDistractors is how many wrong options distractors returns at most:
// three are used, the rest let callers drop ones that do not fit.
const maxDistractors = 6

// nameDistractors draws names of the key's fine class from the article
// (a historian for a historian, a river for a river; see nameClasses), of
// the same shape (a surname for a surname, a name the article writes with
// "the" for a blank after "the"), then places of that class from the word
// lists. None contains the key or lies within it (a country for a city in
// it). A key of no known class has none: options of another class are
// worse than no options.
func (g *generator) nameDistractors(f *Fact, answer string) []string {
	keyClasses := g.nameClasses(f, answer)
	if len(keyClasses) == 0 {
		return nil
	}
	words := len(strings.Fields(answer))
	definite := f.sentence >= 0 && g.definite(f)
	pools := [][]*Fact{g.distinct[f.Kind]}
	if f.Kind != KindPerson {
		for _, k := range []Kind{KindPlace, KindOrganisation, KindName} {
			if k != f.Kind {
				pools = append(pools, g.distinct[k])
			}
		}
	}
	var same, other []string
	firstNames := g.firstNames()
	keyGender := genderOf(keyClasses)
	examined := 0
	for _, pool := range pools {
		for _, o := range pool {
			if examined++; examined > maxClassCandidates {
				break
			}
			t := o.Text
			if g.isSubject(t) || g.sharesWord(t, answer) || isAcronym(t) != isAcronym(answer) || g.definite(o) != definite ||
				nationalities[strings.ToLower(t)] ||
				g.sharesWord(t, g.a.Title) && !g.sharesWord(answer, g.a.Title) {
				continue
			}
			if f.Kind == KindPerson && words == 1 {
				if parts := strings.Fields(t); len(parts) > 1 && connectors[strings.ToLower(parts[len(parts)-2])] {
					continue // "Augustine of Hippo": "Hippo" is no surname
				} else if len(parts) > 1 {
					t = parts[len(parts)-1] // a surname for a surname
				} else if firstNames[t] {
					continue // "Buzz" is no surname to set beside "Armstrong"
				}
			}
			if f.Kind == KindPlace && g.anachronistic(f, t) {
				continue // no "Czech Republic" in 1702
			}
			if f.Kind == KindPerson && keyGender*genderOf(g.nameClasses(o, o.Text)) < 0 {
				continue // no empress for "Emperor _____"
			}
			if f.Kind == KindPerson && (personShape(t) != personShape(answer) || abs(len(strings.Fields(t))-words) > 1) {
				continue // "George" is no option beside "Philip II of Spain"
			}
			if !sameKind(keyClasses, g.nameClasses(o, o.Text), f.Kind == KindPerson) || g.nested(t, answer) ||
				countriesSet[answer] && !countriesSet[t] {
				continue
			}
			if len(g.wordsOf(t)) == words {
				same = append(same, t)
			} else {
				other = append(other, t)
			}
		}
	}
	out := append(same, other...)
	inRegion, known := g.regionOf(answer)
	if f.Kind == KindPlace {
		out = slices.DeleteFunc(out, func(t string) bool { return !inRegion(t) })
	}
	if f.Kind == KindPerson && words == 1 {
		// "Harold" and "Godwinson" are one man: no option may be another
		// part of a full name the answer belongs to.
		partners := g.namePartners(answer) // sameFullName for all at once
		out = slices.DeleteFunc(out, func(t string) bool { return partners[t] })
	}
	if f.Kind == KindPlace && !definite && known {
		// places of the key's class from the word lists, in the key's own
		// country or region ("Chicago", never "Kazan", for "New York
		// City")
		for _, t := range g.listPlaces(answer) {
			if sameKind(keyClasses, g.nameClasses(nil, t), false) && !g.nested(t, answer) && !g.sharesWord(t, answer) && inRegion(t) &&
				!g.anachronistic(f, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// regionOf says where a place option for the key may lie. A key WordNet
// knows (known) takes options from its own country or region only: Zambia
// beside Egypt, never Hungary; Veracruz beside Tabasco, never New York. A
// key it does not know lies where the article is set (homeRegion): no
// option known to be elsewhere ("Miami" beside "Spanish Town").
func (g *generator) regionOf(answer string) (inRegion func(string) bool, known bool) {
	if home := g.containers(answer); len(home) > 0 {
		near := home[:1]
		return func(t string) bool { return shareRegion(near, g.containers(t)) }, true
	}
	if h := g.homeRegion(); h != "" {
		return func(t string) bool { c := g.containers(t); return len(c) == 0 || shareRegion([]string{h}, c) }, false
	}
	return func(string) bool { return true }, false
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// sameFullName reports whether two single names are parts of one person's
// full name in the article.
func (g *generator) sameFullName(a, b string) bool {
	for _, o := range g.distinct[KindPerson] {
		parts := strings.Fields(o.Text)
		if len(parts) > 1 && slices.Contains(parts, a) && slices.Contains(parts, b) {
			return true
		}
	}
	return false
}

// firstNames are the first words of the article's multi-word person names.
func (g *generator) firstNames() map[string]bool {
	if g.givenNames == nil {
		g.givenNames = map[string]bool{}
		for _, o := range g.distinct[KindPerson] {
			if parts := strings.Fields(o.Text); len(parts) > 1 {
				g.givenNames[parts[0]] = true
			}
		}
	}
	return g.givenNames
}

// definite reports whether the article writes the name of fact f with
// "the" before it, as in "the National Guard".
func (g *generator) definite(f *Fact) bool {
	if f.sentence < 0 {
		return false
	}
	before := g.sents[f.sentence].Text[:f.span.Start]
	return strings.HasSuffix(before, "the ") || strings.HasSuffix(before, "The ")
}

// placeShape sorts places into countries, continents and the rest (towns,
// regions, buildings), so that options are of one shape.
func placeShape(name string) int {
	switch {
	case countriesSet[name]:
		return 1
	case continents[name]:
		return 2
	}
	return 0
}

// listPlaces returns place distractors from the word lists, in a seeded
// order: countries of the key's region for a country, continents for a
// continent, national capitals for anything else.
func (g *generator) listPlaces(answer string) []string {
	list := cities
	switch placeShape(answer) {
	case 1:
		list = regionOf(answer)
	case 2:
		list = words(`Africa|Europe|Asia|North America|South America|Oceania`)
	}
	out := slices.Clone(list)
	r := g.rng("places|" + answer)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// broadRegions are containers too wide to make two places neighbours.
var broadRegions = wordSet(`eastern hemisphere|western hemisphere|west|occident|orient|eurasia|northern hemisphere|southern hemisphere`)

// shareRegion reports whether two places lie in one country or region.
func shareRegion(a, b []string) bool {
	for _, x := range a {
		if broadRegions[strings.ToLower(x)] {
			continue
		}
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func isName(k Kind) bool {
	return k == KindPerson || k == KindPlace || k == KindOrganisation || k == KindName
}

// sharesAnyWord reports whether name shares a word with any of others, so
// that two options never name the same person twice.
func (g *generator) sharesAnyWord(name string, others []string) bool {
	for _, o := range others {
		if g.sharesWord(name, o) {
			return true
		}
	}
	return false
}

// sharesWord reports whether two names share a significant word, as
// "Delory" and "Vincent Delory" do.
func (g *generator) sharesWord(a, b string) bool {
	bw := g.wordsOf(b)
	for _, w := range g.wordsOf(a) {
		if len(w) > 2 && !connectors[w] && slices.Contains(bw, w) {
			return true
		}
	}
	return false
}

// dateDistractors makes nearby dates of the answer's precision, written in
// its style: the year moved by a few (seeded, so that the questions of one
// article do not share one pool), or for a full date the day or month
// moved. Every one lies in the window the stem, the title and the
// subject's lifetime leave (dateWindow); the article's other dates are not
// used, since they are often also true of the event (its start, its end,
// a second version) or out of its time.
func (g *generator) dateDistractors(f *Fact) []string {
	d := f.date
	win := g.dateWindow(f)
	if d.Decade {
		return decadeDistractors(f, win)
	}
	if !startsWithDigit(f.Text) && d.Month == 0 {
		return nil // "c. 965": no alike options can be made
	}
	dayFirst := startsWithDigit(f.Text) && d.Day != 0
	suffixAD := strings.HasSuffix(f.Text, " AD") && d.Year > 0
	var out []string
	add := func(o Date) {
		if o == d || o.Year != 0 && !win.allows(o.Year) {
			return
		}
		t := formatDate(o, dayFirst)
		if suffixAD {
			t += " AD"
		}
		if strings.HasSuffix(f.Text, " BCE") {
			t = strings.Replace(t, " BC", " BCE", 1) // written as the key is: "185 BCE", never one "BC" among them
		} else if strings.HasSuffix(f.Text, " CE") && o.Year > 0 {
			t += " CE"
		}
		out = append(out, t)
	}
	r := g.rng("dates|" + f.Text + "|" + f.Sentence)
	switch {
	case d.Day != 0:
		// a full date moves by days only: a year or a month off is often
		// ruled out by what the learner knows of the event
		for _, k := range r.Perm(len(dayShifts)) {
			add(addDays(d, dayShifts[k]))
		}
	case d.Month != 0:
		for _, k := range r.Perm(len(monthShifts)) {
			add(addDate(d, 0, monthShifts[k], 0))
		}
	case d.Year != 0 && win.fixed == 0:
		step := yearStep(d.Year)
		for _, k := range r.Perm(len(yearShifts)) {
			add(addDate(d, yearShifts[k]*step, 0, 0))
		}
	}
	return out
}

// yearStep is how far apart a year's options stand: a round century
// before modern record keeping ("1300", "8700 BC") is a round figure, and
// 1298 or 1303 beside it would be told from it by its roundness alone.
func yearStep(y int) int {
	if y%100 == 0 && (y >= 100 && y < 1500 || y <= -100) {
		return 100 // "1300"; but 1700 and 1800 are as likely exact years as round ones
	}
	return 1
}

// yearShifts, monthShifts and dayShifts are the moves a date distractor is
// made with: near enough to be plausible, far enough not to be a slip.
var (
	yearShifts  = []int{-1, 1, -2, 2, -3, 3, -4, 4, -5, 5}
	monthShifts = []int{-1, 1, -2, 2, -3, 3}
	dayShifts   = []int{-3, 3, -5, 5, -7, 7, -10, 10, -12, 12}
)

// addDays moves a full date by days within its month, so that the
// distractor is a real date ("September 31" is none).
func addDays(d Date, days int) Date {
	n := daysIn(d.Month, d.Year)
	day := d.Day + days
	if day < 1 || day > n {
		return d
	}
	d.Day = day
	return d
}

// decadeDistractors shifts a decade written "1950s", "the 1950s" or "the
// mid-2000s" by ten and twenty years, keeping its wording.
func decadeDistractors(f *Fact, win yearWindow) []string {
	digits := strings.IndexAny(f.Text, "0123456789")
	if digits < 0 || digits+4 > len(f.Text) {
		return nil
	}
	year, err := strconv.Atoi(f.Text[digits : digits+4])
	if err != nil {
		return nil
	}
	var out []string
	for _, delta := range []int{-10, 10, -20, 20, 30, -30} {
		// the whole decade must fit the window
		// and none may read as the century that holds the key ("the
		// 1800s" holds the 1820s: its false statement is true)
		if o := year + delta; win.fixed == 0 && win.allows(o) && win.allows(o+9) && !(o%100 == 0 && year/100 == o/100) {
			out = append(out, f.Text[:digits]+strconv.Itoa(year+delta)+f.Text[digits+4:])
		}
	}
	return out
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// addDate moves a date and keeps its day within its month.
func addDate(d Date, years, monthsN, days int) Date {
	if d.Year != 0 {
		d.Year += years
	}
	if d.Month != 0 {
		m := d.Month - 1 + monthsN
		d.Month = (m%12+12)%12 + 1
	}
	if d.Day != 0 {
		d.Day += days
		if d.Day < 1 {
			d.Day = 28
		}
		if d.Day > 28 && days != 0 {
			d.Day = 1
		}
	}
	return d
}

// formatDate writes d as "January 8, 2011" or, dayFirst, "8 January 2011".
func formatDate(d Date, dayFirst bool) string {
	if !dayFirst || d.Day == 0 || d.Month == 0 {
		return d.String()
	}
	s := fmt.Sprintf("%d %s", d.Day, monthNames[d.Month])
	if d.Year != 0 {
		s += " " + yearString(d.Year) // "9 August 48 BC", not "-48"
	}
	return s
}

// timeDistractors shifts a clock time by an hour or half an hour, keeping
// the answer's style (12-hour with a.m./p.m., or 24-hour).
func timeDistractors(f *Fact) []string {
	var out []string
	for _, delta := range []int{60, -60, 30, 120, -120} {
		m := (f.clock.Hour*60 + f.clock.Minute + delta + 24*60) % (24 * 60)
		out = append(out, formatClock(Clock{Hour: m / 60, Minute: m % 60}, f.Text))
	}
	return out
}

// formatClock writes c in the style of like: "10:40 p.m.", "3am", "22:15".
func formatClock(c Clock, like string) string {
	l := strings.ToLower(like)
	twelve := strings.Contains(l, "m")
	if !twelve {
		return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute)
	}
	suffix := " a.m."
	switch {
	case strings.Contains(l, ".m.") && c.Hour >= 12:
		suffix = " p.m."
	case !strings.Contains(l, ".m."):
		suffix = map[bool]string{true: "pm", false: "am"}[c.Hour >= 12]
		if strings.Contains(l, " ") {
			suffix = " " + suffix
		}
	}
	h := c.Hour % 12
	if h == 0 {
		h = 12
	}
	if c.Minute == 0 && !strings.Contains(l, ":") {
		return fmt.Sprintf("%d%s", h, suffix)
	}
	return fmt.Sprintf("%d:%02d%s", h, c.Minute, suffix)
}

// numberDistractors makes nearby quantities with the same unit: small
// counts move by one or two, larger ones by a share of their size; a
// number written in words stays in words.
func numberDistractors(f *Fact) []string {
	numText := f.Text[:f.span.End-f.span.Start]
	digits, scaleWord, scale := splitScale(numText)
	v := f.value / scale
	// The options around the key follow one of several shapes, chosen by
	// the fact, so that the key is not always the second smallest of four
	// (reviewers of round u21 saw 8, 16, 24, 32 and 28, 56, 84, 112
	// thousand tons: half, one and a half and twice the key, every time).
	h := fnv.New32a()
	h.Write([]byte(f.Sentence + "|" + f.Text))
	pick := int(h.Sum32() % 5)
	var vals []float64
	switch {
	case v == float64(int(v)) && v <= 12:
		steps := [][]float64{{1, 2, -1}, {-1, 1, 2}, {-2, -1, 1}, {1, 2, 3}, {-1, 1, -2}}[pick]
		// the next shapes stand in for values under 1
		for _, d := range append(steps, 1, 2, 3, 4) {
			if v+d > 0 && !slices.Contains(vals, v+d) {
				vals = append(vals, v+d)
			}
		}
	default:
		ks := [][]float64{{1.5, 0.5, 2}, {0.75, 1.25, 1.5}, {0.6, 0.8, 1.3}, {1.25, 1.5, 2}, {0.5, 0.7, 1.4}}[pick]
		for _, k := range append(ks, 0.75, 1.25) {
			if x := roundLike(v*k, v); !slices.Contains(vals, x) {
				vals = append(vals, x)
			}
		}
	}
	rest := f.Text[f.span.End-f.span.Start:]
	if scaleWord != "" {
		rest = " " + scaleWord + rest
	}
	var out []string
	for _, x := range vals {
		if x == v || x == 1 && pluralUnit(rest) {
			continue
		}
		unit := rest
		if v == 1 && x != 1 && strings.HasPrefix(rest, " ") && len(strings.Fields(rest)) == 1 && !strings.HasSuffix(rest, "s") {
			unit += "s" // "1 year" beside "2 years"
		}
		num := FormatNumber(x)
		if strings.Contains(digits, ",") != strings.Contains(num, ",") && x >= 1000 {
			num = strings.ReplaceAll(num, ",", "") // keep "7700" as written
			if strings.Contains(digits, ",") {
				num = withCommas(num) // and "4,414" beside "2,207"
			}
		}
		if f.spelled && x <= 100 && x == float64(int(x)) {
			num = NumberWord(int(x))
			if capitalisedWord(f.Text) || startsUpper(f.Text) {
				num = capitaliseFirst(num)
			}
		}
		out = append(out, num+unit)
	}
	return out
}

// pluralUnit reports whether the words after a number are a plural
// noun, which no "one" goes with: "3 molar teeth", "five mice", "4 votes".
func pluralUnit(rest string) bool {
	ws := strings.Fields(rest)
	if len(ws) == 0 {
		return false
	}
	last := strings.ToLower(strings.Trim(ws[len(ws)-1], ".,;:"))
	return strings.HasSuffix(rest, "s") || irregularPlurals[last]
}

// splitScale splits "115 billion" into "115", "billion" and 1e9; a number
// without a scale word gives itself, "" and 1.
func splitScale(text string) (digits, word string, scale float64) {
	for _, s := range []struct {
		word  string
		scale float64
	}{{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}} {
		if before, ok := strings.CutSuffix(text, " "+s.word); ok && startsWithDigit(before) {
			return before, s.word, s.scale
		}
	}
	return text, "", 1
}

func startsUpper(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// roundLike rounds x to the precision v is written with: 150 for 200 but
// 381,000 for 381,310 would give the answer away, so keep as many
// significant digits as v has.
func roundLike(x, v float64) float64 {
	if v != float64(int64(v)) {
		// as many decimals as v has: 10.03 beside 15.05, not 15
		p := 1.0
		for d := 0; d < 4 && math.Abs(v*p-math.Round(v*p)) > 1e-9; d++ {
			p *= 10
		}
		return math.Round(x*p) / p
	}
	step := 1.0
	for n := int64(v); n > 0 && n%10 == 0; n /= 10 {
		step *= 10
	}
	r := float64(int64(x/step+0.5)) * step
	if r == 0 {
		r = step
	}
	return r
}

// withCommas groups the whole digits of a number by thousands.
func withCommas(num string) string {
	whole, frac, _ := strings.Cut(num, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// personShape says how a person's name is written: a bare name, a name with
// a regnal number ("Henry II"), or a name "of" a place ("Philip II of
// Spain"); options keep the key's shape.
func personShape(name string) int {
	shape := 0
	for _, w := range strings.Fields(name) {
		if romanNumeral(w) {
			shape |= 1
		}
		if w == "of" {
			shape |= 2
		}
	}
	return shape
}

func romanNumeral(w string) bool {
	if w == "" || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXL", r) {
			return false
		}
	}
	return w != "I" || false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// modernStates are countries and the year they came to be under that
// name: none is an option for an event before it.
var modernStates = map[string]int{
	"Czech Republic": 1993, "Slovakia": 1993, "Romania": 1859, "Israel": 1948, "Pakistan": 1947, "Bangladesh": 1971,
	"India": 1947, "Germany": 1871, "Italy": 1861, "Belgium": 1830, "Greece": 1822, "Norway": 1905, "Finland": 1917,
	"Poland": 1918, "Ukraine": 1991, "Belarus": 1991, "Kazakhstan": 1991, "Uzbekistan": 1991, "Croatia": 1991,
	"Slovenia": 1991, "Serbia": 1804, "Bulgaria": 1878, "Albania": 1912, "Turkey": 1923, "Saudi Arabia": 1932,
	"Iraq": 1932, "Jordan": 1946, "Syria": 1946, "Lebanon": 1943, "Indonesia": 1945, "Vietnam": 1945, "Philippines": 1946,
	"Malaysia": 1963, "Singapore": 1965, "Australia": 1901, "Canada": 1867, "South Africa": 1910, "Ireland": 1922,
	"Soviet Union": 1922, "Yugoslavia": 1918, "United States": 1776, "Mexico": 1821, "Brazil": 1822, "Argentina": 1816,
	"Ghana": 1957, "Nigeria": 1960, "Kenya": 1963, "Egypt": 1922, "Libya": 1951, "Algeria": 1962, "Morocco": 1956,
	"Guyana": 1966, "Suriname": 1975, "Belize": 1981, "Panama": 1903, "Cuba": 1902, "Uruguay": 1828, "Chile": 1818,
	"Peru": 1821, "Venezuela": 1811, "Bolivia": 1825, "Ecuador": 1830, "Paraguay": 1811, "Colombia": 1810,
	"Iceland": 1944, "Cyprus": 1960, "Malta": 1964, "Sri Lanka": 1948, "Myanmar": 1948, "Cambodia": 1953, "Laos": 1953,
	"Tunisia": 1956, "Sudan": 1956, "Senegal": 1960, "Mali": 1960, "Niger": 1960, "Chad": 1960, "Cameroon": 1960,
	"Estonia": 1918, "Latvia": 1918, "Lithuania": 1918, "Austria": 1918, "Hungary": 1918, "Moldova": 1991,
	"Georgia": 1991, "Armenia": 1991, "Azerbaijan": 1991, "North Korea": 1948, "South Korea": 1948, "Taiwan": 1949,
	"Bosnia and Herzegovina": 1992, "North Macedonia": 1991, "Montenegro": 2006, "Kosovo": 2008, "Eritrea": 1993,
	"South Sudan": 2011, "East Timor": 2002, "Namibia": 1990, "Zimbabwe": 1980, "Zambia": 1964, "Tanzania": 1964,
	"Israel and Palestine": 1948, "New Zealand": 1907, "Qatar": 1971, "Bahrain": 1971, "United Arab Emirates": 1971,
	// the older kingdoms, by the year they were first one realm
	"France": 843, "England": 927, "Scotland": 843, "Denmark": 936, "Sweden": 1000, "Portugal": 1139,
	"Spain": 1479, "Netherlands": 1581, "Switzerland": 1291, "United Kingdom": 1707, "Russia": 1547,
}

// anachronistic reports whether a place option did not exist at the time
// of the key's sentence (the earliest year the sentence names).
func (g *generator) anachronistic(f *Fact, option string) bool {
	founded, ok := modernStates[option]
	if !ok || f.sentence < 0 {
		return false
	}
	year := g.yearAt(f.sentence)
	if year == 0 {
		if lo, _, ok := g.subjectSpan(); ok {
			year = lo
		}
	}
	return year != 0 && year < founded
}

// homeRegion is the country (or region) the article's places lie in most
// often, by WordNet's nearest container of each; "" when none is known.
func (g *generator) homeRegion() string {
	if g.home != nil {
		return *g.home
	}
	count := map[string]int{}
	best := ""
	for i, f := range g.distinct[KindPlace] {
		if i >= maxClassCandidates {
			break
		}
		c := g.containers(f.Text)
		if len(c) == 0 {
			continue
		}
		count[c[0]]++
		if n := count[c[0]]; n > count[best] || n == count[best] && c[0] < best {
			best = c[0]
		}
	}
	if count[best] < 2 {
		best = ""
	}
	g.home = &best
	return best
}

// genderOf is +1 for classes of men (emperor, king, duke), -1 for women
// (empress, queen, duchess), 0 when the classes do not say.
func genderOf(classes []string) int {
	for _, c := range classes {
		switch {
		case maleTitles[c]:
			return 1
		case femaleTitles[c]:
			return -1
		}
	}
	return 0
}

var maleTitles = wordSet(`emperor|king|prince|duke|count|earl|baron|lord|sir|tsar|czar|sultan|pharaoh|father|son|brother|husband|mr|monk|abbot`)

var femaleTitles = wordSet(`empress|queen|princess|duchess|countess|baroness|lady|dame|tsarina|czarina|sultana|mother|daughter|sister|wife|mrs|miss|nun|abbess`)

// yearAt is the time of sentence i: the earliest year it names, else the
// last year named before it in the article; 0 when none is.
func (g *generator) yearAt(i int) int {
	if g.years == nil {
		g.years = make([]int, len(g.sents))
		earliest := make([]int, len(g.sents))
		for _, d := range g.byKind[KindDate] {
			if s := d.sentence; s >= 0 && s < len(earliest) && d.date.Year != 0 && (earliest[s] == 0 || d.date.Year < earliest[s]) {
				earliest[s] = d.date.Year
			}
		}
		last := 0
		for s := range g.years {
			g.years[s] = earliest[s]
			if g.years[s] == 0 {
				g.years[s] = last
			}
			if earliest[s] != 0 {
				last = latestIn(g, s, earliest[s])
			}
		}
	}
	if i < 0 || i >= len(g.years) {
		return 0
	}
	return g.years[i]
}

// latestIn is the latest year sentence s names (at least its earliest).
func latestIn(g *generator, s, earliest int) int {
	y := earliest
	for _, d := range g.factsIn(KindDate, s) {
		y = max(y, d.date.Year)
	}
	return y
}
