package formats

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"factquiz/questions"
)

// csvColumns are the columns of the CSV format, in the order WriteCSV
// writes them. ParseCSV takes them in any order; type, prompt and answer
// are required, a missing other column reads as empty.
//
//	type             multiple_choice, multiple_answer, true_false, fill_blank,
//	                 numeric, ordering or matching
//	title            a short name; it is also the imported question's ID
//	prompt           the question
//	options          the options, one per line
//	answer           multiple_choice, fill_blank: the answer;
//	                 numeric: a number; true_false: true or false;
//	                 multiple_answer: the right options, one per line;
//	                 ordering: the items in their right order, one per line;
//	                 matching: one "left -> right" pair per line
//	accepted         other accepted forms of the answer, one per line
//	tolerance        how far a numeric answer may be off, a number
//	weights          multiple_answer: the percent credit of each option,
//	                 one number per line, parallel to options
//	feedback         general feedback
//	option_feedback  feedback for each option, one per line, parallel to
//	                 options (true_false: for answering true, then false)
//	tags             one per line
//	source, section  where the question comes from
var csvColumns = [...]string{"type", "title", "prompt", "options", "answer", "accepted", "tolerance",
	"weights", "feedback", "option_feedback", "tags", "source", "section"}

// ParseCSV reads questions from CSV with a header row naming the columns
// described at csvColumns. A cell holding a list has one item per line (a
// quoted cell may hold line breaks); items are trimmed and blank ones
// dropped, except in option_feedback, where they keep their place. The
// error is only for a failure to read r: a row that cannot be read goes
// into Errors with its line, and reading goes on with the next one.
func ParseCSV(r io.Reader) (*ImportResult, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	res := &ImportResult{}
	header, err := cr.Read()
	switch {
	case err == io.EOF:
		res.fail(ErrSyntax, 1, "no header row")
		return res, nil
	case err != nil:
		if err := csvRecordError(res, err); err != nil {
			return nil, err
		}
		return res, nil
	}
	cols, msg := csvHeader(header)
	if msg != "" {
		res.fail(ErrSyntax, 1, "%s", msg)
		return res, nil
	}
	for {
		record, err := cr.Read()
		if err == io.EOF {
			return res, nil
		}
		if err != nil {
			if err := csvRecordError(res, err); err != nil {
				return nil, err
			}
			continue
		}
		row := csvRow{record: record, cols: cols, cr: cr}
		if strings.TrimSpace(strings.Join(record, "")) == "" {
			continue
		}
		q, ferr := row.question()
		if ferr != nil {
			res.Errors = append(res.Errors, ferr)
			continue
		}
		line, _ := cr.FieldPos(0)
		res.add(q, line, "csv")
	}
}

// csvRecordError records a malformed record in res, or returns err when
// it is a failure to read.
func csvRecordError(res *ImportResult, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	// The cause stays too, for errors.Is(err, csv.ErrQuote).
	kind := fmt.Errorf("%w: %w", ErrSyntax, pe.Err)
	res.Errors = append(res.Errors, &FormatError{Line: pe.Line, Err: kind, Msg: pe.Err.Error()})
	return nil
}

// csvHeader maps column names to their index in a record plus one.
func csvHeader(header []string) (map[string]int, string) {
	cols := map[string]int{}
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
		switch {
		case !slices.Contains(csvColumns[:], name):
			return nil, fmt.Sprintf("unknown column %q; the columns are %s", name, strings.Join(csvColumns[:], ","))
		case cols[name] != 0:
			return nil, fmt.Sprintf("column %q given twice", name)
		}
		cols[name] = i + 1
	}
	for _, name := range []string{"type", "prompt", "answer"} {
		if cols[name] == 0 {
			return nil, fmt.Sprintf("missing column %q", name)
		}
	}
	return cols, ""
}

// csvRow is one record with what it takes to name the line of a cell.
type csvRow struct {
	record []string
	cols   map[string]int
	cr     *csv.Reader
}

