package questions_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"factquiz/internal/typetest"
	"factquiz/questions"
)

// TestTypesConform walks questions.Types: a sample question of each type
// (internal/typetest) is valid, grades its own key as right and a wrong
// answer as less, keeps its answer through the JSON contract, and its
// right answer read from the question form or from the API grades right.
// A type added to the list without one of its parts fails here.
func TestTypesConform(t *testing.T) {
	seen := map[questions.Type]bool{}
	for _, info := range questions.Types {
		t.Run(string(info.Type), func(t *testing.T) {
			if seen[info.Type] {
				t.Fatal("listed twice")
			}
			seen[info.Type] = true
			if info.Label == "" || info.Input == "" || info.Type.Label() != info.Label {
				t.Errorf("label %q (%q by Type.Label), input %q", info.Label, info.Type.Label(), info.Input)
			}
			s, ok := typetest.Samples[info.Type]
			if !ok {
				t.Fatal("no sample in internal/typetest")
			}
			q := s.Question
			if q.Type != info.Type {
				t.Fatalf("the sample is a %s question", q.Type)
			}
			checkGrading(t, q, s.Wrong)
			checkJSONContract(t, q)
			checkFormAnswer(t, q, s)
			checkJSONAnswer(t, q, s.JSON)
		})
	}
	for typ := range typetest.Samples {
		if _, ok := questions.Lookup(typ); !ok {
			t.Errorf("a sample of %s, which questions.Types does not list", typ)
		}
	}
}

func checkGrading(t *testing.T, q questions.Question, wrong any) {
	t.Helper()
	if errs := questions.Validate(q); len(errs) > 0 {
		t.Errorf("the sample is not valid: %v", errs)
	}
	if c := questions.Credit(q, q.Expected()); c != 1 || !questions.CheckAnswer(q, q.Expected()) {
		t.Errorf("its own key %#v earns %v", q.Expected(), c)
	}
	if c := questions.Credit(q, wrong); c >= 1 || questions.CheckAnswer(q, wrong) {
		t.Errorf("the wrong answer %#v earns %v", wrong, c)
	}
	if questions.FormatAnswer(q) == "" {
		t.Error("FormatAnswer writes nothing")
	}
}

func checkJSONContract(t *testing.T, q questions.Question) {
	t.Helper()
	data, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	var back questions.Question
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, q) {
		t.Errorf("through JSON %s it is\n%#v, not\n%#v", data, back, q)
	}
}

// checkFormAnswer reads the sample's form, with the options shown as the
// question has them, and an empty form, which every type refuses.
func checkFormAnswer(t *testing.T, q questions.Question, s typetest.Sample) {
	t.Helper()
	given, problem := questions.AnswerFromForm(q, q.Options, s.Form.Get, s.Form["answer"])
	if problem != "" || questions.Credit(q, given) != 1 {
		t.Errorf("the form %v reads as %#v (%q), which earns %v", s.Form, given, problem, questions.Credit(q, given))
	}
	none := func(string) string { return "" }
	if given, problem := questions.AnswerFromForm(q, q.Options, none, nil); problem == "" || given != nil {
		t.Errorf("an empty form reads as %#v with no problem", given)
	}
}

// checkJSONAnswer reads the sample's JSON as the API decodes it, and an
// object, which no type takes.
func checkJSONAnswer(t *testing.T, q questions.Question, raw string) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatal(err)
	}
	given, err := questions.AnswerFromJSON(q.Type, v)
	if err != nil || questions.Credit(q, given) != 1 {
		t.Errorf("JSON %s reads as %#v (%v), which earns %v", raw, given, err, questions.Credit(q, given))
	}
	if given, err := questions.AnswerFromJSON(q.Type, map[string]any{}); err == nil || given != nil {
		t.Errorf("an object reads as %#v with no error", given)
	}
}
