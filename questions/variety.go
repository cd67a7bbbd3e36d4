package questions

import (
	"math"
	"slices"
	"strings"
)

// Variety keeps a quiz varied as questions are chosen for it, whoever
// chooses them (Generate's selection, or the server drawing an attempt
// from an article's pool): no fact asked twice, whatever the type (a fact
// is a sentence and its answer); no type over 40 % of the quiz, no more
// than 30 % true/false and no kind of fact over 30 %; no stem, option or item that states another
// question's answer; no two questions that share two or more options; no
// sentence of an ordering or matching item asked again elsewhere.
type Variety struct {
	n                       int
	typeCap, tfCap, kindCap int
	allowSameAnswer         bool
	chosen                  []Question
}

// NewVariety starts a quiz of n questions. With allowSameAnswer two
// questions may have the same answer (from different sentences).
func NewVariety(n int, allowSameAnswer bool) *Variety {
	return &Variety{n: n, typeCap: int(math.Ceil(float64(n) * 0.4)), kindCap: max(2, int(math.Ceil(float64(n)*0.3))),
		// a statement to judge tests less than a question to answer
		tfCap:           max(1, int(math.Ceil(float64(n)*0.3))),
		allowSameAnswer: allowSameAnswer}
}

// Chosen returns the questions added so far, in the order added.
func (v *Variety) Chosen() []Question { return v.chosen }

// Full reports whether the quiz has its n questions.
func (v *Variety) Full() bool { return len(v.chosen) >= v.n }

// Add adds q, which Fits should have allowed.
func (v *Variety) Add(q Question) { v.chosen = append(v.chosen, q) }

// Remove takes out the i-th chosen question.
func (v *Variety) Remove(i int) { v.chosen = slices.Delete(v.chosen, i, i+1) }

// Relaxations of Fits, for a pool too small for every rule.
const (
	// Strict applies every rule.
	Strict = iota
	// PastCaps lifts the type cap; the kind cap stays.
	PastCaps
	// PastKinds also lifts the kind cap, for a pool whose questions are
	// mostly of one kind (an article of dates): the rules against one fact
	// asked twice or one question giving another away stay.
	PastKinds
	// OnlySentence also lifts the kind cap and lets in a question whose answer another has or
	// whose text names another's answer, and a second question on a
	// sentence with another answer: the last resort of an attempt asked
	// for more questions than its pool has facts. Generate never goes
	// this far.
	OnlySentence
)

// Fits reports whether q may join the quiz at the given relaxation: there
// is room, its type and kind are under their caps, and it clashes with no
// chosen question.
func (v *Variety) Fits(q Question, relax int) bool {
	if len(v.chosen) >= v.n {
		return false
	}
	types, kinds, sentence := 0, 0, 0
	for i := range v.chosen {
		c := &v.chosen[i]
		if c.Type == q.Type {
			types++
		}
		if c.Kind == q.Kind && q.Kind != "" {
			kinds++
		}
		if sameSource(c.Source, q.Source) {
			// one question a sentence; two when one of them asks a single
			// fact of it in a question of its own ("In what year was the
			// Star created?" beside a blank in the same sentence), or at
			// the last resort; never on the same answer
			sentence++
			if sentence >= 2 || answerKey(*c) == answerKey(q) ||
				relax < OnlySentence && !asksAlone(c) && !asksAlone(&q) {
				return false
			}
		}
		if relax < OnlySentence && v.clash(c, &q) {
			return false
		}
	}
	typeCap := v.typeCap
	if q.Type == TrueFalse {
		typeCap = v.tfCap
	}
	kindCap := v.kindCap
	if q.Kind == KindAcronym {
		kindCap = max(1, v.kindCap-1) // "What does X stand for?" tires soonest
	}
	if q.Type == TrueFalse && relax < OnlySentence && types >= typeCap {
		return false // the true/false cap holds when the others are lifted
	}
	return (relax >= PastCaps || types < typeCap) && (relax >= PastKinds || kinds < kindCap)
}

// clash reports whether two questions of one quiz ask the same answer or
// give each other away.
func (v *Variety) clash(a, b *Question) bool {
	ka, kb := answerKey(*a), answerKey(*b)
	if !v.allowSameAnswer && ka != "" && ka == kb {
		return true
	}
	if ka != "" && statesKey(b, ka) || kb != "" && statesKey(a, kb) {
		return true
	}
	return sharedOptions(a.Options, b.Options) >= 2
}

// asksAlone reports whether q is a question of its own ("Who founded
// ...?") rather than its sentence with a blank or to judge: it asks one
// fact of the sentence and shows none of the rest.
func asksAlone(q *Question) bool {
	return (q.Type == MultipleChoice || q.Type == FillBlank) && strings.HasSuffix(q.Prompt, "?") &&
		!strings.Contains(q.Prompt, Blank)
}

// sameSource reports whether two questions come from one sentence; the
// source of an ordering or matching question is its items' sentences
// joined, so one contained in the other counts too.
func sameSource(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}

// statesKey reports whether question q's text (its stem, options and
// items) says the answer key of another question.
func statesKey(q *Question, key string) bool {
	if len(key) < 3 {
		return false // "1", "a": too short to give anything away
	}
	texts := append([]string{q.Prompt}, q.Options...)
	texts = append(texts, q.Order...)
	for _, p := range q.Pairs {
		texts = append(texts, p[0], p[1])
	}
	if q.Type != MultipleChoice {
		texts = append(texts, q.Answer)
	}
	if q.Type == TrueFalse && !q.Truth {
		texts = append(texts, q.Source) // a false statement asks what its sentence says
	}
	for _, t := range texts {
		if containsWords(NormalizeAnswer(t), key) {
			return true
		}
	}
	return false
}

// sharedOptions counts the options two questions have in common.
func sharedOptions(a, b []string) int {
	n := 0
	for _, x := range a {
		nx := NormalizeAnswer(x)
		for _, y := range b {
			if nx != "" && nx == NormalizeAnswer(y) {
				n++
				break
			}
		}
	}
	return n
}
