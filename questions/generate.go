package questions

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultCount is how many questions Generate returns when Options.Count is
// zero.
const DefaultCount = 20

// Blank stands for the answer in a fill-in-the-blank stem.
const Blank = "_____"

// Options tune Generate.
type Options struct {
	// Count caps the number of questions: 0 means DefaultCount, a negative
	// number means every candidate that passes the quality checks.
	Count int
	// AllowSameAnswer keeps questions whose answer another question already
	// has; by default each answer is asked once.
	AllowSameAnswer bool
	// Context, if not nil, stops Generate early when it is done: Generate
	// then returns nil (GenerateContext returns its error). A context that
	// is never done leaves the result as it would be without one.
	Context context.Context
}

// Generate builds questions from an article and its facts: it makes every
// candidate the facts allow, drops the ones that fail the quality checks,
// ranks the rest by how central and clear they are, and picks a varied set.
// The result depends only on the article, never on the clock.
func Generate(a *Article, facts []Fact, opts Options) []Question {
	cands := candidates(a, facts, opts.Context)
	if cands == nil {
		return nil
	}
	// The served score is the calibrated chance of acceptance; what the
	// model finds unlikely is not served at all.
	kept := cands[:0]
	th := calibration().Threshold
	for _, q := range cands {
		q.Score = math.Round(calibrated(q)*1000) / 1000
		if th == 0 || q.Score >= th {
			kept = append(kept, q)
		}
	}
	cands = kept
	// Quizzes ask the article's key facts first: the rank adds to the
	// chance of acceptance a bonus for the infobox, the lead and the first
	// sections, where an encyclopedia puts what matters most, and what the
	// reviews found of the question's type and kind together.
	central := centrality(a)
	rank := func(q *Question) float64 { return q.Score + central[q.Section] + typeKindBonus(q) + keyFactBonus(q) }
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := &cands[i], &cands[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra > rb
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.Prompt != b.Prompt {
			return a.Prompt < b.Prompt
		}
		return a.Answer < b.Answer
	})
	out := selectQuestions(uniquePrompts(cands), opts)
	// listed in the order they were ranked
	sort.SliceStable(out, func(i, j int) bool { return rank(&out[i]) > rank(&out[j]) })
	for i := range out {
		out[i].ID = questionID(out[i])
	}
	return out
}

// keyFactBonus ranks the questions asked directly of the subject (who
// made it, when it began, what it was first called) ahead of blanks in
// its sentences: they are what a teacher asks first.
func keyFactBonus(q *Question) float64 {
	if q.keyFact {
		return 0.3 // above a statement of the same fact (true/false on a date ranks 0.15 over the mean)
	}
	return 0
}

// centrality gives each section's questions a rank bonus: the infobox and
// the lead most, the next two sections less, the rest none.
func centrality(a *Article) map[string]float64 {
	m := map[string]float64{"Infobox": 0.12}
	for i, sec := range a.Sections {
		if _, ok := m[sec.Title]; ok {
			continue
		}
		switch {
		case i == 0:
			m[sec.Title] = 0.12
		case i <= 2:
			m[sec.Title] = 0.06
		default:
			m[sec.Title] = 0
		}
	}
	return m
}

// Candidates returns every candidate question the facts allow, with its
// id and its heuristic score (before calibration): what the calibration
// program fits the model on.
func Candidates(a *Article, facts []Fact) []Question {
	cands := candidates(a, facts, nil)
	for i := range cands {
		cands[i].ID = questionID(cands[i])
	}
	return cands
}

// candidates overgenerates: every question each fact allows, the
// timeline. It returns nil when ctx is done.
func candidates(a *Article, facts []Fact, ctx context.Context) []Question {
	g := newGenerator(a, facts)
	cands := []Question{}
	for i := range facts {
		if i%checkEvery == 0 && canceled(ctx) {
			return nil
		}
		cands = append(cands, g.fromFact(&facts[i])...)
	}
	for i := range g.sents {
		if i%checkEvery == 0 && canceled(ctx) {
			return nil
		}
		cands = append(cands, g.subjectQuestions(i)...)
	}
	cands = append(cands, g.ordering()...)
	return cands
}

