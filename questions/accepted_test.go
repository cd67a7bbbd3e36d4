package questions

import (
	"slices"
	"strings"
	"testing"
)

// acceptedArticle names things by more than one name, and two people by
// one surname; each sentence names a place besides its answer, so that it
// stands alone.
const acceptedArticle = "= FA Cup =\n\n" +
	"The FA Cup is a football competition in England. " +
	"The first final at Wembley Stadium was played on 28 April 1923 before a huge crowd. " +
	"Wembley Stadium, originally known as the Empire Stadium, was built for the British Empire Exhibition. " +
	"The United States Department of Agriculture (USDA) sent a team to the final at Wembley in 1930. " +
	"The competition stopped during the Second World War, or WWII, and resumed in 1945. " +
	"The FA Cup final was not played at Wembley Stadium during WWII from 1940 to 1945. " +
	"The FA Cup trophy was designed by Thomas Wetherall in London in 1911. " +
	"John Pollard scored twice in the final of 1925 at the old ground in London. " +
	"Samuel Pollard scored once in the final of 1926 at the same ground. " +
	"Hasan Ibn al-Haytham (Alhazen) watched the final of 1927 from the royal box at Wembley. " +
	"Bolton Wanderers beat West Ham United in the first final on 28 April 1923. " +
	"Many clubs lost players in the Second World War in France and Belgium.\n"

