package questions

import (
	"strings"
	"testing"
)

// generateFrom builds every question of a small article.
func generateFrom(t *testing.T, text string) []Question {
	t.Helper()
	a := mustParse(t, []byte(text))
	return Generate(a, ExtractFacts(a), Options{Count: -1, AllowSameAnswer: true})
}

func findQuestion(qs []Question, pred func(Question) bool) (Question, bool) {
	for _, q := range qs {
		if pred(q) {
			return q, true
		}
	}
	return Question{}, false
}

// The general rules the engine follows, each on a small article of its
// own, so that a rule holds for articles nobody here has seen.
func TestGenerationRules(t *testing.T) {
	person := "= Ada Lovelace =\n\nInfobox\n- Birth_date: 10 December 1815\n- Birth_place: London, England\n\n" +
		"Ada Lovelace was an English mathematician and writer from London. " +
		"She worked with Charles Babbage on the Analytical Engine in London in 1843. " +
		"Her notes on the engine were published in August 1843 in Taylor's Scientific Memoirs. " +
		"They later inspired Alan Turing in Manchester, in Cambridge and in Paris.\n"
	company := "= Acme Corporation =\n\nInfobox\n- Type: Public company\n- Founder: John Smith\n\n" +
		"The Acme Corporation is an American maker of tools based in Denver. " +
		"It was founded by John Smith in Chicago in 1920. " +
		"In 1950, it moved its headquarters to Denver and hired 300 workers from Boston. " +
		"This decision was criticised by Mary Jones in Chicago in 1951.\n"
	tests := []struct {
		name, article string
		check         func(t *testing.T, qs []Question)
	}{
		{"he/she resolved to the subject of a person article", person, func(t *testing.T, qs []Question) {
			if _, ok := findQuestion(qs, func(q Question) bool {
				return strings.Contains(q.Prompt, "Ada Lovelace worked with") || strings.Contains(q.Prompt, "Ada Lovelace's notes")
			}); !ok {
				t.Error("no question resolves She/Her to Ada Lovelace")
			}
		}},
		{"they has no referent", person, func(t *testing.T, qs []Question) {
			if q, ok := findQuestion(qs, func(q Question) bool { return strings.Contains(q.Prompt, "inspired") }); ok {
				t.Errorf("question from a sentence opening with They: %q", q.Prompt)
			}
		}},
		{"it resolved to the subject of an organisation article", company, func(t *testing.T, qs []Question) {
			if _, ok := findQuestion(qs, func(q Question) bool {
				return strings.Contains(q.Prompt, "the Acme Corporation was founded") || strings.Contains(q.Prompt, "The Acme Corporation was founded")
			}); !ok {
				t.Error("no question resolves It to the Acme Corporation")
			}
		}},
		{"this opening a sentence has no referent", company, func(t *testing.T, qs []Question) {
			if q, ok := findQuestion(qs, func(q Question) bool { return strings.Contains(q.Prompt, "criticised") }); ok {
				t.Errorf("question from a sentence opening with This: %q", q.Prompt)
			}
		}},
		{"the subject is never the answer", company, func(t *testing.T, qs []Question) {
			if q, ok := findQuestion(qs, func(q Question) bool { return strings.Contains(q.Answer, "Acme") }); ok {
				t.Errorf("the article's subject is an answer: %q", q.Prompt)
			}
		}},
		{"infobox WH question", company, func(t *testing.T, qs []Question) {
			if q, ok := findQuestion(qs, func(q Question) bool { return q.Prompt == "Who founded the Acme Corporation?" }); !ok || q.Answer != "John Smith" {
				t.Errorf("no 'Who founded' question with answer John Smith: %+v", q)
			}
		}},
		{"born where, from the infobox, accepting the country too", person, func(t *testing.T, qs []Question) {
			q, ok := findQuestion(qs, func(q Question) bool { return q.Prompt == "Where was Ada Lovelace born?" && q.Type == FillBlank })
			if !ok || q.Answer != "London" || !CheckAnswer(q, "england") {
				t.Errorf("born question: %+v", q)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, generateFrom(t, tt.article)) })
	}
}