// generator holds what question building needs to know about the article.
type generator struct {
	a           *Article
	facts       []Fact
	sents       []Sentence
	subject     string // what the article is about, as a sentence names it
	subjectRef  string // what a stem calls it in place of "it": "Copper", "the lion"
	subjectKind Kind
	// subjectWords are the words of every name the article gives its
	// subject ("Ibn", "al-Haytham", "Alhazen"), lower-cased.
	subjectWords map[string]bool
	byKind       map[Kind][]*Fact
	// distinct holds the first fact of each distinct text per kind: the
	// pool distractors are drawn from, whose size does not grow with
	// repetition in the article.
	distinct map[Kind][]*Fact
	kindOf   map[string]Kind // a name's kind
	seed     uint64
	// written holds every sentence, lower-cased without its final stop,
	// so that a false statement is never one the article makes.
	written map[string]bool
	norms   map[string]string   // NormalizeAnswer, memoised
	words   map[string][]string // the words of norms
	lower   map[string]bool     // the words the article writes in lower case (lowerWords)
	subj    map[string]bool     // isSubject, memoised
	stems   map[int]stemResult  // stem, memoised by sentence
	// givenNames are the first words of person names (see firstNames).
	givenNames map[string]bool
	// heads are the nouns the article calls its subject by (subjectHeads),
	// actors the groups it speaks of throughout (mainActors).
	heads, actors map[string]bool
	// bySentence are the facts of each kind by sentence (factsIn); span
	// the subject's first and last years (subjectSpan).
	bySentence map[Kind]map[int][]*Fact
	span       *[2]int
	latest     int             // latestYear, once known
	home       *string         // homeRegion, once known
	years      []int           // yearAt, by sentence
	persons    map[string]bool // personWords
	surnames   map[string]bool // the surnames two or more of the article's people share
	// classes memoises nameClasses; defs are the definitions of each name.
	classes map[string][]string
	defs    map[string][]string
	conts   map[string][]string // containers

	// textScores memoises sentenceScore of whole sentences (textScore).
	textScores map[int]float64
}

type stemResult struct {
	text      string
	at, shift int
	ok        bool
	score     float64 // sentenceScore of the stem
}

// lowerWords returns the set of words the article writes in lower case
// somewhere: "coinfection" in the text makes "Coinfection" at a
// sentence's start a common noun, not a name.
func (g *generator) lowerWords() map[string]bool {
	if g.lower == nil {
		g.lower = map[string]bool{}
		for _, s := range g.sents {
			for _, w := range strings.Fields(s.Text) {
				w = strings.Trim(w, ".,;:!?\"'“”()")
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
					g.lower[w] = true
				}
			}
		}
	}
	return g.lower
}

func newGenerator(a *Article, facts []Fact) *generator {
	g := &generator{a: a, facts: facts, sents: a.Sentences(), byKind: map[Kind][]*Fact{},
		distinct: map[Kind][]*Fact{}, kindOf: map[string]Kind{}, written: map[string]bool{}, norms: map[string]string{},
		words: map[string][]string{}, subj: map[string]bool{}, stems: map[int]stemResult{}, classes: map[string][]string{}, conts: map[string][]string{}}
	g.subject, g.subjectKind = articleSubject(a)
	g.subjectWords = subjectWords(a, g.subject)
	g.subjectRef = subjectReference(g.subject, g.sents)
	g.heads = subjectHeads(a, g.sents)
	g.actors = mainActors(g.sents)
	h := fnv.New64a()
	for _, s := range g.sents {
		h.Write([]byte(s.Text))
		g.written[statementKey(s.Text)] = true
	}
	g.seed = h.Sum64()
	seen := map[string]bool{}
	for i := range facts {
		f := &facts[i]
		g.byKind[f.Kind] = append(g.byKind[f.Kind], f)
		key := string(f.Kind) + "|" + f.Text + "|" + f.date.String()
		if !seen[key] && len(g.distinct[f.Kind]) < maxDistinct {
			seen[key] = true
			g.distinct[f.Kind] = append(g.distinct[f.Kind], f)
		}
		if isName(f.Kind) {
			if _, ok := g.kindOf[f.Text]; !ok {
				g.kindOf[f.Text] = f.Kind
			}
		}
	}
	return g
}

