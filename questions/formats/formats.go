package formats

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"factquiz/questions"
)

// The kinds of problem a FormatError reports, for errors.Is.
var (
	// ErrSyntax is text the format cannot read: an unclosed brace, an
	// ANSWER line with no question, a malformed CSV record.
	ErrSyntax = errors.New("not in the format's syntax")
	// ErrInvalid is a question the format can read but no one can answer:
	// too few options, a right answer that is no option, weights that do
	// not add up.
	ErrInvalid = errors.New("not a question that can be asked")
	// ErrUnsupported is what the engine cannot hold: an unknown type, an
	// essay, partial credit on an answer that can only be right or wrong.
	ErrUnsupported = errors.New("not supported")
)

// FormatError is a problem at a line of an imported file: what is wrong
// and what kind of problem it is.
type FormatError struct {
	Line int   // 1-based
	Err  error // ErrSyntax, ErrInvalid or ErrUnsupported, perhaps with a cause
	Msg  string
}

// Error returns the problem with its line: "line 12: unclosed {".
func (e *FormatError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Unwrap returns the kind of problem, so that errors.Is(err, ErrSyntax)
// tells a file that is not in its format from a question that is wrong.
func (e *FormatError) Unwrap() error { return e.Err }

// Imported is a question read from a file, with the line it starts at.
type Imported struct {
	Question questions.Question
	Line     int
}

// ImportResult is what a file held: the questions read, the errors (the
// questions that could not be read, each with its line) and what was
// skipped as not supported (essays, descriptions, partial-credit answers
// a type cannot hold).
type ImportResult struct {
	Questions []Imported
	Errors    []*FormatError
	Skipped   []*FormatError // all ErrUnsupported
}

func (r *ImportResult) add(q questions.Question, line int, idPrefix string) {
	if q.Title != "" {
		q.ID = q.Title
	} else {
		q.ID = contentID(idPrefix, q)
	}
	r.Questions = append(r.Questions, Imported{Question: q, Line: line})
}

// fail records a question that could not be read: a problem of a kind at
// a line.
func (r *ImportResult) fail(kind error, line int, format string, args ...any) {
	r.Errors = append(r.Errors, &FormatError{Line: line, Err: kind, Msg: fmt.Sprintf(format, args...)})
}

// holds reports whether questions.Types says a format, by its name in
// FileFormats, can hold questions of type t.
func holds(format string, t questions.Type) bool {
	info, known := questions.Lookup(t)
	return known && slices.Contains(info.Formats, format)
}

// unheld says why a format, named by name in FileFormats and by title in
// messages, does not hold questions of type t, or "" when it does: "GIFT
// has no ordering questions", or "GIFT cannot hold essay questions" for a
// type the engine does not know.
func unheld(t questions.Type, name, title string) string {
	switch {
	case holds(name, t):
		return ""
	case !known(t):
		return title + " cannot hold " + string(t) + " questions"
	}
	return title + " has no " + strings.ReplaceAll(string(t), "_", " ") + " questions"
}

// heldLabels names the types a format holds, for a message: "multiple
// choice".
func heldLabels(format string) string {
	var labels []string
	for _, info := range questions.Types {
		if slices.Contains(info.Formats, format) {
			labels = append(labels, strings.ToLower(info.Label))
		}
	}
	return strings.Join(labels, " and ")
}

func known(t questions.Type) bool {
	_, ok := questions.Lookup(t)
	return ok
}

// noCase is the error of a reader or writer (fn) that has no case for a
// type questions.Types says its format holds: a type added to the list
// without its part here.
func noCase(fn, title string, t questions.Type) error {
	return fmt.Errorf("formats: questions.Types says %s holds %s questions, but %s has no case for them", title, t, fn)
}

// contentID names an imported question after its content, so that
// importing the same file twice gives the same IDs.
func contentID(prefix string, q questions.Question) string {
	q.ID = ""
	data, err := json.Marshal(q)
	if err != nil { // a NaN somewhere
		data = fmt.Appendf(nil, "%#v", q)
	}
	sum := sha256.Sum256(data)
	return prefix + "-" + hex.EncodeToString(sum[:6])
}

// writeEach writes qs one by one with write, which says why it left a
// question out, and lists those in skipped, each as its name and why.
func writeEach(w io.Writer, qs []questions.Question, write func(*bufio.Writer, questions.Question) (why string, err error)) (skipped []string, err error) {
	bw := bufio.NewWriter(w)
	for _, q := range qs {
		why, err := write(bw, q)
		if err != nil {
			return skipped, err
		}
		if why != "" {
			skipped = append(skipped, questionName(q)+": "+why)
		}
	}
	return skipped, bw.Flush()
}

// questionName names a question in a writer's list of skipped questions.
func questionName(q questions.Question) string {
	switch {
	case q.ID != "":
		return q.ID
	case q.Title != "":
		return q.Title
	}
	p := []rune(q.Prompt)
	if len(p) > 40 {
		p = append(p[:40], '…')
	}
	return strconv.Quote(string(p))
}

// checkWeights reports what is wrong with the weights of a multiple_answer
// question, or "" when nothing is.
func checkWeights(weights []float64) string {
	right := 0.0
	for _, w := range weights {
		if msg := checkWeight(w); msg != "" {
			return msg
		}
		if w > 0 {
			right += w
		}
	}
	if math.Abs(right-100) > questions.WeightSlack {
		return fmt.Sprintf("the right answers' weights add up to %s%%, not 100%%", formatNumber(right))
	}
	return ""
}

func checkWeight(w float64) string {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		return "a weight must be a number"
	case w > 100:
		return fmt.Sprintf("weight %s%% is over 100%%", formatNumber(w))
	case w < -100:
		return fmt.Sprintf("weight %s%% is under -100%%", formatNumber(w))
	}
	return ""
}