func TestStemRules(t *testing.T) {
	g := newGenerator(&Article{Title: "T"}, nil)
	tests := []struct {
		sentence string
		ok       bool
	}{
		{"Napoleon's army reached the Danube at dawn on 2 May 1809.", true},
		{"The army reached the river at dawn on the second day.", false}, // which army, which river?
		{"The break resulted in severe local damage, flooding portions of Tampa.", false},
		{"Neptune's mass of 1.0243×1026 kg is 17 times that of Earth.", false}, // a lost exponent
		{"The future emperor Claudius was born there in 10 BC.", false},        // "there" points to another sentence
		{"There were 500 soldiers in the garrison of Kyiv in 1240.", true},     // existential "there"
		{"There were 500 soldiers in the town that winter.", false},            // "that winter" points back
		{"At least we are upfront about our values and our aims.", false},      // quoted speech
		{"He said the plan \"would never work and was", false},                 // cut inside a quotation, no full stop
		{"Short one.", false}, // too short to ask about
		{"The museum keeps كتاب المناظر in its library of rare books.", false},          // another script
		{"During this time the city grew quickly in all directions.", false},            // "this" points back
		{"In this year the city grew quickly towards the river.", false},                // so does "this year"
		{"The city grew quickly, and this growth brought new trades.", false},           // "this growth" points back wherever it stands
		{"Upon his return to the city, the general was given a post.", false},           // "his" with no referent
		{"The Toronto Star, founded in 1892, was renamed in 1971 by its owners.", true}, // "its" after a name
		{"The paper, founded in 1892, was renamed in 1971 by its owners.", false},       // which paper?
		{"Kahlo later claimed that she was born in 1910 in Coyoacán.", true},            // "she" after a name
		{"The debris fell over a wide area of the Pacific in 1979.", false},             // a definite noun phrase from before
		{"Nero sent five more legions to Britain in the spring of 61.", false},          // "five more"
		{"Galba was acclaimed emperor again by the legions in Hispania.", false},        // "again"
		{"Over the following eleven centuries the town was rebuilt nine times.", false}, // "the following"
		{"At the time the harbour was the largest in the Mediterranean Sea.", false},    // "at the time"
		{"Mount Everest rises 8,849 metres above sea level on the border of Nepal.", true},
		{"The Treaty of Versailles was signed by Germany on 28 June 1919 in Paris.", true},    // "the X of Y" says which
		{"Oxaziridines are used in such reactions as the Davis oxidation of enolates.", true}, // "such as" lists
		{"In 1914 their forces crossed the Marne near the town of Meaux in France.", false},   // "their" with nothing before
		{"Its early opposition to the regime saw the paper banned abroad.", false},            // "Its" with no referent
	}
	for _, tt := range tests {
		g.sents = []Sentence{{Text: tt.sentence}}
		g.stems = map[int]stemResult{}
		if _, _, _, ok := g.stem(0); ok != tt.ok {
			t.Errorf("stem(%q) ok = %v, want %v", tt.sentence, ok, tt.ok)
		}
	}
}

func TestBlankRules(t *testing.T) {
	tests := []struct {
		name, stem string
		sp         Span
		enclosed   bool
		inRange    bool
	}{
		{"plain", "It was built in 1990 by the city.", Span{15, 19}, false, false},
		{"in brackets", "He (born 1990 in Paris) left.", Span{9, 13}, true, false},
		{"in quotes", `He was called "the Second Ptolemy" by some.`, Span{19, 26}, true, false},
		{"dash range", "It was written during 1011–1021, in Cairo.", Span{29, 33}, false, true},
		{"to range", "Plants fix 100 to 115 billion tonnes.", Span{18, 21}, false, true},
		{"from range", "It ran from 11 July to 30 July.", Span{12, 19}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := enclosed(tt.stem, tt.sp); got != tt.enclosed {
				t.Errorf("enclosed = %v", got)
			}
			if got := inRange(tt.stem, tt.sp); got != tt.inRange {
				t.Errorf("inRange = %v", got)
			}
		})
	}
}

func TestGivesAway(t *testing.T) {
	tests := []struct {
		stem, answer string
		want         bool
	}{
		{"Where did the raid on Tabankort take place?", "near Tabankort", true},
		{"It was Canada's largest paper, among _____'s top 25.", "Canada", true},
		{"The failure sparked controversy in _____ after French gunfire.", "France", true},
		{"The border is two hours from _____ for Malian trucks.", "Mali", true},
		{"The jihadists raided _____, the capital of Niger.", "Niamey", false},
		{"They mobilized _____ for the operation.", "200 men", false},
	}
	for _, tt := range tests {
		if got := givesAway(tt.stem, tt.answer); got != tt.want {
			t.Errorf("givesAway(%q, %q) = %v, want %v", tt.stem, tt.answer, got, tt.want)
		}
	}
}

