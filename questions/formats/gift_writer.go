package formats

import (
	"bufio"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"factquiz/questions"
)

// WriteGIFT writes qs in Moodle's GIFT format, in their order, so that
// ParseGIFT reads them back: titles, tags, feedback, option feedback and
// weights included. A $CATEGORY line is written wherever the tags change
// from one question to the next, so sorting qs by tags first gives one
// line per category.
//
// A multiple choice question whose prompt has "_____" in it is written as
// a missing-word question, with the answers in the blank's place.
// Accepted forms of a multiple choice answer that are no option are left
// out, as GIFT can only mark options right.
//
// The questions GIFT cannot hold (ordering questions, and questions
// without a prompt, options or a right answer) are left out and listed
// in skipped, each as its ID (or title) and why.
func WriteGIFT(w io.Writer, qs []questions.Question) (skipped []string, err error) {
	category := giftCategoryLine(nil)
	return writeEach(w, qs, func(bw *bufio.Writer, q questions.Question) (string, error) {
		text, why, err := giftQuestion(q)
		if why != "" || err != nil {
			return why, err
		}
		if line := giftCategoryLine(q.Tags); line != category {
			bw.WriteString(line + "\n\n")
			category = line
		}
		bw.WriteString(text + "\n\n")
		return "", nil
	})
}

// giftCategoryLine writes tags as a category path in the course's
// question bank. Segments are padded with spaces when a name starts or
// ends with "/", which would otherwise merge with the separator.
func giftCategoryLine(tags []string) string {
	var segs []string
	pad := false
	for _, t := range tags {
		t = strings.TrimSpace(strings.ReplaceAll(t, "\n", " "))
		if t == "" {
			continue
		}
		t = strings.ReplaceAll(t, "/", "//")
		pad = pad || strings.HasPrefix(t, "/") || strings.HasSuffix(t, "/")
		segs = append(segs, t)
	}
	if len(segs) == 0 {
		return "$CATEGORY: $course$/top"
	}
	if pad {
		return "$CATEGORY: $course$/top/ " + strings.Join(segs, " / ")
	}
	return "$CATEGORY: $course$/top/" + strings.Join(segs, "/")
}

// giftQuestion writes one question, or says why it cannot.
func giftQuestion(q questions.Question) (text, why string, err error) {
	if strings.TrimSpace(q.Prompt) == "" {
		return "", "it has no prompt", nil
	}
	parts, why, err := giftParts(q)
	if why != "" || err != nil {
		return "", why, err
	}
	if fb := strings.TrimSpace(q.Feedback); fb != "" {
		parts = append(parts, "####"+giftWrite(fb))
	}
	var b strings.Builder
	if q.Title != "" {
		b.WriteString("::" + giftEscape(q.Title) + "::")
	}
	if i := strings.Index(q.Prompt, "_____"); i >= 0 && strings.TrimSpace(q.Prompt[i+5:]) != "" {
		b.WriteString(giftWritePrompt(q.Prompt[:i]))
		b.WriteString("{" + strings.Join(parts, " ") + "}")
		b.WriteString(giftEscape(q.Prompt[i+5:]))
		return b.String(), "", nil
	}
	b.WriteString(giftWritePrompt(q.Prompt))
	if len(parts) == 1 || q.Type == questions.TrueFalse || q.Type == questions.Numeric {
		b.WriteString("{" + strings.Join(parts, " ") + "}")
	} else {
		b.WriteString("{\n\t" + strings.Join(parts, "\n\t") + "\n}")
	}
	return b.String(), "", nil
}

// giftParts writes the answers of a question, one part each, for the
// types questions.Types says GIFT holds. A type it says GIFT holds but
// that has no case here is an error, not a question skipped.
func giftParts(q questions.Question) (parts []string, why string, err error) {
	if why := unheld(q.Type, "gift", "GIFT"); why != "" {
		return nil, why, nil
	}
	switch q.Type {
	case questions.MultipleChoice:
		parts, why = giftChoiceParts(q)
	case questions.MultipleAnswer:
		parts, why = giftMultipleAnswerParts(q)
	case questions.TrueFalse:
		parts = giftTrueFalseParts(q)
	case questions.FillBlank:
		parts, why = giftShortAnswerParts(q)
	case questions.Matching:
		parts, why = giftMatchingParts(q)
	case questions.Numeric:
		parts, why = giftNumericParts(q)
	default:
		return nil, "", noCase("WriteGIFT", "GIFT", q.Type)
	}
	return parts, why, nil
}

func giftChoiceParts(q questions.Question) ([]string, string) {
	if why := giftOptionsProblem(q.Options); why != "" {
		return nil, why
	}
	if !slices.Contains(q.Options, q.Answer) {
		return nil, "its answer is not one of its options"
	}
	right := rightOptions(q)
	// A block with no ~ is not multiple choice, so when every option is
	// right the others are written as ~ with full weight.
	allRight := !slices.Contains(right, false)
	parts := make([]string, len(q.Options))
	first := true
	for i, o := range q.Options {
		switch {
		case right[i] && (first || !allRight):
			parts[i] = giftAnswer("=", "%100%", true, o)
			first = false
		case right[i]:
			parts[i] = giftAnswer("~", "%100%", false, o)
		default:
			parts[i] = giftAnswer("~", "%0%", true, o)
		}
		parts[i] += giftOptionFeedback(q, i)
	}
	return parts, ""
}