func statementKey(s string) string {
	return strings.ToLower(strings.TrimRight(s, "."))
}

// norm is NormalizeAnswer, remembered: distractor checks compare the same
// names many times.
func (g *generator) norm(s string) string {
	n, ok := g.norms[s]
	if !ok {
		n = NormalizeAnswer(s)
		g.norms[s] = n
	}
	return n
}

// wordsOf returns the words of s once normalised.
func (g *generator) wordsOf(s string) []string {
	w, ok := g.words[s]
	if !ok {
		w = strings.Fields(g.norm(s))
		g.words[s] = w
	}
	return w
}

func subjectWords(a *Article, subject string) map[string]bool {
	names := []string{a.Title, subject}
	for _, f := range a.Infobox {
		if strings.EqualFold(f.Key, "name") {
			names = append(names, strings.NewReplacer("(", " ", ")", " ").Replace(f.Value))
		}
	}
	m := map[string]bool{}
	for _, n := range names {
		for _, w := range strings.Fields(NormalizeAnswer(n)) {
			if !stopwords[w] && !isDigits(w) {
				m[w] = true
			}
		}
	}
	return m
}

// isSubject reports whether a name is the article's subject, or a part of
// one of its names ("the Star" in an article on the Toronto Star): asking
// for it is asking for the title.
func (g *generator) isSubject(name string) bool {
	is, ok := g.subj[name]
	if ok {
		return is
	}
	ws := g.wordsOf(name)
	is = len(ws) > 0
	for _, w := range ws {
		if !g.subjectWords[w] && !connectors[w] {
			is = false
		}
	}
	g.subj[name] = is
	return is
}

// rng returns a random source seeded from the article and a key, so that
// each question's shuffles are fixed however many others there are.
func (g *generator) rng(key string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(key))
	return rand.New(rand.NewPCG(g.seed, h.Sum64()))
}

// fromFact makes the candidate questions one fact allows.
func (g *generator) fromFact(f *Fact) []Question {
	switch f.Kind {
	case KindDate, KindTime, KindNumber, KindPerson, KindPlace, KindOrganisation, KindName:
		return g.cloze(f)
	case KindAcronym:
		return g.acronymQuestions(f)
	case KindDefinition:
		return g.definitionQuestions(f)
	case KindInfobox:
		return g.infoboxQuestions(f)
	}
	return nil
}

// uniquePrompts keeps the first (best) of candidates that ask the same
// thing: a true statement comes from every fact of its sentence.
func uniquePrompts(ranked []Question) []Question {
	seen := map[[2]string]bool{}
	out := ranked[:0]
	for _, q := range ranked {
		key := [2]string{string(q.Type), q.Prompt}
		if !seen[key] {
			seen[key] = true
			out = append(out, q)
		}
	}
	return out
}

