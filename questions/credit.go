package questions

import (
	"slices"
	"strings"
)

// WeightSlack is how far from 100 the right weights of a multiple_answer
// question may add up, since thirds and sevenths are written rounded
// (33.33333).
const WeightSlack = 0.01

// Credit returns the share of full marks, from 0 to 1, that given earns
// on q. Only multiple_answer questions give partial credit: given is the
// list of options chosen, and the weights of the chosen options are added
// up (an option chosen twice counts once, text that is no option counts
// nothing), kept within 0 and 100 and divided by 100. Every other type
// earns 1 or 0, as CheckAnswer says.
func Credit(q Question, given any) float64 {
	return typeOf(q.Type).credit(q, given)
}

// weightedCredit is the credit of a multiple_answer question: the weights
// of the options chosen, added up.
func weightedCredit(q Question, given any) float64 {
	chosen, ok := stringsOf(given)
	if !ok {
		return 0
	}
	weights := OptionWeights(q)
	picked := make([]bool, len(q.Options))
	// A chosen text longer than every option together is no option, and
	// a huge request body is not worth normalising.
	limit := 4*len(strings.Join(q.Options, " ")) + 64
	total := 0.0
	for _, c := range chosen {
		i := -1
		if len(c) <= limit {
			i = optionIndex(q.Options, c)
		}
		if i < 0 || picked[i] {
			continue
		}
		picked[i] = true
		total += weights[i]
	}
	switch {
	case total >= 100-WeightSlack:
		return 1
	case !(total > 0): // also NaN
		return 0
	}
	return total / 100
}

// OptionWeights returns the percent credit each option of a
// multiple_answer question earns: q.Weights when there is one per option.
// Otherwise the right options (those in q.Answers) share 100 and the wrong
// ones share -100, so that choosing every option earns nothing.
func OptionWeights(q Question) []float64 {
	if len(q.Weights) == len(q.Options) {
		return q.Weights
	}
	right := make([]bool, len(q.Options))
	nRight := 0
	for i, o := range q.Options {
		right[i] = slices.ContainsFunc(q.Answers, func(a string) bool { return sameText(a, o) })
		if right[i] {
			nRight++
		}
	}
	weights := make([]float64, len(q.Options))
	for i := range weights {
		if right[i] {
			weights[i] = 100 / float64(nRight)
		} else {
			weights[i] = -100 / float64(len(q.Options)-nRight)
		}
	}
	return weights
}

// optionIndex returns the index of the option that s names, preferring an
// exact match, or -1.
func optionIndex(options []string, s string) int {
	if i := slices.Index(options, s); i >= 0 {
		return i
	}
	return slices.IndexFunc(options, func(o string) bool { return sameText(s, o) })
}
