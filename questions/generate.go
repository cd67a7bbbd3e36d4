package questions

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
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
}

// Generate builds questions from an article and its facts: it makes every
// candidate the facts allow, drops the ones that fail the quality checks,
// ranks the rest by how central and clear they are, and picks a varied set.
// The result depends only on the article, never on the clock.
func Generate(a *Article, facts []Fact, opts Options) []Question {
	g := newGenerator(a, facts)
	var cands []Question
	for i := range facts {
		cands = append(cands, g.fromFact(&facts[i])...)
	}
	cands = append(cands, g.ordering()...)
	cands = append(cands, g.matching()...)
	cands = append(cands, g.sideStatements()...)
	for i := range cands {
		cands[i].Score = math.Round(cands[i].Score*1000) / 1000
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := &cands[i], &cands[j]
		if a.Score != b.Score {
			return a.Score > b.Score
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
	for i := range out {
		out[i].ID = questionID(out[i])
	}
	return out
}

// generator holds what question building needs to know about the article.
type generator struct {
	a           *Article
	facts       []Fact
	sents       []Sentence
	subject     string // what the article is about, as a sentence names it
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
	subj    map[string]bool     // isSubject, memoised
	stems   map[int]stemResult  // stem, memoised by sentence
	// givenNames are the first words of person names (see firstNames).
	givenNames map[string]bool
}

type stemResult struct {
	text      string
	at, shift int
	ok        bool
	score     float64 // sentenceScore of the stem
}

func newGenerator(a *Article, facts []Fact) *generator {
	g := &generator{a: a, facts: facts, sents: a.Sentences(), byKind: map[Kind][]*Fact{},
		distinct: map[Kind][]*Fact{}, kindOf: map[string]Kind{}, written: map[string]bool{}, norms: map[string]string{},
		words: map[string][]string{}, subj: map[string]bool{}, stems: map[int]stemResult{}}
	g.subject, g.subjectKind = articleSubject(a)
	g.subjectWords = subjectWords(a, g.subject)
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
		if !seen[key] {
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

// selectQuestions picks from ranked candidates by rank, never asking the
// same answer or the same sentence twice and keeping any one type under
// 40 %; then, so that a quiz of ten or more is varied, it trades the
// lowest-ranked questions of common types for the best of each type still
// missing.
func selectQuestions(ranked []Question, opts Options) []Question {
	n := opts.Count
	if n == 0 {
		n = DefaultCount
	}
	s := newSelection(n, opts.AllowSameAnswer)
	if n < 0 {
		s.n, s.typeCap, s.perSource = len(ranked), len(ranked), len(ranked)
	}
	for _, q := range ranked {
		if len(s.out) < s.n && s.fits(q) {
			s.take(q)
		}
	}
	for _, t := range []Type{MultipleChoice, FillBlank, TrueFalse, Numeric, Ordering, Matching} {
		if s.perType[t] > 0 || len(s.out) < minVaried {
			continue // a short list keeps its best questions whatever their types
		}
		for _, q := range ranked {
			if q.Type == t && s.fits(q) && s.dropLowest() {
				s.take(q)
				break
			}
		}
	}
	sort.SliceStable(s.out, func(i, j int) bool { return s.out[i].Score > s.out[j].Score })
	return s.out
}

// minVaried is the smallest selection that trades rank for variety.
const minVaried = 10

// selection is the state of selectQuestions.
type selection struct {
	n, typeCap, perSource int
	allowSameAnswer       bool
	out                   []Question
	usedAnswer            map[string]int
	usedSource            map[string]int
	perType               map[Type]int
}

func newSelection(n int, allowSameAnswer bool) *selection {
	return &selection{n: n, typeCap: int(math.Ceil(float64(n) * 0.4)), perSource: 1,
		allowSameAnswer: allowSameAnswer, usedAnswer: map[string]int{}, usedSource: map[string]int{},
		perType: map[Type]int{}}
}

func (s *selection) fits(q Question) bool {
	key := answerKey(q)
	return s.perType[q.Type] < s.typeCap && (s.allowSameAnswer || key == "" || s.usedAnswer[key] == 0) &&
		s.usedSource[q.Source] < s.perSource
}

func (s *selection) take(q Question) {
	s.out = append(s.out, q)
	s.count(q, 1)
}

func (s *selection) count(q Question, d int) {
	s.perType[q.Type] += d
	s.usedSource[q.Source] += d
	if key := answerKey(q); key != "" {
		s.usedAnswer[key] += d
	}
}

// dropLowest makes room by removing the lowest-ranked question whose type
// has others in the selection. It reports whether there is room.
func (s *selection) dropLowest() bool {
	if len(s.out) < s.n {
		return true
	}
	for i := len(s.out) - 1; i >= 0; i-- {
		if q := s.out[i]; s.perType[q.Type] > 1 {
			s.count(q, -1)
			s.out = append(s.out[:i], s.out[i+1:]...)
			return true
		}
	}
	return false
}

// answerKey identifies what a question asks for, so that two questions with
// the same answer are not both chosen. Sets (ordering, matching) and
// true/false statements have none.
func answerKey(q Question) string {
	switch q.Type {
	case Ordering, Matching, TrueFalse:
		return ""
	}
	return NormalizeAnswer(q.Answer)
}