// questionID is a stable short hash of what the question asks.
func questionID(q Question) string {
	h := fnv.New64a()
	for _, part := range []string{string(q.Type), q.Prompt, q.Answer, strconv.FormatBool(q.Truth)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	for _, item := range q.Order {
		h.Write([]byte(item))
		h.Write([]byte{1})
	}
	for _, p := range q.Pairs {
		h.Write([]byte(p[0] + "\x02" + p[1] + "\x03"))
	}
	return fmt.Sprintf("q%012x", h.Sum64()&0xffffffffffff)
}

// selectQuestions picks from ranked candidates by rank, keeping the quiz
// varied (see Variety); then, so that a quiz of ten or more is varied in
// type too, it trades the lowest-ranked questions of common types for the
// best of each type still missing. A negative count keeps every
// candidate: that is the pool the server later draws attempts from, with
// a Variety of its own.
func selectQuestions(ranked []Question, opts Options) []Question {
	n := opts.Count
	if n == 0 {
		n = DefaultCount
	}
	if n < 0 && opts.AllowSameAnswer {
		return ranked
	}
	if n < 0 {
		return oncePerFact(ranked)
	}
	v := NewVariety(n, opts.AllowSameAnswer)
	for _, q := range ranked {
		if v.Fits(q, Strict) {
			v.Add(q)
		}
	}
	// a small article, or one of few kinds: fill up past the type cap,
	// then past the kind cap, never past the rules against asking one
	// fact twice
	for _, relax := range []int{PastCaps, PastKinds} {
		for _, q := range ranked {
			if len(v.Chosen()) >= n {
				break
			}
			if v.Fits(q, relax) && !chosenID(v.Chosen(), q) {
				v.Add(q)
			}
		}
	}
	for _, t := range []Type{MultipleChoice, FillBlank, TrueFalse, Numeric, Ordering, Matching} {
		if len(v.Chosen()) < minVaried || hasType(v.Chosen(), t) {
			continue // a short list keeps its best questions whatever their types
		}
		for _, q := range ranked {
			if q.Type != t {
				continue
			}
			// the question on the same sentence gives way first (a typed
			// blank for the multiple choice on its fact), else the
			// lowest-ranked of a common type
			i := twinOfCommonType(v.Chosen(), q)
			if i < 0 {
				i = lowestOfCommonType(v.Chosen())
			}
			if i >= 0 {
				dropped := v.Chosen()[i]
				v.Remove(i)
				relax := PastCaps
				if dropped.Kind == q.Kind {
					relax = PastKinds // one of a kind for another: the kind's count stays as it was
				}
				if v.Fits(q, relax) {
					v.Add(q)
					break
				}
				v.Add(dropped) // put it back; try the next candidate of t
			}
		}
	}
	// most likely first; Generate then lists them in rank order, so this
	// orders questions of equal rank
	out := slices.Clone(v.Chosen())
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// oncePerFact keeps the best-ranked question of each fact (a sentence and
// its answer) and of each prompt: the pool an article's bank holds asks
// each thing once, in the form that ranked best.
func oncePerFact(ranked []Question) []Question {
	seen := map[string]bool{}
	var out []Question
	for _, q := range ranked {
		fact, prompt := "f\x00"+q.Source+"\x00"+answerKey(q), "p\x00"+q.Prompt
		if answerKey(q) == "" {
			fact = "t\x00" + string(q.Type) + q.Prompt
		}
		if seen[fact] || seen[prompt] {
			continue
		}
		seen[fact], seen[prompt] = true, true
		out = append(out, q)
	}
	return out
}

// minVaried is the smallest selection that trades rank for variety.
const minVaried = 6

func hasType(qs []Question, t Type) bool {
	return slices.ContainsFunc(qs, func(q Question) bool { return q.Type == t })
}

func chosenID(qs []Question, q Question) bool {
	return slices.ContainsFunc(qs, func(c Question) bool {
		return c.Type == q.Type && c.Prompt == q.Prompt && c.Answer == q.Answer
	})
}

// twinOfCommonType returns the index of the chosen question on q's
// sentence, when others share its type, or -1.
func twinOfCommonType(qs []Question, q Question) int {
	for i, c := range qs {
		if !sameSource(c.Source, q.Source) {
			continue
		}
		n := 0
		for _, o := range qs {
			if o.Type == c.Type {
				n++
			}
		}
		if n > 1 {
			return i
		}
		return -1
	}
	return -1
}

// lowestOfCommonType returns the index of the lowest-scored question whose
// type others in qs share, or -1.
func lowestOfCommonType(qs []Question) int {
	best := -1
	for i, q := range qs {
		count := 0
		for _, o := range qs {
			if o.Type == q.Type {
				count++
			}
		}
		if count > 1 && (best < 0 || q.Score < qs[best].Score) {
			best = i
		}
	}
	return best
}

// answerKey identifies what a question asks for, so that two questions with
// the same answer are not both chosen. Only an answer of one text has
// one: sets (ordering, matching, the options of multiple answer) and
// true/false statements have none.
func answerKey(q Question) string {
	answer, ok := q.TextAnswer()
	if !ok {
		return ""
	}
	return NormalizeAnswer(answer)
}
