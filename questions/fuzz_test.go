package questions

import (
	"encoding/json"
	"testing"
)

// fuzzSeeds are small articles of each shape, plus the kinds of damage a
// user's upload can have.
var fuzzSeeds = []string{
	"= T =\n\nInfobox\n- Date: January 8, 2011\n- Place: Niamey\n\nOn January 8, 2011, troops raided Niamey, the capital of Niger. The Special Operations Command (COS) sent 200 men.",
	"# Title\n\nDr. Smith met Mr. Jones at 10:40 p.m. in the U.S. They left.\n\n## Part\n\nIn 1892 it was founded by John D. Cruickshank.",
	"Plain title\nA sentence without end",
	"= =\n",
	"= T =\nInfobox\n- :\n- Key:\n- : value\n",
	"=== \n== ==\n# \n",
	"= T =\n\n(((( \"unclosed quote. (COS) (A) ( ) , the , a ,",
	"= T =\n\nHe was born c. 965 – c. 1040 in Basra, Iraq. It was 2.5 km long. Twenty-five men, six-man team.",
}

func FuzzParseArticle(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle(data)
		if err != nil {
			if a != nil {
				t.Fatal("an article and an error")
			}
			return
		}
		if a.Title == "" || len(a.Sentences()) == 0 {
			t.Fatalf("parsed article without title or sentences: %+v", a)
		}
	})
}

func FuzzGenerate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle(data)
		if err != nil {
			return
		}
		facts := ExtractFacts(a)
		qs := Generate(a, facts, Options{Count: -1})
		for _, q := range qs {
			if q.Type == MultipleChoice && len(q.Options) != 4 {
				t.Fatalf("multiple choice with %d options: %+v", len(q.Options), q)
			}
			if !CheckAnswer(q, q.Expected()) {
				t.Fatalf("own answer graded wrong: %+v", q)
			}
			data, err := json.Marshal(q)
			if err != nil {
				t.Fatal(err)
			}
			var back Question
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatalf("round trip: %v", err)
			}
		}
	})
}