func (r csvRow) raw(name string) string {
	i := r.cols[name] - 1
	if i < 0 || i >= len(r.record) {
		return ""
	}
	return spreadsheetPlain(r.record[i])
}

func (r csvRow) cell(name string) string { return strings.TrimSpace(r.raw(name)) }

// errAt is a problem of a kind at the k-th line of a cell.
func (r csvRow) errAt(kind error, name string, k int, format string, args ...any) *FormatError {
	i := r.cols[name] - 1
	if i < 0 || i >= len(r.record) {
		i = 0
	}
	line, _ := r.cr.FieldPos(i)
	return &FormatError{Line: line + k, Err: kind, Msg: fmt.Sprintf(format, args...)}
}

// csvItem is one line of a list cell and its place in the cell.
type csvItem struct {
	text string
	k    int
}

// items splits a list cell into its lines, trimmed, dropping blank ones.
func (r csvRow) items(name string) []csvItem {
	var out []csvItem
	for k, s := range strings.Split(r.raw(name), "\n") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, csvItem{s, k})
		}
	}
	return out
}

func (r csvRow) list(name string) []string {
	var out []string
	for _, it := range r.items(name) {
		out = append(out, it.text)
	}
	return out
}

// question reads the row.
func (r csvRow) question() (questions.Question, *FormatError) {
	if n := len(r.record); n > len(r.cols) {
		return questions.Question{}, r.errAt(ErrSyntax, "type", 0, "%d cells, but the header names %d columns", n, len(r.cols))
	}
	q := questions.Question{
		Type: questions.Type(strings.ToLower(r.cell("type"))), Title: r.cell("title"), Prompt: r.cell("prompt"),
		Options: r.list("options"), Accepted: r.list("accepted"), Feedback: r.cell("feedback"),
		Tags: r.list("tags"), Source: r.cell("source"), Section: r.cell("section"),
	}
	if q.Prompt == "" {
		return questions.Question{}, r.errAt(ErrInvalid, "prompt", 0, "empty prompt")
	}
	if tol := r.cell("tolerance"); tol != "" {
		v, ok := parseDecimal(tol)
		if !ok || v < 0 {
			return questions.Question{}, r.errAt(ErrInvalid, "tolerance", 0, "tolerance %q is not a number of zero or more", tol)
		}
		q.Tolerance = v
	}
	for _, read := range []func(*questions.Question) *FormatError{r.weights, r.optionFeedback, r.answer} {
		if err := read(&q); err != nil {
			return questions.Question{}, err
		}
	}
	return q, nil
}

func (r csvRow) weights(q *questions.Question) *FormatError {
	items := r.items("weights")
	switch {
	case len(items) == 0:
		return nil
	case q.Type != questions.MultipleAnswer:
		return r.errAt(ErrInvalid, "weights", 0, "weights are only for multiple_answer questions")
	}
	for _, it := range items {
		w, err := strconv.ParseFloat(it.text, 64)
		if err != nil {
			return r.errAt(ErrInvalid, "weights", it.k, "weight %q is not a number", it.text)
		}
		if msg := checkWeight(w); msg != "" {
			return r.errAt(ErrInvalid, "weights", it.k, "%s", msg)
		}
		q.Weights = append(q.Weights, w)
	}
	if len(q.Weights) != len(q.Options) {
		return r.errAt(ErrInvalid, "weights", 0, "%d weights for %d options", len(q.Weights), len(q.Options))
	}
	if msg := checkWeights(q.Weights); msg != "" {
		return r.errAt(ErrInvalid, "weights", 0, "%s", msg)
	}
	return nil
}

