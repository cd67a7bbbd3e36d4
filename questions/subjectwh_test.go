package questions

import (
	"slices"
	"strings"
	"testing"
)

// The key facts a lead states of its subject in a passive clause are
// asked directly, and only where the clause makes the answer the whole
// and only one.
func TestSubjectQuestions(t *testing.T) {
	film := "= Quiet Harbour =\n\nQuiet Harbour is a 1998 American drama film directed by Mara Lindqvist and written by Paul Ostrander. " +
		"The film stars Edwin Carrow, Lucy Benthall and Tomas Ferrer as three fishermen. " +
		"Quiet Harbour was released on VHS on May 9, 2000, after a run in 300 cinemas. " +
		"The score was composed by Ian Holt, Carla Mens, and Peter Vos. " +
		"Edwin Carrow won an award for his part in 1999, and Lucy Benthall was praised by Roger Ebert.\n"
	paper := "= Harbour Herald =\n\nThe Harbour Herald is a daily newspaper in Halifax. " +
		"The Herald (originally known as the Evening Courier and then the Halifax Daily Herald ) was founded in 1875 by printers led by Agnes Moir. " +
		"In 1931, the newspaper was renamed The Harbour Herald and moved to Water Street. " +
		"It prospered under Samuel Reade, editor from 1899 until his death in 1941.\n"
	club := "= Kirkton Rovers F.C. =\n\nKirkton Rovers F.C. is a football club in Kirkton, Fife. " +
		"In 1883, the club was founded by four apprentices of the Kirkton works. " +
		"The club has won the Scottish Cup once, in 1994, and played in Europe in 1995. " +
		"Kirkton Rovers F.C. played its first match against Dunfermline in 1884 at Stark's Park.\n"
	novel := "= The Salt Road =\n\nThe Salt Road is an 1887 adventure novel by Welsh author Owen Pryce, set in Cornwall. " +
		"The novel was first published in 1887 in London and sold 20,000 copies in a year. " +
		"Pryce wrote two sequels, and The Salt Road was adapted for the stage by Ruth Calder in 1902.\n"
	game := "= Ashfall =\n\nAshfall is a 1996 first-person shooter (FPS) video game developed by Greyline Studios for MS-DOS. " +
		"Players fight through 27 levels set in a ruined city, and the game sold over a million copies. " +
		"A sequel was released in 1998 by the same studio.\n"
	tests := []struct {
		name, article, prompt, answer string // answer "" means no such question
	}{
		{"the director in a film's lead is asked", film, "Who directed Quiet Harbour?", "Mara Lindqvist"},
		{"a second release is not the film's", film, "When was Quiet Harbour released?", ""},
		{"one of several composers is no answer", film, "Who composed the score?", ""},
		{"the first name an aside gives is asked", paper, "What was the Harbour Herald originally called?", "Evening Courier"},
		{"the founding year of the clause is asked", paper, "In what year was the Harbour Herald founded?", "1875"},
		{"a renaming may happen often: no 'when'", paper, "In what year was the Harbour Herald renamed?", ""},
		{"a work's maker after its noun and a role", novel, "Who wrote The Salt Road?", "Owen Pryce"},
		{"an aside in the class does not hide the participle", game, "Who developed Ashfall?", "Greyline Studios"},
		{"the date a lead's clause gives with an adverb", novel, "In what year was The Salt Road first published?", "1887"},
		{"a date before the subject is the clause's", club, "In what year was Kirkton Rovers F.C. founded?", "1883"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := generateFrom(t, tt.article)
			var got []Question
			for _, q := range qs {
				if q.Prompt == tt.prompt {
					got = append(got, q)
				}
			}
			if tt.answer == "" {
				if len(got) > 0 {
					t.Fatalf("asked %q (answer %q); the clause does not give one answer", tt.prompt, got[0].Answer)
				}
				return
			}
			if len(got) == 0 {
				var prompts []string
				for _, q := range qs {
					prompts = append(prompts, q.Prompt)
				}
				t.Fatalf("no %q among:\n%s", tt.prompt, strings.Join(prompts, "\n"))
			}
			for _, q := range got {
				if q.Answer != tt.answer {
					t.Errorf("%s %q: answer %q, want %q", q.Type, q.Prompt, q.Answer, tt.answer)
				}
				if q.Type == MultipleChoice && slices.ContainsFunc(q.Options, func(o string) bool {
					return o != q.Answer && strings.Contains(q.Source, o)
				}) {
					t.Errorf("%q: an option %v the sentence names may be as true", q.Prompt, q.Options)
				}
			}
		})
	}
}

// A question asked directly of a fact may share its sentence with one
// other question on another answer; two blanks of one sentence may not.
func TestKeyFactSharesSentence(t *testing.T) {
	src := "The Herald (originally known as the Evening Courier) was founded in 1875 by printers led by Agnes Moir."
	blank := Question{Type: MultipleChoice, Prompt: "The Herald was founded in _____ by printers led by Agnes Moir.", Answer: "1875",
		Options: []string{"1875", "1871", "1878", "1880"}, Source: src, Kind: KindDate}
	direct := Question{Type: FillBlank, Prompt: "What was the Harbour Herald originally called?", Answer: "Evening Courier",
		Source: src, Kind: KindName, keyFact: true}
	other := Question{Type: FillBlank, Prompt: "The Herald was founded by printers led by _____.", Answer: "Agnes Moir",
		Source: src, Kind: KindPerson}
	v := NewVariety(10, false)
	v.Add(blank)
	if !v.Fits(direct, Strict) {
		t.Errorf("a direct question on another answer of the sentence was refused")
	}
	if v.Fits(other, Strict) {
		t.Errorf("a second blank of the same sentence was let in")
	}
	v.Add(direct)
	third := direct
	third.Prompt, third.Answer = "Who led the printers who founded the Harbour Herald?", "Agnes Moir"
	if v.Fits(third, Strict) {
		t.Errorf("a third question on one sentence was let in")
	}
}