// rightOptions marks the options that are the answer or an accepted form.
func rightOptions(q questions.Question) []bool {
	right := make([]bool, len(q.Options))
	for i, o := range q.Options {
		right[i] = o == q.Answer || slices.Contains(q.Accepted, o)
	}
	return right
}

func giftMultipleAnswerParts(q questions.Question) ([]string, string) {
	if why := giftOptionsProblem(q.Options); why != "" {
		return nil, why
	}
	weights := questions.OptionWeights(q)
	if msg := checkWeights(weights); msg != "" {
		return nil, msg
	}
	parts := make([]string, len(q.Options))
	for i, o := range q.Options {
		parts[i] = giftAnswer("~", "%"+formatNumber(weights[i])+"%", weights[i] == 0, o) + giftOptionFeedback(q, i)
	}
	return parts, ""
}

func giftTrueFalseParts(q questions.Question) []string {
	var onTrue, onFalse string
	if len(q.OptionFeedback) == 2 {
		onTrue, onFalse = strings.TrimSpace(q.OptionFeedback[0]), strings.TrimSpace(q.OptionFeedback[1])
	}
	answer, right, wrong := "TRUE", onTrue, onFalse
	if !q.Truth {
		answer, right, wrong = "FALSE", onFalse, onTrue
	}
	switch {
	case wrong != "":
		answer += "#" + giftWrite(wrong)
	case right != "":
		answer += "#"
	}
	if right != "" {
		answer += "#" + giftWrite(right)
	}
	return []string{answer}
}

func giftShortAnswerParts(q questions.Question) ([]string, string) {
	var parts []string
	for _, a := range append([]string{q.Answer}, q.Accepted...) {
		switch {
		case strings.TrimSpace(a) == "":
			return nil, "it has an empty answer"
		case strings.Contains(a, "->"):
			return nil, `an answer holds "->", which GIFT reads as a matching pair`
		}
		parts = append(parts, giftAnswer("=", "%100%", true, a))
	}
	return parts, ""
}

func giftMatchingParts(q questions.Question) ([]string, string) {
	if len(q.Pairs) < 2 {
		return nil, "a matching question needs at least two pairs"
	}
	var parts, rights []string
	for _, p := range q.Pairs {
		switch {
		case strings.TrimSpace(p[0]) == "" || strings.TrimSpace(p[1]) == "":
			return nil, "it has an empty pair"
		case strings.Contains(p[0], "->"):
			return nil, `a left item holds "->", which GIFT reads as the pair's arrow`
		}
		parts = append(parts, "="+giftWrite(p[0])+" -> "+giftWrite(p[1]))
		rights = append(rights, p[1])
	}
	for _, o := range q.Options {
		if strings.TrimSpace(o) != "" && !slices.Contains(rights, o) {
			parts = append(parts, "= -> "+giftWrite(o))
			rights = append(rights, o)
		}
	}
	return parts, ""
}

func giftNumericParts(q questions.Question) ([]string, string) {
	v, ok := parseDecimal(q.Answer)
	if !ok {
		// "381,310" or "twenty", which GIFT writes in digits.
		if v, ok = questions.ParseNumber(q.Answer); !ok || math.IsInf(v, 0) {
			return nil, "its answer is not a number"
		}
		v = roundNumber(v)
	}
	part := "#" + formatNumber(v)
	switch tol := q.Tolerance; {
	case math.IsInf(tol, 0):
		return nil, "its tolerance is not a number"
	case tol > 0:
		part += ":" + formatNumber(roundNumber(tol))
	}
	return []string{part}, ""
}

func giftOptionsProblem(options []string) string {
	if len(options) < 2 {
		return "it needs at least two options"
	}
	for _, o := range options {
		if strings.TrimSpace(o) == "" {
			return "it has an empty option"
		}
	}
	if o, found := repeatedOption(options); found {
		return "it has the option " + strconv.Quote(o) + " twice"
	}
	return ""
}

// giftAnswer writes an answer after its mark and weight. A weight that
// goes without saying (100% after =, 0% after ~) is left out, unless the
// text starts with "%" and would be taken for one.
func giftAnswer(mark, weight string, implied bool, text string) string {
	t := giftWrite(text)
	if implied && !strings.HasPrefix(strings.TrimSpace(t), "%") {
		return mark + t
	}
	return mark + weight + t
}

func giftOptionFeedback(q questions.Question, i int) string {
	if i >= len(q.OptionFeedback) || strings.TrimSpace(q.OptionFeedback[i]) == "" {
		return ""
	}
	return "#" + giftWrite(q.OptionFeedback[i])
}

// giftWrite escapes text and protects its start: a [html]-like prefix
// that ParseGIFT would take for the text's format gets a [moodle] prefix
// in front, which is dropped on reading.
func giftWrite(s string) string {
	e := giftEscape(s)
	if t := strings.TrimSpace(s); stripFormat(t) != t {
		return "[moodle]" + e
	}
	return e
}

// giftWritePrompt is giftWrite for the start of a line, where "//" would
// make a comment.
func giftWritePrompt(s string) string {
	if strings.HasPrefix(strings.TrimSpace(s), "//") {
		return "[moodle]" + giftEscape(s)
	}
	return giftWrite(s)
}

var giftEscaper = strings.NewReplacer(`\`, `\\`, "~", `\~`, "=", `\=`, "#", `\#`,
	"{", `\{`, "}", `\}`, ":", `\:`, "\n", `\n`)

func giftEscape(s string) string { return giftEscaper.Replace(s) }
