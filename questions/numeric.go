package questions

import (
	"math"
	"strings"
)

// A numeric question asks for a quantity, with the unit or counted noun in
// the stem and a tolerance that fits how the article states it: exact for a
// count stated exactly, a band for "about 4,000", "more than 60" and large
// round figures. numericPosed says whether the number at sp in stem makes
// such a question, and with what tolerance.
func numericPosed(f *Fact, stem string, sp Span, v float64) (tol float64, ok bool) {
	if f.unit == "" || len(strings.Fields(f.unit)) > 3 || v <= 0 {
		return 0, false
	}
	before := strings.Fields(strings.ToLower(stem[:sp.Start]))
	after := stem[sp.End:]
	// A version, score or code ("3.10", "3–1", "0319-0781") is no quantity.
	if strings.Count(stem[sp.Start:sp.End], ".") > 1 || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "-") && len(after) > 1 && startsWithDigit(after[1:]) {
		return 0, false
	}
	if convertedAfter(stem, sp.End+len(f.unit)+1) || convertedAfter(stem, sp.End) {
		return 0, false // "466 square kilometres (180 sq mi)": the bracket gives it
	}
	approx, below := false, false
	if n := len(before); n > 0 {
		last := strings.Trim(before[n-1], ",;:(")
		prev := ""
		if n > 1 {
			prev = before[n-2]
		}
		switch {
		case approxWords[last], last == "than" && (prev == "more" || prev == "fewer" || prev == "less"),
			last == "as" && prev == "many", last == "as" && prev == "much",
			last == "to" && (prev == "up" || prev == "close"), last == "c." || last == "ca.":
			approx = true
		}
		below = last == "nearly" || last == "almost"
	}
	// A small count whose members the stem lists gives itself away: "the
	// two main approaches ... are A and B", "two moons: Phobos and Deimos".
	if v <= 12 && v == math.Trunc(v) && listsMembers(after) {
		return 0, false
	}
	if len(before) > 0 && strings.Trim(before[len(before)-1], ",;:(") == "per" || strings.HasPrefix(after, "-century") {
		return 0, false // "522 vehicles per _____ residents" asks a convention; "_____-century" an ordinal
	}
	if relativeTime(before, f.unit) || timeUnitAgo(f.unit, stem[sp.End:]) {
		return 0, false // "over the last _____ decades", "now _____ years old": counted from a date the stem does not give
	}
	switch {
	case below && v == math.Trunc(v) && v <= 12:
		tol = 0 // "nearly 3 billion": 2 is a third less, not nearly 3
	case below:
		tol = max(1, roundTolerance(v*0.05)) // "nearly 20 years" may be 19, "almost 68 years" 65
	case approx && v == math.Trunc(v) && v <= 12:
		tol = 0 // "at least 2 mines", "over 3 months": the figure the article gives is the answer
	case approx && v == math.Trunc(v):
		tol = max(1, roundTolerance(v*0.1))
	case approx:
		tol = roundTolerance(v * 0.1)
	case v != math.Trunc(v):
		tol = roundTolerance(v * 0.05) // a decimal is a measurement, not a count
	case v >= 1000 && math.Mod(v, 100) == 0:
		tol = roundTolerance(v * 0.05) // "4,000 men" is a round figure
	case v >= 10 && math.Mod(v, 10) == 0 && timeUnits[strings.ToLower(strings.Fields(f.unit)[0])]:
		tol = roundTolerance(v * 0.1) // "within 30 minutes" is a round figure too
	default:
		tol = numericTolerance(v)
	}
	if tol > 0 && tol*2 > v {
		tol = 0 // "0.1 ppm" within 0.1 would take 0
	}
	return tol, true
}

// timeUnitWords returns the words of a unit that counts time ("years",
// "days of fighting"), lower-cased; nil for any other unit.
func timeUnitWords(unit string) []string {
	u := strings.Fields(strings.ToLower(unit))
	if len(u) == 0 || !timeUnits[u[0]] {
		return nil
	}
	return u
}

// timeUnitAgo reports whether a count of time units runs to the moment of
// writing: "40 years ago", "over 40 years since it last endorsed".
func timeUnitAgo(unit, after string) bool {
	u := timeUnitWords(unit)
	if u == nil {
		return false
	}
	rest := stemWords(after)
	for i, w := range rest {
		if i > len(u)+1 {
			break
		}
		if w == "ago" || w == "since" {
			return true
		}
	}
	return false
}

// relativeTime reports whether a count of time units is counted from a
// moment the stem leaves to its reader: "over the last _____ decades"
// (when the article was written), "Augustus, now _____ years old".
func relativeTime(before []string, unit string) bool {
	if timeUnitWords(unit) == nil || len(before) == 0 {
		return false
	}
	last := strings.Trim(before[len(before)-1], ",;:(")
	if last == "now" {
		return true
	}
	return len(before) > 1 && before[len(before)-2] == "the" && (last == "last" || last == "past" || last == "next")
}

var approxWords = wordSet(`about|approximately|around|roughly|nearly|almost|some|over|under|estimated|
circa|perhaps|possibly|reportedly|least|most|exceeding|exceeded|
estimate`)

// listsMembers reports whether the rest of a stem after a number names the
// counted things one by one: a colon, or two or more capitalised names
// joined by "and" or commas.
func listsMembers(after string) bool {
	if strings.Contains(after, ":") || strings.Contains(after, "(A)") {
		return true
	}
	names := 0
	for _, w := range strings.Fields(after) {
		t := strings.Trim(w, ",;.()")
		if t != "" && capitalised(t) && !stopwords[strings.ToLower(t)] {
			names++
		}
	}
	return names >= 2 && (strings.Contains(after, " and ") || strings.Count(after, ",") >= 2)
}

// roundTolerance rounds a tolerance to one significant figure, at least
// 0.1 for decimals.
func roundTolerance(t float64) float64 {
	if t <= 0 {
		return 0
	}
	step := math.Pow(10, math.Floor(math.Log10(t)))
	r := math.Floor(t/step) * step
	if r < 0.1 {
		return 0.1
	}
	return math.Round(r*1e6) / 1e6 // 0.3, not 0.30000000000000004
}