func TestBlankOut(t *testing.T) {
	tests := []struct {
		s    string
		sp   Span
		want string
	}{
		{"An Atlantique plane took off.", Span{3, 13}, "An _____ plane took off."},
		{"They boarded an Airbus at noon.", Span{13, 22}, "They boarded _____ at noon."}, // the article goes into the blank (withArticle)
		{"It relocated them around 4 a.m.", Span{25, 31}, "It relocated them around _____."},
	}
	for _, tt := range tests {
		if got := blankOut(tt.s, tt.sp); got != tt.want {
			t.Errorf("blankOut(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestWithArticle(t *testing.T) {
	s := "They boarded an Airbus at noon."
	wide, art := withArticle(s, Span{16, 22})
	if got := blankOut(s, wide); got != "They boarded _____ at noon." || art != "an" {
		t.Errorf("withArticle: %q, %q; want the article inside the blank", got, art)
	}
	if _, art := withArticle("Planes took off.", Span{0, 6}); art != "" {
		t.Errorf("no article before the answer, got %q", art)
	}
	for w, want := range map[string]string{"HF": "an", "Airbus": "an", "hour": "an", "union": "a", "Ukrainian": "a",
		"one-off": "a", "heterocycle": "a", "BBC": "a", "8-inch gun": "an", "oxide": "an"} {
		if got := indefiniteArticle(w); got != want {
			t.Errorf("indefiniteArticle(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestDistractorShapes(t *testing.T) {
	article := "= Siege =\n\nOn 8 January 1600 the army of Lord Grey reached Dunmore, the capital of Fife. " +
		"Three regiments and 200 men crossed the river near Kelso on 12 March 1600. " +
		"The garrison under Sir Robert Kerr surrendered to the army at Dunmore on 2 April 1600. " +
		"Lord Grey returned to London in May 1601 with twenty prisoners.\n"
	qs := generateFrom(t, article)
	for _, q := range qs {
		if q.Type != MultipleChoice {
			continue
		}
		for _, o := range q.Options {
			switch q.Kind {
			case KindDate:
				if startsWithDigit(q.Answer) != startsWithDigit(o) {
					t.Errorf("date option %q not in the style of %q", o, q.Answer)
				}
			case KindNumber:
				if class, _ := numberWordValue(strings.ToLower(strings.Fields(q.Answer)[0])); (class == classNone) != startsWithDigit(o) {
					t.Errorf("number option %q not in the style of %q", o, q.Answer)
				}
				if !strings.HasSuffix(o, q.Answer[strings.Index(q.Answer, " "):]) {
					t.Errorf("number option %q lacks the unit of %q", o, q.Answer)
				}
			}
		}
	}
}

// TestGradingGeneratedForms checks that the typed forms a learner would
// give for answers the generator makes are accepted.
func TestGradingGeneratedForms(t *testing.T) {
	tests := []struct {
		answer   string
		accepted []string
		given    string
		want     bool
	}{
		{"c. 1040", nil, "1040", true},
		{"c. 1040", nil, "1041", false},
		{"the mid-2000s", nil, "mid-2000s", true},
		{"Antoine de Lecouer", []string{"Lecouer"}, "lecouer", true},
		{"Toulousain", []string{"Toulousain restaurant"}, "the toulousain restaurant", true},
		{"January 8, 2011", nil, "8 jan 2011", true},
		{"January 8, 2011", nil, "January 9, 2011", false},
		{"10:40 p.m.", nil, "22:40", true},
		{"Niamey", nil, "Niamay", true},
		{"Niamey", nil, "Ouallam", false},
	}
	for _, tt := range tests {
		q := Question{Type: FillBlank, Answer: tt.answer, Accepted: tt.accepted}
		if got := CheckAnswer(q, tt.given); got != tt.want {
			t.Errorf("CheckAnswer(%q, %q) = %v, want %v", tt.answer, tt.given, got, tt.want)
		}
	}
}

// TestNoOptionNamedInStem: an option the stem already names, even in the
// possessive, is no distractor.
func TestNoOptionNamedInStem(t *testing.T) {
	article := "= Bridge =\n\nIn 105 the architect Apollodorus of Damascus built a bridge for Emperor Trajan's campaigns. " +
		"The engineer Marcus Vitruvius wrote ten books on building in Rome. " +
		"The historian Cassius Dio described the bridge in Rome. " +
		"The poet Publius Ovidius praised it in Tomis. The senator Gaius Plinius saw it in Dacia.\n"
	for _, q := range generateFrom(t, article) {
		for _, o := range q.Options {
			if strings.Contains(q.Prompt, o+"'") {
				t.Errorf("option %q is named in the stem %q", o, q.Prompt)
			}
		}
	}
}
