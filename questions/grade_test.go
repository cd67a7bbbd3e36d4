package questions

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestNormalizeAnswer(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"The Toronto Star", "toronto star"},
		{"  Léocour  ", "leocour"},
		{"Abū ʿAlī al-Ḥasan", "abu ali al hasan"},
		{"Kitāb al-Manāẓir", "kitab al manazir"},
		{"Bibliothèque nationale", "bibliotheque nationale"},
		{"Curaçao, Müller, Straße", "curacao muller strasse"},
		{"N'Djamena", "ndjamena"},
		{"e\u0301te\u0301", "ete"},
		{"381,310", "381,310"},
		{"2.5 and 10:40 p.m.", "2.5 and 10:40 p m"},
		{"end.", "end"},
		{"an apple", "apple"},
		{"a", "a"},
		{"Highway 407 & 400", "highway 407 and 400"},
		{"الحسن", "الحسن"},
		{"", ""},
		{" ... ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := NormalizeAnswer(tt.in); got != tt.want {
				t.Errorf("NormalizeAnswer(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "", 1},
		{"", "abc", 3},
		{"niamey", "niamey", 0},
		{"niamey", "niamye", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3},
		{"ouallam", "niamey", 6},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := osaDistance([]rune(tt.a), []rune(tt.b)); got != tt.want {
				t.Errorf("osaDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

type checkTest struct {
	name  string
	q     Question
	given any
	want  bool
}

func fillBlankQuestion(prompt, answer string, accepted ...string) Question {
	return Question{Type: FillBlank, Prompt: prompt, Answer: answer, Accepted: accepted}
}

var multipleChoiceTests = func() []checkTest {
	q := Question{Type: MultipleChoice, Options: []string{"Niamey", "Ouallam", "Gao"}, Answer: "Niamey", Accepted: []string{"Niamey, Niger"}}
	return []checkTest{
		{"right option", q, "Niamey", true},
		{"case and space", q, "  niamey ", true},
		{"accepted form", q, "Niamey, Niger", true},
		{"wrong option", q, "Ouallam", false},
		{"typo is not an option", q, "Niamy", false},
		{"empty", q, "", false},
		{"number", q, 1, false},
		{"nil", q, nil, false},
	}
}()

var fillBlankTests = []checkTest{
	{"exact", fillBlankQuestion("raided ___", "Niamey"), "Niamey", true},
	{"case", fillBlankQuestion("raided ___", "Niamey"), "NIAMEY", true},
	{"accents", fillBlankQuestion("hostage ___", "Antoine de Léocour"), "antoine de leocour", true},
	{"transliteration", fillBlankQuestion("full name ___", "Abū ʿAlī al-Ḥasan"), "Abu Ali al-Hasan", true},
	{"article", fillBlankQuestion("", "Toronto Star"), "the Toronto Star", true},
	{"punctuation", fillBlankQuestion("", "al-Haytham"), "al Haytham.", true},
	{"accepted form", fillBlankQuestion("", "Alhazen", "Ibn al-Haytham"), "ibn al haytham", true},
	{"one typo in six letters", fillBlankQuestion("", "Niamey"), "Niamye", true},
	{"two typos in six letters", fillBlankQuestion("", "Niamey"), "Nimaye", false},
	{"different name", fillBlankQuestion("", "Niamey"), "Ouallam", false},
	{"different initial", fillBlankQuestion("", "Mali"), "Bali", false},
	{"short answer has no typos", fillBlankQuestion("", "COS"), "CSO", false},
	{"two typos in eleven letters", fillBlankQuestion("", "Ouagadougou"), "Ouagadugu", true},
	{"three typos in eleven letters", fillBlankQuestion("", "Ouagadougou"), "Ouagdugu", false},
	{"three typos in a long answer", fillBlankQuestion("", "Atkinson Principles"), "Atkinsn Principels", true},
	{"digit word", fillBlankQuestion("___ hostages", "two"), "2", true},
	{"tens word", fillBlankQuestion("", "twenty"), "20", true},
	{"words for digits", fillBlankQuestion("", "200"), "two hundred", true},
	{"unit from prompt", fillBlankQuestion("Beth mobilized ___ men", "200"), "200 men", true},
	{"unit from answer", fillBlankQuestion("", "3 Cougar helicopters"), "three helicopters", true},
	{"unknown unit", fillBlankQuestion("Beth mobilized ___ men", "200"), "200 women", false},
	{"different number", fillBlankQuestion("", "200"), "201", false},
	{"no typo in a number word", fillBlankQuestion("", "three"), "thre", false},
	{"no typo in digits", fillBlankQuestion("", "Atlantique 2"), "Atlantique 3", false},
	{"missing digits", fillBlankQuestion("", "Atlantique 2"), "Atlantique", false},
	{"typo beside digits", fillBlankQuestion("", "Highway 407"), "Higway 407", true},
	{"separators", fillBlankQuestion("", "381,310"), "381310", true},
	{"date order", fillBlankQuestion("", "January 8, 2011"), "8 January 2011", true},
	{"abbreviated month", fillBlankQuestion("", "January 8, 2011"), "jan. 8, 2011", true},
	{"wrong day", fillBlankQuestion("", "January 8, 2011"), "January 9, 2011", false},
	{"less precise date", fillBlankQuestion("", "January 8, 2011"), "2011", false},
	{"month typo is not forgiven", fillBlankQuestion("", "January 8, 2011"), "Januray 8, 2011", false},
	{"day and month", fillBlankQuestion("", "January 13"), "13 January", true},
	{"more precise date", fillBlankQuestion("", "January 13"), "13 January 2011", true},
	{"year of a full date", fillBlankQuestion("", "2011"), "January 8, 2011", true},
	{"circa", fillBlankQuestion("", "c. 965"), "965", true},
	{"wrong circa year", fillBlankQuestion("", "c. 965"), "966", false},
	{"preposition", fillBlankQuestion("", "1892"), "in 1892", true},
	{"decade", fillBlankQuestion("", "the 1980s"), "1980s", true},
	{"year in decade", fillBlankQuestion("", "the 1980s"), "1985", false},
	{"day is not a date", fillBlankQuestion("", "8"), "8 January", false},
	{"clock", fillBlankQuestion("", "10:40 p.m."), "22:40", true},
	{"wrong half of day", fillBlankQuestion("", "10:40 p.m."), "10:40", false},
	{"clock spelling", fillBlankQuestion("", "3am"), "at 3 a.m.", true},
	{"noon", fillBlankQuestion("", "noon"), "12 pm", true},
	{"hour is not a clock", fillBlankQuestion("", "3am"), "3", false},
	{"empty", fillBlankQuestion("", "Niamey"), "", false},
	{"punctuation only", fillBlankQuestion("", "Niamey"), "?!", false},
	{"empty answer", fillBlankQuestion("", ""), "", false},
	{"not a string", fillBlankQuestion("", "Niamey"), []string{"Niamey"}, false},
	{"nil", fillBlankQuestion("", "Niamey"), nil, false},
	{"huge", fillBlankQuestion("", "Niamey"), strings.Repeat("Niamey ", 200000), false},

	// other date forms
	{"day month year for month day year", fillBlankQuestion("", "July 4, 1776"), "4 July 1776", true},
	{"month day year for day month year", fillBlankQuestion("", "4 July 1776"), "July 4, 1776", true},
	{"ISO date", fillBlankQuestion("", "July 4, 1776"), "1776-07-04", true},
	{"ISO date for day month year", fillBlankQuestion("", "4 July 1776"), "1776-07-04", true},
	{"ordinal of month", fillBlankQuestion("", "July 4, 1776"), "the 4th of July 1776", true},
	{"ordinal of month without the", fillBlankQuestion("", "July 4, 1776"), "4th of July, 1776", true},
	{"ISO date read the other way round", fillBlankQuestion("", "July 4, 1776"), "1776-04-07", false},
	{"wrong ISO day", fillBlankQuestion("", "July 4, 1776"), "1776-07-05", false},
	{"ISO month out of range", fillBlankQuestion("", "July 4, 1776"), "1776-13-04", false},
	{"ISO day out of range", fillBlankQuestion("", "February 30, 1776"), "1776-02-30", false},
	{"wrong ordinal of month", fillBlankQuestion("", "July 4, 1776"), "the 5th of July 1776", false},
	{"ISO year and month is no date", fillBlankQuestion("", "July 1776"), "1776-07", false},

	// common variants of names
	{"Second World War", fillBlankQuestion("", "World War II"), "Second World War", true},
	{"the Second World War", fillBlankQuestion("", "World War II"), "the Second World War", true},
	{"WWII", fillBlankQuestion("", "World War II"), "WWII", true},
	{"WW2", fillBlankQuestion("", "World War II"), "WW2", true},
	{"World War 2", fillBlankQuestion("", "World War II"), "World War 2", true},
	{"World War Two", fillBlankQuestion("", "Second World War"), "World War Two", true},
	{"World War II for Second World War", fillBlankQuestion("", "Second World War"), "World War II", true},
	{"First World War", fillBlankQuestion("", "World War I"), "First World War", true},
	{"Great War", fillBlankQuestion("", "World War I"), "the Great War", true},
	{"WWI", fillBlankQuestion("", "First World War"), "WWI", true},
	{"WW1", fillBlankQuestion("", "First World War"), "WW1", true},
	{"World War I for World War II", fillBlankQuestion("", "World War II"), "World War I", false},
	{"WWI for WWII", fillBlankQuestion("", "World War II"), "WWI", false},
	{"First for Second World War", fillBlankQuestion("", "Second World War"), "First World War", false},
	{"Great War for World War II", fillBlankQuestion("", "World War II"), "Great War", false},
	{"St. for Saint", fillBlankQuestion("", "Saint Louis"), "St. Louis", true},
	{"Saint for St", fillBlankQuestion("", "St Petersburg"), "Saint Petersburg", true},
	{"Mt. for Mount", fillBlankQuestion("", "Mount Vernon"), "Mt. Vernon", true},
	{"St. at the end is a street", fillBlankQuestion("", "Main St."), "Main Saint", false},
	{"other saint", fillBlankQuestion("", "Saint Louis"), "St. Paul", false},
	{"and for &", fillBlankQuestion("", "Marks & Spencer"), "Marks and Spencer", true},
	{"& for and", fillBlankQuestion("", "Procter and Gamble"), "Procter & Gamble", true},
	{"USA", fillBlankQuestion("", "United States"), "USA", true},
	{"U.S.", fillBlankQuestion("", "United States"), "U.S.", true},
	{"US", fillBlankQuestion("", "United States of America"), "US", true},
	{"United States for U.S.A.", fillBlankQuestion("", "U.S.A."), "the United States", true},
	{"US inside a name", fillBlankQuestion("", "United States Army"), "US Army", true},
	{"UK", fillBlankQuestion("", "United Kingdom"), "U.K.", true},
	{"USSR", fillBlankQuestion("", "Soviet Union"), "USSR", true},
	{"UK for US", fillBlankQuestion("", "United States"), "UK", false},
	{"United States for United Kingdom", fillBlankQuestion("", "United Kingdom"), "United States", false},
	{"regnal ordinal", fillBlankQuestion("", "Henry VIII"), "Henry 8th", true},
	{"regnal digits", fillBlankQuestion("", "Henry VIII"), "Henry 8", true},
	{"regnal words", fillBlankQuestion("", "Henry VIII"), "Henry the Eighth", true},
	{"regnal numeral for ordinal", fillBlankQuestion("", "Louis 14th"), "Louis XIV", true},
	{"regnal I", fillBlankQuestion("", "Elizabeth I"), "Elizabeth 1st", true},
	{"other regnal number", fillBlankQuestion("", "Henry VIII"), "Henry VII", false},
	{"other regnal ordinal", fillBlankQuestion("", "Henry VIII"), "Henry 7th", false},
	{"other king", fillBlankQuestion("", "Henry VIII"), "Edward 8th", false},
	{"X is an initial", fillBlankQuestion("", "Malcolm X"), "Malcolm 10", false},

	// a generic word more or less
	{"without stadium", fillBlankQuestion("", "Wembley Stadium"), "Wembley", true},
	{"without stadium, with a typo", fillBlankQuestion("", "Wembley Stadium"), "Wembly", true},
	{"other venue", fillBlankQuestion("", "Wembley Stadium"), "Wembley Arena", false},
	{"other generic word", fillBlankQuestion("", "Wembley Stadium"), "Wembley Park", false},
	{"generic word alone", fillBlankQuestion("", "Wembley Stadium"), "Stadium", false},
	{"without river", fillBlankQuestion("", "Mississippi River"), "Mississippi", true},
	{"without the and river", fillBlankQuestion("", "the Nile River"), "Nile", true},
	{"river before the name", fillBlankQuestion("", "the Nile River"), "the River Nile", true},
	{"with river", fillBlankQuestion("", "Mississippi"), "the Mississippi River", true},
	{"without lake", fillBlankQuestion("", "Lake Victoria"), "Victoria", true},
	{"lake alone", fillBlankQuestion("", "Lake Victoria"), "Lake", false},
	{"other lake", fillBlankQuestion("", "Lake Victoria"), "Lake Albert", false},
	{"lake for park", fillBlankQuestion("", "Lake Victoria"), "Victoria Park", false},
	{"without mount", fillBlankQuestion("", "Mount Everest"), "Everest", true},
	{"without mt.", fillBlankQuestion("", "Mt. Everest"), "Everest", true},
	{"mount alone", fillBlankQuestion("", "Mount Everest"), "Mount", false},
	{"with battle of", fillBlankQuestion("William won at _____ in 1066.", "Hastings"), "the Battle of Hastings", true},
	{"without battle of", fillBlankQuestion("", "Battle of Hastings"), "Hastings", true},
	{"without battle of the", fillBlankQuestion("", "Battle of the Somme"), "the Somme", true},
	{"other battle", fillBlankQuestion("", "Battle of Hastings"), "Battle of Stamford Bridge", false},
	{"battle alone", fillBlankQuestion("", "Battle of Hastings"), "Battle", false},
	{"battle of a place with a generic word", fillBlankQuestion("", "Battle of Stamford Bridge"), "Stamford Bridge", true},
	{"battle without the place's generic word", fillBlankQuestion("", "Battle of Stamford Bridge"), "Battle of Stamford", false},
	{"without F.C.", fillBlankQuestion("", "Manchester United F.C."), "Manchester United", true},
	{"with FC", fillBlankQuestion("", "Manchester United"), "Manchester United FC", true},
	{"without football club", fillBlankQuestion("", "Everton Football Club"), "Everton", true},
	{"other club", fillBlankQuestion("", "Manchester United F.C."), "Manchester City", false},
	{"without university", fillBlankQuestion("", "Harvard University"), "Harvard", true},
	{"without company", fillBlankQuestion("", "Ford Motor Company"), "Ford Motor", true},
	{"without inc", fillBlankQuestion("", "Apple Inc."), "Apple", true},
	{"without party", fillBlankQuestion("", "Labour Party"), "Labour", true},
	{"without cathedral", fillBlankQuestion("", "Salisbury Cathedral"), "Salisbury", true},
	{"without the island", fillBlankQuestion("", "Ellis Island"), "Ellis", true},
	{"weak word left", fillBlankQuestion("", "Red Army"), "Red", false},
	{"weak word left of a street", fillBlankQuestion("", "Main Street"), "Main", false},
	{"country is not its city", fillBlankQuestion("", "Mexico City"), "Mexico", false},
	{"city is not its country", fillBlankQuestion("", "Mexico"), "Mexico City", false},
	{"river is not its country", fillBlankQuestion("", "Congo River"), "Congo", false},
	{"nationality is not the army", fillBlankQuestion("", "British Army"), "British", false},
	{"street is not the park", fillBlankQuestion("", "Hyde Park"), "Hyde Street", false},
	{"generic word and a typo too many", fillBlankQuestion("", "Wembley Stadium"), "Wmbly", false},
	{"a person is no lake", Question{Type: FillBlank, Kind: KindPerson, Answer: "Victoria"}, "Lake Victoria", false},
	{"a place may take its lake", Question{Type: FillBlank, Kind: KindPlace, Answer: "Victoria"}, "Lake Victoria", true},
}

var numericTests = func() []checkTest {
	q := Question{Type: Numeric, Prompt: "How many men did Beth mobilize?", Answer: "200"}
	loose := q
	loose.Tolerance = 5
	negative := q
	negative.Tolerance = -1
	return []checkTest{
		{"digits", q, "200", true},
		{"words", q, "two hundred", true},
		{"with unit", q, "200 men", true},
		{"with other unit", q, "200 km", false},
		{"off by one", q, "201", false},
		{"within tolerance", loose, "204", true},
		{"at tolerance", loose, "195", true},
		{"beyond tolerance", loose, "206", false},
		{"negative tolerance", negative, "200", true},
		{"float64", q, 200.0, true},
		{"int", q, 200, true},
		{"json.Number", q, json.Number("200"), true},
		{"bad json.Number", q, json.Number("x"), false},
		{"NaN", q, math.NaN(), false},
		{"separators", Question{Type: Numeric, Answer: "381,310"}, "381310", true},
		{"answer in words", Question{Type: Numeric, Answer: "twenty"}, "20", true},
		{"answer not a number", Question{Type: Numeric, Answer: "many"}, "many", false},
		{"text", q, "lots", false},
		{"empty", q, "", false},
		{"nil", q, nil, false},
		{"slice", q, []string{"200"}, false},
		{"huge", q, strings.Repeat("2", 100000), false},
	}
}()

var trueFalseTests = func() []checkTest {
	yes := Question{Type: TrueFalse, Truth: true}
	no := Question{Type: TrueFalse, Truth: false}
	return []checkTest{
		{"true", yes, true, true},
		{"false for true", yes, false, false},
		{"false", no, false, true},
		{"string true", yes, "true", true},
		{"string True", yes, "True", true},
		{"string yes", yes, " yes ", true},
		{"string no", no, "no", true},
		{"string false for true", yes, "false", false},
		{"unknown string", yes, "maybe", false},
		{"unknown string for false", no, "maybe", false},
		{"number", yes, 1, false},
		{"nil", no, nil, false},
	}
}()

var orderingTests = func() []checkTest {
	q := Question{Type: Ordering, Order: []string{"c. 965", "Book of Optics", "c. 1040"}}
	return []checkTest{
		{"strings", q, []string{"c. 965", "Book of Optics", "c. 1040"}, true},
		{"decoded JSON", q, []any{"c. 965", "book of optics", "c. 1040 "}, true},
		{"wrong order", q, []string{"Book of Optics", "c. 965", "c. 1040"}, false},
		{"too short", q, []string{"c. 965", "Book of Optics"}, false},
		{"too long", q, []string{"c. 965", "Book of Optics", "c. 1040", "x"}, false},
		{"not strings", q, []any{"c. 965", 2, "c. 1040"}, false},
		{"string", q, "c. 965", false},
		{"nil", q, nil, false},
		{"no items", Question{Type: Ordering}, []string{}, false},
	}
}()

var matchingTests = func() []checkTest {
	q := Question{Type: Matching, Pairs: [][2]string{{"Basra", "birth place"}, {"Cairo", "death place"}}}
	return []checkTest{
		{"pairs", q, [][2]string{{"Basra", "birth place"}, {"Cairo", "death place"}}, true},
		{"other order", q, [][2]string{{"Cairo", "death place"}, {"basra", "Birth place"}}, true},
		{"slices", q, [][]string{{"Basra", "birth place"}, {"Cairo", "death place"}}, true},
		{"decoded JSON", q, []any{[]any{"Cairo", "death place"}, []any{"Basra", "birth place"}}, true},
		{"swapped", q, [][2]string{{"Basra", "death place"}, {"Cairo", "birth place"}}, false},
		{"repeated pair", q, [][2]string{{"Basra", "birth place"}, {"Basra", "birth place"}}, false},
		{"missing pair", q, [][2]string{{"Basra", "birth place"}}, false},
		{"three items", q, [][]string{{"Basra", "birth place", "x"}, {"Cairo", "death place"}}, false},
		{"not a pair", q, []any{"Basra", "birth place"}, false},
		{"number inside", q, []any{[]any{"Cairo", 1}, []any{"Basra", "birth place"}}, false},
		{"map", q, map[string]string{"Basra": "birth place", "Cairo": "death place"}, false},
		{"nil", q, nil, false},
		{"no pairs", Question{Type: Matching}, [][2]string{}, false},
	}
}()

func TestCheckAnswer(t *testing.T) {
	groups := map[string][]checkTest{
		"multiple_choice": multipleChoiceTests,
		"fill_blank":      fillBlankTests,
		"numeric":         numericTests,
		"true_false":      trueFalseTests,
		"ordering":        orderingTests,
		"matching":        matchingTests,
		"unknown type": {
			{"no type", Question{Answer: "x"}, "x", false},
			{"made-up type", Question{Type: "essay", Answer: "x"}, "x", false},
		},
	}
	for group, tests := range groups {
		t.Run(group, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					if got := CheckAnswer(tt.q, tt.given); got != tt.want {
						t.Errorf("CheckAnswer(%q answer %q, %#v) = %v, want %v", tt.q.Type, tt.q.Answer, tt.given, got, tt.want)
					}
				})
			}
		})
	}
}