// optionFeedback reads one line per option, padding missing last ones.
func (r csvRow) optionFeedback(q *questions.Question) *FormatError {
	if r.cell("option_feedback") == "" {
		return nil
	}
	var fb []string
	for _, s := range strings.Split(r.raw("option_feedback"), "\n") {
		fb = append(fb, strings.TrimSpace(s))
	}
	want := len(q.Options)
	if q.Type == questions.TrueFalse {
		want = 2
	}
	for len(fb) > want && fb[len(fb)-1] == "" {
		fb = fb[:len(fb)-1]
	}
	if len(fb) > want {
		return r.errAt(ErrInvalid, "option_feedback", 0, "%d lines of option feedback for %d options", len(fb), want)
	}
	for len(fb) < want {
		fb = append(fb, "")
	}
	q.OptionFeedback = nilIfBlank(fb)
	return nil
}

// answer reads the answer cell as q.Type wants it, for the types
// questions.Types says CSV holds.
func (r csvRow) answer(q *questions.Question) *FormatError {
	answer := r.cell("answer")
	switch {
	case answer == "":
		return r.errAt(ErrInvalid, "answer", 0, "empty answer")
	case !known(q.Type):
		return r.errAt(ErrUnsupported, "type", 0, "unknown type %q", q.Type)
	case !holds("csv", q.Type):
		return r.errAt(ErrUnsupported, "type", 0, "%s", unheld(q.Type, "csv", "CSV"))
	}
	switch q.Type {
	case questions.MultipleChoice:
		q.Answer = answer
		if len(q.Options) < 2 {
			return r.errAt(ErrInvalid, "options", 0, "a multiple choice question needs at least two options")
		}
		if o, found := repeatedOption(q.Options); found {
			return r.errAt(ErrInvalid, "options", 0, "option %q given twice", o)
		}
		if !slices.Contains(q.Options, answer) {
			return r.errAt(ErrInvalid, "answer", 0, "answer %q is not one of the options", answer)
		}
	case questions.FillBlank:
		q.Answer = answer
	case questions.Numeric:
		if _, ok := questions.ParseNumber(answer); !ok {
			return r.errAt(ErrInvalid, "answer", 0, "numeric answer %q is not a number", answer)
		}
		q.Answer = answer
	case questions.TrueFalse:
		switch strings.ToLower(answer) {
		case "true":
			q.Truth = true
		case "false":
		default:
			return r.errAt(ErrInvalid, "answer", 0, "a true_false answer is true or false, not %q", answer)
		}
	case questions.MultipleAnswer:
		return r.multipleAnswer(q)
	case questions.Ordering:
		return r.ordering(q)
	case questions.Matching:
		return r.matching(q)
	default:
		return r.errAt(ErrUnsupported, "type", 0, "%s", noCase("ParseCSV", "CSV", q.Type))
	}
	return nil
}

func (r csvRow) multipleAnswer(q *questions.Question) *FormatError {
	if len(q.Options) < 2 {
		return r.errAt(ErrInvalid, "options", 0, "a multiple_answer question needs at least two options")
	}
	if o, found := repeatedOption(q.Options); found {
		return r.errAt(ErrInvalid, "options", 0, "option %q given twice", o)
	}
	for _, it := range r.items("answer") {
		if !slices.Contains(q.Options, it.text) {
			return r.errAt(ErrInvalid, "answer", it.k, "answer %q is not one of the options", it.text)
		}
		q.Answers = append(q.Answers, it.text)
	}
	if q.Weights != nil && !sameItems(q.Answers, rightByWeight(q.Options, q.Weights)) {
		return r.errAt(ErrInvalid, "answer", 0, "the answer is not the options with a positive weight")
	}
	return nil
}

func (r csvRow) ordering(q *questions.Question) *FormatError {
	q.Order = r.list("answer")
	switch {
	case len(q.Order) < 2:
		return r.errAt(ErrInvalid, "answer", 0, "an ordering question needs at least two items, one per line")
	case len(q.Options) == 0:
		q.Options = questions.ShuffledApart(q.Order)
	case !sameItems(q.Options, q.Order):
		return r.errAt(ErrInvalid, "options", 0, "the options are not the answer's items")
	}
	return nil
}