// TestGeneratedAccepted checks the Accepted of the fill-in questions
// Generate makes from an article: forms it lists and forms it must not.
func TestGeneratedAccepted(t *testing.T) {
	qs := generateFrom(t, acceptedArticle)
	tests := []struct {
		answer, prompt string // prompt: a part of the fill-in's prompt
		want, not      []string
	}{
		{"Wembley Stadium", "first final at _____", []string{"Empire Stadium", "Wembley"}, []string{"Stadium", "Wembley Arena"}},
		{"United States Department of Agriculture", "sent a team", []string{"USDA"}, nil},
		{"Second World War", "Many clubs lost players", []string{"WWII", "World War II", "WW2"}, []string{"World War I", "First World War"}},
		{"WWII", "not played at Wembley Stadium during", []string{"Second World War", "World War II"}, nil},
		{"Thomas Wetherall", "designed by _____", []string{"Wetherall"}, nil},
		{"John Pollard", "scored twice", nil, []string{"Pollard"}}, // Samuel Pollard too
		{"Hasan Ibn al-Haytham", "watched the final", []string{"Alhazen", "al-Haytham", "Ibn al-Haytham"}, nil},
		{"28 April 1923", "Bolton Wanderers", []string{"April 28, 1923", "1923-04-28"}, []string{"1923-04-29", "April 29, 1923"}},
	}
	g := testGenerator(t, acceptedArticle)
	for _, tt := range tests {
		q, ok := findQuestion(qs, func(q Question) bool {
			return q.Type == FillBlank && q.Answer == tt.answer && strings.Contains(q.Prompt, tt.prompt)
		})
		if f := factAnswered(g, tt.answer, tt.prompt); !ok && f != nil && !typedKind(f.Kind) {
			// a place, organisation or other name is not asked to be typed
			// (it is chosen from options where its class is known); the
			// forms a typed answer would accept are still right
			q = Question{Type: FillBlank, Answer: tt.answer, Accepted: g.acceptedForms(f, tt.answer)}
			ok = true
		} else if ok && f != nil && !typedKind(f.Kind) {
			t.Errorf("%q (%s) is asked to be typed", tt.answer, f.Kind)
		}
		if !ok {
			t.Errorf("no fill-in question answered %q with %q in its prompt", tt.answer, tt.prompt)
			continue
		}
		for _, w := range tt.want {
			if !slices.Contains(q.Accepted, w) {
				t.Errorf("%q: Accepted = %q, want it to have %q", tt.answer, q.Accepted, w)
			}
			if !CheckAnswer(q, w) {
				t.Errorf("%q: %q is graded wrong", tt.answer, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(q.Accepted, w) {
				t.Errorf("%q: Accepted = %q, want it without %q", tt.answer, q.Accepted, w)
			}
			if CheckAnswer(q, w) {
				t.Errorf("%q: %q is graded right", tt.answer, w)
			}
		}
		if len(q.Accepted) > maxAccepted {
			t.Errorf("%q: %d accepted forms, want at most %d", tt.answer, len(q.Accepted), maxAccepted)
		}
	}
}

// factAnswered is the fact of g's article whose text is answer, in the
// sentence that holds part of a prompt ("first final at _____").
func factAnswered(g *generator, answer, prompt string) *Fact {
	before, after, _ := strings.Cut(prompt, Blank)
	for i := range g.facts {
		f := &g.facts[i]
		if f.Text == answer && strings.Contains(f.Sentence, strings.TrimSpace(before)) && strings.Contains(f.Sentence, strings.TrimSpace(after)) {
			return f
		}
	}
	return nil
}

// testGenerator builds the generator of an article, as Generate does.
func testGenerator(t *testing.T, text string) *generator {
	t.Helper()
	a := mustParse(t, []byte(text))
	return newGenerator(a, ExtractFacts(a))
}

func TestAcceptedForms(t *testing.T) {
	g := testGenerator(t, acceptedArticle)
	tests := []struct {
		fact      Fact
		want, not []string
	}{
		{Fact{Kind: KindPlace, Text: "Empire Stadium"}, []string{"Wembley Stadium", "Empire"}, nil},
		{Fact{Kind: KindOrganisation, Text: "USDA"}, []string{"United States Department of Agriculture"}, nil},
		{Fact{Kind: KindPerson, Text: "Thomas Wetherall"}, []string{"Wetherall"}, nil},
		{Fact{Kind: KindPerson, Text: "Samuel Pollard"}, nil, []string{"Pollard"}},
		{Fact{Kind: KindPerson, Text: "Alhazen"}, []string{"Hasan Ibn al-Haytham"}, nil},
		{Fact{Kind: KindPlace, Text: "Toulousain", head: "restaurant"}, []string{"Toulousain restaurant"}, nil},
		{Fact{Kind: KindPlace, Text: "Lake Victoria"}, []string{"Victoria"}, []string{"Lake"}},
		{Fact{Kind: KindPlace, Text: "Mexico City"}, nil, []string{"Mexico"}},
		{Fact{Kind: KindPlace, Text: "St. Louis"}, []string{"Saint Louis"}, nil},
		{Fact{Kind: KindName, Text: "World War I"}, []string{"First World War", "Great War", "WWI"}, []string{"World War II"}},
		{Fact{Kind: KindDate, Text: "July 4, 1776"}, []string{"4 July 1776", "1776-07-04"}, []string{"July 4, 1776"}},
	}
	for _, tt := range tests {
		got := g.acceptedForms(&tt.fact, tt.fact.Text)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("acceptedForms(%q) = %q, want it to have %q", tt.fact.Text, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("acceptedForms(%q) = %q, want it without %q", tt.fact.Text, got, w)
			}
		}
	}
}

// TestReadAliases checks each way an article gives another name, and the
// asides that are not one.
func TestReadAliases(t *testing.T) {
	tests := []struct {
		sentence, name string
		want, not      []string
	}{
		{"Wembley Stadium, originally known as the Empire Stadium, was built in 1923.", "Wembley Stadium", []string{"Empire Stadium"}, nil},
		{"The stadium was built in 1923 and Wembley Stadium was originally known as the Empire Stadium.", "Empire Stadium", []string{"Wembley Stadium"}, nil},
		{"The Second World War, also known as World War II, began in 1939.", "World War II", []string{"Second World War"}, nil},
		{"Ibn al-Haytham (also known as Alhazen) wrote on optics.", "Ibn al-Haytham", []string{"Alhazen"}, nil},
		{"Ibn al-Haytham (Alhazen) wrote on optics.", "Alhazen", []string{"Ibn al-Haytham"}, nil},
		{"The Great War, or World War I, began in 1914.", "Great War", []string{"World War I"}, nil},
		{"The Gateway Arch, also called the Gateway Monument, stands in the city.", "Gateway Arch", []string{"Gateway Monument"}, nil},
		{"The Gateway Arch was called the Gateway Monument at first.", "Gateway Monument", []string{"Gateway Arch"}, nil},
		{"Winston Churchill called Joseph Stalin a riddle in 1939.", "Winston Churchill", nil, []string{"Joseph Stalin"}},
		{"Springfield (Illinois) is the capital of the state.", "Springfield", nil, []string{"Illinois"}},
		{"The novelist Jane Austen (1775–1817) was born in Steventon.", "Jane Austen", nil, []string{"1775–1817"}},
		{"Oxford (England) is home to a famous university.", "Oxford", nil, []string{"England"}},
		{"They sailed to Paris, London, or Berlin, whichever was nearest.", "London", nil, []string{"Berlin"}},
		{"In the West he was known as Alhazen for centuries.", "Alhazen", nil, []string{"West"}},
		{"Dr. Edwin E. Aldrin Jr., known as Buzz, held a doctorate.", "Buzz", []string{"Edwin E. Aldrin Jr."}, []string{"Aldrin Jr."}},
		{"General Motors (GM) built the car in Detroit.", "GM", []string{"General Motors"}, nil},
	}
	for _, tt := range tests {
		g := testGenerator(t, "= Test =\n\n"+tt.sentence+"\n")
		got := g.answerIndex().aliases[NormalizeAnswer(tt.name)]
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: aliases of %q = %q, want %q", tt.sentence, tt.name, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("%q: aliases of %q = %q, want no %q", tt.sentence, tt.name, got, w)
			}
		}
	}
}