// repeatedOption returns an option given twice, which cannot be told
// apart from the first when it is chosen: the same as written, or the same
// once normalised ("!0" and "0"), since grading compares options by
// sameText.
func repeatedOption(options []string) (string, bool) {
	seen := make(map[string]bool, len(options))
	for _, o := range options {
		key := optionKey(o)
		if seen[key] {
			return o, true
		}
		seen[key] = true
	}
	return "", false
}

// optionKey is the key under which sameText finds two options equal.
func optionKey(o string) string {
	if n := questions.NormalizeAnswer(o); n != "" {
		return "n" + n
	}
	return "t" + strings.TrimSpace(o)
}

// rightByWeight returns the options with a positive weight.
func rightByWeight(options []string, weights []float64) []string {
	var right []string
	for i, o := range options {
		if weights[i] > 0 {
			right = append(right, o)
		}
	}
	return right
}

// parseDecimal reads a number as GIFT writes one ("-3.5", "1e3"),
// rounded to 15 significant digits so that a range's middle is 0.15, not
// 0.15000000000000002.
func parseDecimal(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return roundNumber(v), true
}

func roundNumber(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return r
}

// roundToScale rounds x to the precision of a number as large as scale (15
// significant digits), so that the tolerance of 3.14..3.15 is 0.005, not
// 0.00499999999999989.
func roundToScale(x, scale float64) float64 {
	digits := 14 - int(math.Floor(math.Log10(scale)))
	if scale == 0 || digits < 0 || digits > 300 {
		return roundNumber(x)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', digits, 64), 64)
	return r
}

// formatNumber writes a number plainly: "3", "0.25", "-1200".
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// matchingOptions are the choices of an imported matching question: the
// distinct right-hand items and the extra wrong ones, in an order seeded
// from them (formats do not keep one) that differs from the pairs' order.
// The extras are sorted first so that the order does not depend on where
// a file lists them.
func matchingOptions(pairs [][2]string, extras []string) []string {
	var items []string
	seen := map[string]bool{} // not slices.Contains: a question of many pairs would be quadratic
	add := func(it string) {
		if !seen[it] {
			seen[it] = true
			items = append(items, it)
		}
	}
	for _, p := range pairs {
		add(p[1])
	}
	extras = slices.Clone(extras)
	slices.Sort(extras)
	for _, e := range extras {
		add(e)
	}
	return questions.ShuffledApart(items)
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// nilIfBlank returns nil for a list of feedback that says nothing.
func nilIfBlank(s []string) []string {
	if strings.Join(s, "") == "" {
		return nil
	}
	return s
}
