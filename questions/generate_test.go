package questions

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// ownArticles are articles of other kinds written for this project.
func ownArticles(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if err != nil || len(paths) < 4 {
		t.Fatalf("want at least 4 articles in testdata/articles, found %d (%v)", len(paths), err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = data
	}
	return out
}

// allArticles are the shared articles (when present) and our own.
func allArticles(t testing.TB) map[string][]byte {
	out := ownArticles(t)
	for _, name := range sharedArticles {
		data, err := os.ReadFile(filepath.Join("..", "..", "shared", "articles", name))
		if err == nil {
			out[name] = data
		}
	}
	return out
}

func generateAll(t testing.TB, data []byte, n int) (*Article, []Question) {
	t.Helper()
	a := mustParse(t, data)
	return a, Generate(a, ExtractFacts(a), Options{Count: n})
}

func TestSeedQuestions(t *testing.T) {
	_, qs := generateAll(t, readShared(t, "2011_tabankort_raid.txt"), -1)
	if len(qs) < 25 {
		t.Fatalf("%d questions, want at least 25", len(qs))
	}
	types := map[Type]bool{}
	prompts := map[string]bool{}
	for _, q := range qs {
		types[q.Type] = true
		if prompts[q.Prompt] {
			t.Errorf("duplicate prompt %q", q.Prompt)
		}
		prompts[q.Prompt] = true
	}
	// Four types for an article of 1,000 words or more (the sample has no
	// dated events to order, and matching is no longer generated).
	if len(types) < 4 {
		t.Errorf("types = %v, want at least 4", types)
	}
	// A place, organisation or other name in a sentence is chosen from
	// options of its class or not asked ("Toulousain", "Atlantique 2",
	// "Ouallam" were typed blanks before December 2026; "What is the
	// capital of Niger?" is still asked); a number is not judged true or
	// false ("200 men").
	for _, q := range qs {
		if q.Type == FillBlank && strings.Contains(q.Prompt, Blank) && !typedKind(q.Kind) {
			t.Errorf("a typed %s: %q", q.Kind, q.Prompt)
		}
		if q.Type == TrueFalse && (q.Kind == KindNumber || q.Kind == KindPlace) {
			t.Errorf("a %s to judge true or false: %q", q.Kind, q.Prompt)
		}
	}
	wantAnswers := []string{"January 8, 2011", "Niamey", "Nicolas Sarkozy",
		"Alain Juppé", "Frederic Beth", "January 13"}
	for _, want := range wantAnswers {
		found := false
		for _, q := range qs {
			for _, ans := range answersOf(q) {
				if strings.Contains(ans, want) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no question has the answer %q", want)
		}
	}
}

// answersOf lists the right answers a question holds.
func answersOf(q Question) []string {
	switch q.Type {
	case Ordering:
		return q.Order
	case Matching:
		var out []string
		for _, p := range q.Pairs {
			out = append(out, p[0], p[1])
		}
		return out
	case TrueFalse:
		return nil
	}
	return []string{q.Answer}
}

// TestQuestionInvariants checks, on every article we have, the rules a
// reader would mark a question down for.
func TestQuestionInvariants(t *testing.T) {
	for name, data := range allArticles(t) {
		t.Run(name, func(t *testing.T) {
			a, qs := generateAll(t, data, -1)
			// at least 5 questions per 1,000 words (issue 14's yield)
			if words := len(strings.Fields(string(data))); len(qs)*1000 < 5*words {
				t.Errorf("only %d questions for %d words", len(qs), words)
			}
			sources := articleSources(a)
			for _, q := range qs {
				checkQuestion(t, q, sources)
			}
		})
	}
}

// articleSources are the texts a question may cite: sentences and infobox
// lines.
func articleSources(a *Article) map[string]bool {
	m := map[string]bool{}
	for _, s := range a.Sentences() {
		m[s.Text] = true
	}
	for _, f := range a.Infobox {
		m[infoboxSource(f)] = true
	}
	return m
}

func checkQuestion(t *testing.T, q Question, sources map[string]bool) {
	t.Helper()
	where := string(q.Type) + " " + q.Prompt
	if q.Type != Ordering && q.Type != Matching {
		if !sources[q.Source] {
			t.Errorf("%s: source is not a sentence of the article: %q", where, q.Source)
		}
		if q.Type != TrueFalse && !sourceHolds(q.Source, q.Answer) {
			t.Errorf("%s: source %q does not contain the answer %q", where, q.Source, q.Answer)
		}
	}
	if q.Type != TrueFalse && q.Type != Ordering && q.Type != Matching && givesAway(q.Prompt, q.Answer) {
		t.Errorf("%s: the stem contains the answer %q", where, q.Answer)
	}
	if w := firstWordOf(q.Prompt); openingPronouns[strings.ToLower(w)] {
		t.Errorf("%s: stem opens with an unresolved %q", where, w)
	}
	if strings.HasPrefix(q.Prompt, "True or false: ") {
		if w := firstWordOf(strings.TrimPrefix(q.Prompt, "True or false: ")); openingPronouns[strings.ToLower(w)] {
			t.Errorf("%s: statement opens with an unresolved %q", where, w)
		}
	}
	switch q.Type {
	case MultipleChoice:
		if len(q.Options) != 4 {
			t.Errorf("%s: %d options", where, len(q.Options))
		}
		seen, hits := map[string]bool{}, 0
		for _, o := range q.Options {
			n := NormalizeAnswer(o)
			if seen[n] {
				t.Errorf("%s: option %q twice", where, o)
			}
			seen[n] = true
			if o == q.Answer {
				hits++
			}
		}
		if hits != 1 {
			t.Errorf("%s: answer %q among options %d times", where, q.Answer, hits)
		}
	case TrueFalse:
		statement := strings.TrimPrefix(q.Prompt, "True or false: ")
		if !q.Truth && (sources[statement] || strings.Contains(q.Source, strings.TrimSuffix(statement, "."))) {
			t.Errorf("%s: the false statement is the source", where)
		}
	case Ordering:
		if len(q.Order) < 3 || len(q.Order) > 5 || reflect.DeepEqual(q.Order, q.Options) {
			t.Errorf("%s: order %q, options %q", where, q.Order, q.Options)
		}
	case Matching:
		if len(q.Pairs) < 3 {
			t.Errorf("%s: %d pairs", where, len(q.Pairs))
		}
	}
	if !CheckAnswer(q, q.Expected()) {
		t.Errorf("%s: its own answer is graded wrong", where)
	}
}

// sourceHolds reports whether src states answer, allowing a date or number
// written another way ("8 January 2011" for "January 8, 2011").
func sourceHolds(src, answer string) bool {
	if strings.Contains(strings.ToLower(src), strings.ToLower(answer)) || containsWords(NormalizeAnswer(src), NormalizeAnswer(answer)) {
		return true
	}
	for _, d := range FindDates(src) {
		if CheckAnswer(Question{Type: FillBlank, Answer: answer}, d.Text) {
			return true
		}
	}
	for _, n := range FindNumbers(src) {
		if v, ok := ParseNumber(answer); ok && v == n.Value {
			return true
		}
	}
	return false
}

func firstWordOf(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func TestGenerateDeterministic(t *testing.T) {
	data := readShared(t, "2011_tabankort_raid.txt")
	_, a := generateAll(t, data, 20)
	_, b := generateAll(t, data, 20)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs on the same article differ")
	}
	// The sample's pool holds 30 questions on fewer sentences (the rest
	// lean on an earlier one: "that evening", "the pickups", or hold only
	// places and names, which are not typed); with one question a sentence
	// and none giving another away, a quiz of 20 comes out short rather
	// than break those rules.
	if len(a) > 20 || len(a) < 14 {
		t.Errorf("Count 20 gave %d questions", len(a))
	}
}

func TestDefaultSelectionIsVaried(t *testing.T) {
	for name, data := range allArticles(t) {
		t.Run(name, func(t *testing.T) {
			_, qs := generateAll(t, data, 0)
			answers := map[string]bool{}
			for _, q := range qs {
				if k := answerKey(q); k != "" {
					if answers[k] {
						t.Errorf("answer %q asked twice", k)
					}
					answers[k] = true
				}
			}
		})
	}
}

// TestShortQuizTradesForType: a quiz of seven, all figures, trades its
// twin of a multiple choice question for it, so that a short article's
// quiz is not all of one type; the number of questions of that kind stays.
func TestShortQuizTradesForType(t *testing.T) {
	var ranked []Question
	for i := 1; i <= 7; i++ {
		ranked = append(ranked, Question{Type: Numeric, Kind: KindNumber, Prompt: fmt.Sprintf("It had _____ ships in %d.", 1900+i),
			Answer: fmt.Sprint(i + 10), Source: fmt.Sprintf("It had %d ships in %d.", i+10, 1900+i), Score: 0.9 - float64(i)/100})
	}
	ranked = append(ranked, Question{Type: MultipleChoice, Kind: KindNumber, Prompt: "It had _____ in 1907.", Answer: "17 ships",
		Options: []string{"15 ships", "16 ships", "17 ships", "18 ships"}, Source: ranked[6].Source, Score: 0.5})
	got := selectQuestions(ranked, Options{Count: 10})
	if len(got) != 7 || !hasType(got, MultipleChoice) {
		var types []Type
		for _, q := range got {
			types = append(types, q.Type)
		}
		t.Errorf("chose %d questions of types %v, want 7 with the multiple choice among them", len(got), types)
	}
}