// TestSurnames: a surname is accepted only when it names one person of the
// article.
func TestSurnames(t *testing.T) {
	article := "= Test =\n\n" +
		"The engineer Vincent Delory met the minister Alain Juppé in Paris in 2011. " +
		"The writer Antoine de Lecouer wrote to the president Nicolas Sarkozy in 2011. " +
		"The captain Robert Kennedy met the senator Edward Kennedy in Boston in 1962. " +
		"The general John Kennedy spoke to the officer John F. Kennedy in Boston in 1963.\n"
	g := testGenerator(t, article)
	tests := []struct {
		name string
		want []string
	}{
		{"Vincent Delory", []string{"Delory"}},
		{"Alain Juppé", []string{"Juppé"}},
		{"Antoine de Lecouer", []string{"Lecouer", "de Lecouer"}},
		{"Robert Kennedy", nil},
		{"Edward Kennedy", nil},
		{"Henry VIII", nil},
		{"Martin Luther King Jr.", []string{"King"}},
		{"Madonna", nil},
		{"Apollodorus of Damascus", nil},
	}
	for _, tt := range tests {
		if got := g.answerIndex().surnames(g, tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("surnames(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWithoutGeneric(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Wembley Stadium", []string{"Wembley"}},
		{"Lake Victoria", []string{"Victoria"}},
		{"the Nile River", []string{"Nile"}},
		{"Mount Everest", []string{"Everest"}},
		{"Mt. Everest", []string{"Everest"}},
		{"Battle of the Somme", []string{"Somme"}},
		{"Manchester United F.C.", []string{"Manchester United"}},
		{"Everton Football Club", []string{"Everton"}},
		{"Battle of Stamford Bridge", []string{"Stamford Bridge"}},
		{"Red Army", nil},
		{"Mexico City", nil},
		{"Lake", nil},
		{"Wembley Arena", nil},
	}
	for _, tt := range tests {
		if got := withoutGeneric(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("withoutGeneric(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTermForms(t *testing.T) {
	tests := []struct {
		in        string
		want, not []string
	}{
		{"World War II", []string{"Second World War", "WWII", "WW2"}, []string{"World War I"}},
		{"the Great War", []string{"World War I", "First World War"}, nil},
		{"USA", []string{"United States", "U.S."}, nil},
		{"U.S.A.", []string{"United States", "USA"}, nil},
		{"USA Today", nil, []string{"United States Today"}}, // a name of its own
		{"St. Louis", []string{"Saint Louis"}, nil},
		{"Main St.", nil, []string{"Main Saint"}},
		{"Mount Vernon", []string{"Mt. Vernon"}, nil},
		{"Antoine de Saint-Exupéry", nil, []string{"Antoine de St.-Exupéry"}},
		{"Niamey", nil, nil},
	}
	for _, tt := range tests {
		got := termForms(tt.in)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("termForms(%q) = %q, want it to have %q", tt.in, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("termForms(%q) = %q, want it without %q", tt.in, got, w)
			}
		}
		if tt.want == nil && len(got) > 0 && tt.not == nil {
			t.Errorf("termForms(%q) = %q, want none", tt.in, got)
		}
	}
}

func TestDateForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"July 4, 1776", []string{"4 July 1776", "July 4, 1776", "1776-07-04"}},
		{"4 July 1776", []string{"4 July 1776", "July 4, 1776", "1776-07-04"}},
		{"July 4", []string{"4 July", "July 4"}},
		{"July 1776", nil},
		{"c. 965", nil},
		{"the 1980s", nil},
	}
	for _, tt := range tests {
		if got := dateForms(tt.in, Date{}); !slices.Equal(got, tt.want) {
			t.Errorf("dateForms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAcceptedFormsAreRight: every form the generator lists for an answer
// grades as right, on every article of the repository.
func TestAcceptedFormsAreRight(t *testing.T) {
	for name, data := range allArticles(t) {
		_, qs := generateAll(t, data, -1)
		for _, q := range qs {
			for _, a := range q.Accepted {
				if !CheckAnswer(q, a) {
					t.Errorf("%s: %q lists %q but grades it wrong", name, q.Answer, a)
				}
			}
		}
	}
}
