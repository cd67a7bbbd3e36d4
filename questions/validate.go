package questions

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of a question written by hand or imported.
const (
	MaxOptions   = 12   // options, items or pairs
	MaxPromptLen = 2000 // characters
	MaxAnswerLen = 300  // characters of one answer or option

	MaxTitleLen    = 200  // characters of a question's title
	MaxFeedbackLen = 2000 // characters of the general feedback, or of the feedback on one option
	MaxTags        = 20   // tags of one question
	MaxTagLen      = 100  // characters of one tag
)

// Validate checks a question an instructor wrote or imported, and says
// what is wrong by field: "prompt", "options", "right", "weights",
// "answer", "accepted", "tolerance", "items", "pairs", "title",
// "feedback", "tags". An empty map means the question can be asked and
// graded.
func Validate(q Question) map[string]string {
	errs := map[string]string{}
	switch n := utf8.RuneCountInString(strings.TrimSpace(q.Prompt)); {
	case n == 0:
		errs["prompt"] = "Write the question."
	case n > MaxPromptLen:
		errs["prompt"] = fmt.Sprintf("The question may be at most %d characters long.", MaxPromptLen)
	}
	typeOf(q.Type).validate(q, errs)
	textProblems(q, errs)
	return errs
}

// validateChoice checks the options of a multiple choice question and
// that one of them is marked right.
func validateChoice(q Question, errs map[string]string) {
	if msg := listProblem(q.Options, "options"); msg != "" {
		errs["options"] = msg
	} else if q.Answer == "" || !slices.Contains(q.Options, q.Answer) {
		errs["right"] = "Mark the right option."
	}
}

// validateChoices checks the options of a multiple answer question and
// their weights.
func validateChoices(q Question, errs map[string]string) {
	if msg := listProblem(q.Options, "options"); msg != "" {
		errs["options"] = msg
	} else if msg := weightProblem(q.Weights, len(q.Options)); msg != "" {
		errs["weights"] = msg
	}
}

// validateTruth has nothing to check: a true/false question's answer is
// always true or false.
func validateTruth(Question, map[string]string) {}

// validateTyped checks the answer of a fill-in question and its other
// accepted forms.
func validateTyped(q Question, errs map[string]string) {
	if msg := answerProblem(q.Answer); msg != "" {
		errs["answer"] = msg
	}
	for _, a := range q.Accepted {
		if utf8.RuneCountInString(a) > MaxAnswerLen {
			errs["accepted"] = fmt.Sprintf("Each accepted answer may be at most %d characters long.", MaxAnswerLen)
		}
	}
}

// validateNumeric checks that a numeric question's answer is a number and
// its tolerance one of 0 or more.
func validateNumeric(q Question, errs map[string]string) {
	if _, ok := ParseNumber(q.Answer); !ok {
		errs["answer"] = "The answer must be a number, such as 1500 or 2.5."
	}
	if q.Tolerance < 0 || math.IsNaN(q.Tolerance) || math.IsInf(q.Tolerance, 0) {
		errs["tolerance"] = "The tolerance must be a number of 0 or more."
	}
}

// validateOrder checks the items of an ordering question.
func validateOrder(q Question, errs map[string]string) {
	if msg := listProblem(q.Order, "items"); msg != "" {
		errs["items"] = msg
	}
}

// validatePairs checks the pairs of a matching question: the left-hand
// items as a list, each right-hand one as an answer.
func validatePairs(q Question, errs map[string]string) {
	lefts := make([]string, len(q.Pairs))
	for i, p := range q.Pairs {
		lefts[i] = p[0]
	}
	if msg := listProblem(lefts, "pairs"); msg != "" {
		errs["pairs"] = msg
	}
	// Right-hand sides may repeat, but each is an answer to choose.
	for _, p := range q.Pairs {
		if msg := answerProblem(p[1]); msg != "" && errs["pairs"] == "" {
			errs["pairs"] = msg
		}
	}
}

// textProblems adds what is too long among the texts every type may have:
// the title, the feedback and the tags.
func textProblems(q Question, errs map[string]string) {
	if utf8.RuneCountInString(q.Title) > MaxTitleLen {
		errs["title"] = fmt.Sprintf("The title may be at most %d characters long.", MaxTitleLen)
	}
	if utf8.RuneCountInString(q.Feedback) > MaxFeedbackLen {
		errs["feedback"] = fmt.Sprintf("The feedback may be at most %d characters long.", MaxFeedbackLen)
	}
	for _, fb := range q.OptionFeedback {
		if utf8.RuneCountInString(fb) > MaxFeedbackLen && errs["options"] == "" {
			errs["options"] = fmt.Sprintf("The feedback on an option may be at most %d characters long.", MaxFeedbackLen)
		}
	}
	if len(q.Tags) > MaxTags {
		errs["tags"] = fmt.Sprintf("Give at most %d tags.", MaxTags)
	}
	for _, t := range q.Tags {
		if utf8.RuneCountInString(t) > MaxTagLen && errs["tags"] == "" {
			errs["tags"] = fmt.Sprintf("Each tag may be at most %d characters long.", MaxTagLen)
		}
	}
}

// listProblem checks the options, items or pairs of a question: at least
// two, at most MaxOptions, none empty, too long or given twice.
func listProblem(items []string, what string) string {
	switch {
	case len(items) < 2:
		return fmt.Sprintf("Give at least two %s.", what)
	case len(items) > MaxOptions:
		return fmt.Sprintf("Give at most %d %s.", MaxOptions, what)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if msg := answerProblem(it); msg != "" {
			return msg
		}
		key := NormalizeAnswer(it)
		if seen[key] {
			return fmt.Sprintf("“%s” is given twice: each of the %s must differ.", it, what)
		}
		seen[key] = true
	}
	return ""
}

func answerProblem(s string) string {
	switch n := utf8.RuneCountInString(strings.TrimSpace(s)); {
	case n == 0:
		return "The answer may not be empty."
	case n > MaxAnswerLen:
		return fmt.Sprintf("An answer may be at most %d characters long.", MaxAnswerLen)
	}
	return ""
}

// weightProblem checks the credit of a multiple answer question: one weight
// an option, each from -100 to 100, the right ones adding up to 100.
func weightProblem(weights []float64, options int) string {
	if len(weights) != options {
		return "Give every option a weight."
	}
	sum := 0.0
	for _, w := range weights {
		if w < -100 || w > 100 || math.IsNaN(w) {
			return "Each weight is a percent from -100 to 100."
		}
		if w > 0 {
			sum += w
		}
	}
	if math.Abs(sum-100) > 0.01 {
		return fmt.Sprintf("The weights of the right options must add up to 100; they add up to %g.", sum)
	}
	return ""
}