// FuzzCheckAnswer checks that no typed answer makes grading panic and that
// an answer always accepts itself.
func FuzzCheckAnswer(f *testing.F) {
	for _, tt := range fillBlankTests {
		if s, ok := tt.given.(string); ok && len(s) < 100 {
			f.Add(tt.q.Answer, s)
		}
	}
	f.Fuzz(func(t *testing.T, answer, given string) {
		for _, typ := range []Type{MultipleChoice, FillBlank, Numeric, TrueFalse, Ordering, Matching} {
			CheckAnswer(Question{Type: typ, Answer: answer, Order: []string{answer}, Pairs: [][2]string{{answer, given}}}, given)
		}
		q := Question{Type: FillBlank, Answer: answer}
		if NormalizeAnswer(answer) != "" && !CheckAnswer(q, answer) {
			t.Errorf("answer %q does not accept itself", answer)
		}
	})
}

func TestCanonicalTerms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"world war ii", "world war 2"},
		{"second world war", "world war 2"},
		{"wwii", "world war 2"},
		{"ww ii", "world war 2"},
		{"great war", "world war 1"},
		{"us army", "united states army"},
		{"u s a", "united states"},
		{"united states of america", "united states"},
		{"st louis", "saint louis"},
		{"main st", "main st"},
		{"henry viii", "henry 8"},
		{"henry the eighth", "henry 8"},
		{"henry 8th", "henry 8"},
		{"xi jinping", "xi jinping"},
		{"malcolm x", "malcolm x"},
		{"civil war", "civil war"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := canonicalTerms(tt.in); got != tt.want {
			t.Errorf("canonicalTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRomanValue(t *testing.T) {
	tests := map[string]int{"i": 1, "iv": 4, "viii": 8, "ix": 9, "xiv": 14, "xxxix": 39,
		"iiii": 0, "vv": 0, "xxxx": 0, "ic": 0, "mix": 0, "": 0, "x": 10, "vix": 0}
	for in, want := range tests {
		if got := romanValue(in); got != want {
			t.Errorf("romanValue(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestGenericCore(t *testing.T) {
	tests := []struct{ in, core, affix string }{
		{"wembley stadium", "wembley", "stadium"},
		{"lake victoria", "victoria", "lake"},
		{"battle of the somme", "somme", "battle of"},
		{"manchester united f c", "manchester united", "f c"},
		{"everton football club", "everton", "football club"},
		{"lake", "lake", ""},
		{"red army", "red army", ""},
		{"mexico city", "mexico city", ""},
		{"united states army", "united states army", ""},
		{"wembley arena", "wembley arena", ""},
	}
	for _, tt := range tests {
		if core, affix := genericCore(tt.in); core != tt.core || affix != tt.affix {
			t.Errorf("genericCore(%q) = %q, %q; want %q, %q", tt.in, core, affix, tt.core, tt.affix)
		}
	}
}

func TestParseTypedDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"1776-07-04", Date{Year: 1776, Month: 7, Day: 4}, true},
		{"2000-02-29", Date{Year: 2000, Month: 2, Day: 29}, true},
		{"1900-02-29", Date{}, false},
		{"1776-7-4", Date{}, false},
		{"the 4th of July 1776", Date{Year: 1776, Month: 7, Day: 4}, true},
		{"4 of July", Date{Month: 7, Day: 4}, true},
		{"July 4, 1776", Date{Year: 1776, Month: 7, Day: 4}, true},
		{"the 4th of nothing", Date{}, false},
	}
	for _, tt := range tests {
		if got, ok := parseTypedDate(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("parseTypedDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
