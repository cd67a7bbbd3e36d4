package formats

import (
	"reflect"
	"strings"
	"testing"

	"factquiz/questions"
)

// checkImported checks what holds for any file: every question, error
// and skipped part has a line, and every question accepts its own answer.
func checkImported(t *testing.T, res *ImportResult) []questions.Question {
	t.Helper()
	var qs []questions.Question
	for _, im := range res.Questions {
		if im.Line < 1 {
			t.Fatalf("question at line %d: %+v", im.Line, im.Question)
		}
		if !questions.CheckAnswer(im.Question, im.Question.Expected()) {
			t.Fatalf("own answer graded wrong: %s", jsonOf(im.Question))
		}
		qs = append(qs, im.Question)
	}
	for _, e := range append(res.Errors, res.Skipped...) {
		if e.Line < 1 {
			t.Fatalf("%q has no line", e)
		}
	}
	return qs
}

// checkRoundTrip writes qs and reads them back, expecting them unchanged.
func checkRoundTrip(t *testing.T, qs []questions.Question, write func(*strings.Builder, []questions.Question) ([]string, error),
	parse func(*strings.Reader) (*ImportResult, error)) {
	t.Helper()
	var b strings.Builder
	skipped, err := write(&b, qs)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("write: %v, skipped %q", err, skipped)
	}
	back, err := parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Errors) > 0 || len(back.Skipped) > 0 {
		t.Fatalf("errors %q, skipped %q reading back\n%s", back.Errors, back.Skipped, b.String())
	}
	got := checkImported(t, back)
	if !reflect.DeepEqual(got, qs) {
		t.Fatalf("round trip:\n got %s\nwant %s\nthrough\n%s", jsonOf(got), jsonOf(qs), b.String())
	}
}

func FuzzParseGIFT(f *testing.F) {
	for _, tt := range giftReadTests {
		f.Add(tt.in)
	}
	var b strings.Builder
	WriteGIFT(&b, bankQuestions)
	f.Add(b.String())
	f.Add("$CATEGORY: a\rb/ //c// \n\nQ\r?{=x\ry ~z\r}")
	f.Fuzz(func(t *testing.T, in string) {
		res, err := ParseGIFT(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		qs := checkImported(t, res)
		checkRoundTrip(t, qs, func(b *strings.Builder, qs []questions.Question) ([]string, error) { return WriteGIFT(b, qs) },
			func(r *strings.Reader) (*ImportResult, error) { return ParseGIFT(r) })
	})
}

func FuzzParseAiken(f *testing.F) {
	for _, tt := range aikenReadTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		res, err := ParseAiken(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		qs := checkImported(t, res)
		// Aiken writes a prompt on one line.
		for i := range qs {
			qs[i].Prompt = joinLines(qs[i].Prompt)
			qs[i].ID = contentID("aiken", qs[i])
		}
		checkRoundTrip(t, qs, func(b *strings.Builder, qs []questions.Question) ([]string, error) { return WriteAiken(b, qs) },
			func(r *strings.Reader) (*ImportResult, error) { return ParseAiken(r) })
	})
}

func FuzzParseCSV(f *testing.F) {
	for _, tt := range csvReadTests {
		f.Add(tt.in)
	}
	var b strings.Builder
	WriteCSV(&b, append([]questions.Question{orderingQuestion}, bankQuestions...))
	f.Add(b.String())
	f.Add("type,prompt,answer,options\nMultiple_Choice,\"P\r?\",\"a\rb\",\"a\rb\r\nc\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		res, err := ParseCSV(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		qs := checkImported(t, res)
		checkRoundTrip(t, qs, func(b *strings.Builder, qs []questions.Question) ([]string, error) { return nil, WriteCSV(b, qs) },
			func(r *strings.Reader) (*ImportResult, error) { return ParseCSV(r) })
	})
}