func (r csvRow) matching(q *questions.Question) *FormatError {
	for _, it := range r.items("answer") {
		left, right, found := strings.Cut(it.text, "->")
		left, right = strings.TrimSpace(left), strings.TrimSpace(right)
		if !found || left == "" || right == "" {
			return r.errAt(ErrSyntax, "answer", it.k, "%q is not a pair: left -> right", it.text)
		}
		q.Pairs = append(q.Pairs, [2]string{left, right})
	}
	if len(q.Pairs) < 2 {
		return r.errAt(ErrInvalid, "answer", 0, "a matching question needs at least two pairs, one per line")
	}
	if len(q.Options) == 0 {
		q.Options = matchingOptions(q.Pairs, nil)
	}
	for _, p := range q.Pairs {
		if !slices.Contains(q.Options, p[1]) {
			return r.errAt(ErrInvalid, "options", 0, "%q is missing from the options", p[1])
		}
	}
	return nil
}

// sameItems reports whether a and b hold the same items, in any order.
func sameItems(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// WriteCSV writes qs as CSV with a header row, in the columns described at
// csvColumns. Line breaks inside list items become spaces, since each
// line of a list cell is one item.
func WriteCSV(w io.Writer, qs []questions.Question) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns[:]); err != nil {
		return err
	}
	for _, q := range qs {
		record, err := csvRecord(q)
		if err != nil {
			return err
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// SpreadsheetSafe keeps a CSV cell from being taken for a formula when
// the file is opened in a spreadsheet: a cell that begins with =, +, -, @,
// a tab or a carriage return gets a ' before it, as OWASP recommends for
// CSV injection. ParseCSV takes it off again, so exports round-trip.
func SpreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		return "'" + s
	}
	return s
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula.
const formulaStarts = "=+-@\t\r"

// spreadsheetPlain undoes SpreadsheetSafe.
func spreadsheetPlain(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStarts, rune(s[1])) {
		return s[1:]
	}
	return s
}

// csvRecord writes one question as a row. Its answer cell follows the
// shape of the answer, whatever the type: a text, true or false, a list
// or pairs. A type the engine does not know is written with its answer as
// text; a type questions.Types says CSV does not hold is an error.
func csvRecord(q questions.Question) ([]string, error) {
	if known(q.Type) && !holds("csv", q.Type) {
		return nil, errors.New("formats: " + unheld(q.Type, "csv", "CSV"))
	}
	var answer string
	switch a := q.Expected().(type) {
	case string:
		answer = a
	case bool:
		answer = strconv.FormatBool(a)
	case []string:
		answer = csvList(a)
	case [][2]string:
		pairs := make([]string, len(a))
		for i, p := range a {
			pairs[i] = oneLine(p[0]) + " -> " + oneLine(p[1])
		}
		answer = strings.Join(pairs, "\n")
	default:
		return nil, fmt.Errorf("formats: WriteCSV has no cell for %s answers of type %T", q.Type, a)
	}
	var tolerance, weights string
	if q.Tolerance != 0 {
		tolerance = formatNumber(q.Tolerance)
	}
	if q.Type == questions.MultipleAnswer {
		ws := make([]string, len(q.Weights))
		for i, w := range q.Weights {
			ws[i] = formatNumber(w)
		}
		weights = strings.Join(ws, "\n")
	}
	cells := []string{string(q.Type), q.Title, q.Prompt, csvList(q.Options), answer, csvList(q.Accepted),
		tolerance, weights, q.Feedback, csvList(q.OptionFeedback), csvList(q.Tags), q.Source, q.Section}
	for i, c := range cells {
		cells[i] = SpreadsheetSafe(c)
	}
	return cells, nil
}

func csvList(items []string) string {
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = oneLine(it)
	}
	return strings.Join(lines, "\n")
}

func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ").Replace(s)
}
