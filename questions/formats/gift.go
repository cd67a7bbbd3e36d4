package formats

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"factquiz/questions"
)

// ParseGIFT reads questions in Moodle's GIFT format. The error is only for
// a failure to read r: a question that cannot be read goes into Errors with
// its line, and parsing goes on with the next one.
//
// Questions are separated by blank lines; lines starting with // are
// comments. A question is an optional ::title::, the text with an optional
// [html], [markdown], [plain] or [moodle] prefix (dropped: the text is kept
// as written and never rendered), and an answer block in braces:
//
//	{=right ~wrong#feedback ~wrong ####general feedback}  multiple choice
//	{~%50%a ~%50%b ~%-100%c}                             multiple answer
//	{T} {TRUE} {F#wrong answer's feedback#right's}       true/false
//	{=answer =other form}                                short answer (fill_blank)
//	{=a -> 1 =b -> 2 = -> extra choice}                  matching
//	{#3:2} {#1..5} {#=2000:0 =%50%2000:2}                 numeric
//
// Text after the block makes a missing-word question: the block's place
// becomes "_____" in the prompt. \~ \= \# \{ \} \: and \\ stand for the
// character itself and \n for a new line.
//
// A line "$CATEGORY: $course$/top/Biology/Cells" gives the questions after
// it the tags "Biology" and "Cells": each segment of the path is a tag, so
// that a question can be found by any level of its category, and the
// leading context ("$course$") and "top" are dropped.
//
// What the engine cannot hold is reported in Skipped: essay questions ({}),
// descriptions (no block), and the parts of a question that give partial
// credit (other than in multiple answer questions) or feedback to short
// and numeric answers; the rest of such a question is kept.
//
// Unlike Moodle, which keeps \\ as two backslashes, \\ reads as one, so
// that what Moodle and WriteGIFT write reads back as it was.
func ParseGIFT(r io.Reader) (*ImportResult, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{}
	var tags []string
	for _, c := range giftChunks(string(data)) {
		if c.category {
			tags = giftCategoryTags(c.text)
			continue
		}
		p := giftParser{c: c}
		q, ok := p.parse()
		res.Skipped = append(res.Skipped, p.skipped...)
		switch {
		case p.err != nil:
			res.Errors = append(res.Errors, p.err)
		case ok:
			q.Tags = slices.Clone(tags)
			res.add(q, c.lines[0], "gift")
		}
	}
	return res, nil
}

// giftParser reads one question chunk.
type giftParser struct {
	c       *giftChunk
	err     *FormatError
	skipped []*FormatError
}

// fail records why the question cannot be read, a problem of a kind at
// the line of off, and returns false.
func (p *giftParser) fail(kind error, off int, format string, args ...any) bool {
	p.err = &FormatError{Line: p.c.lineAt(off), Err: kind, Msg: fmt.Sprintf(format, args...)}
	return false
}

// skip records a part of the question (or all of it) that is left out, as
// the engine cannot hold it.
func (p *giftParser) skip(off int, format string, args ...any) {
	p.skipped = append(p.skipped, &FormatError{Line: p.c.lineAt(off), Err: ErrUnsupported, Msg: fmt.Sprintf(format, args...)})
}

func (p *giftParser) parse() (questions.Question, bool) {
	var q questions.Question
	body := giftSpan{s: p.c.text}
	if strings.HasPrefix(body.s, "::") {
		title, rest, found := body.from(2).cut("::")
		if !found {
			return questions.Question{}, p.fail(ErrSyntax, 0, "the title has no closing ::")
		}
		q.Title = strings.TrimSpace(giftUnescape(strings.TrimSpace(title.s)))
		body = rest.trim()
	}
	open, end := body.index("{"), body.index("}")
	switch {
	case open < 0 && end < 0:
		if giftText(body) == "" {
			return questions.Question{}, p.fail(ErrInvalid, 0, "empty question")
		}
		p.skip(0, "description items are not supported")
		return questions.Question{}, false
	case end >= 0 && (open < 0 || end < open):
		return questions.Question{}, p.fail(ErrSyntax, body.off+end, "} without {")
	case end < 0 || body.sub(open+1, end).has("{"):
		return questions.Question{}, p.fail(ErrSyntax, body.off+open, "unclosed {")
	}
	after := body.from(end + 1)
	if i := after.index("{"); i >= 0 {
		return questions.Question{}, p.fail(ErrSyntax, after.off+i, "a second answer block; separate questions with a blank line")
	}
	if i := after.index("}"); i >= 0 {
		return questions.Question{}, p.fail(ErrSyntax, after.off+i, "} without {")
	}
	prompt := body.s[:open]
	if strings.TrimSpace(after.s) != "" {
		prompt += "_____" + after.s
	}
	if q.Prompt = giftText(giftSpan{s: prompt}); q.Prompt == "" {
		return questions.Question{}, p.fail(ErrInvalid, 0, "empty question")
	}
	block := body.sub(open+1, end)
	if i := block.lastIndex("####"); i >= 0 {
		q.Feedback = giftText(block.from(i + 4))
		block = block.sub(0, i)
	}
	if ok := p.answers(&q, block.trim()); !ok {
		return questions.Question{}, false
	}
	return q, true
}

// answers reads the answer block, telling its type as Moodle does.
func (p *giftParser) answers(q *questions.Question, block giftSpan) bool {
	switch {
	case block.s == "":
		p.skip(block.off, "essay questions are not supported")
		return false
	case strings.HasPrefix(block.s, "#"):
		return p.numeric(q, block.from(1))
	case block.has("~"):
		return p.choice(q, block)
	case block.has("=") && block.has("->"):
		return p.matching(q, block)
	}
	head, _, _ := block.cut("#")
	switch strings.TrimSpace(head.s) {
	case "T", "TRUE":
		return p.trueFalse(q, block, true)
	case "F", "FALSE":
		return p.trueFalse(q, block, false)
	}
	if block.has("->") {
		return p.fail(ErrSyntax, block.off, "-> belongs in matching pairs: {=left -> right =left -> right}")
	}
	return p.shortAnswer(q, block)
}

// giftEntry is one answer of a block: its mark ('=', '~', or 0 for text
// before the first mark), its weight and its text and feedback.
type giftEntry struct {
	mark      byte
	weight    float64
	hasWeight bool
	text      giftSpan
	feedback  string
}

// entries splits a block at the marks, reading weights ("%50%") and
// feedback ("#...").
func (p *giftParser) entries(block giftSpan, marks string) ([]giftEntry, bool) {
	var out []giftEntry
	var mark byte
	start := 0
	emit := func(end int) bool {
		e := giftEntry{mark: mark, text: block.sub(start, end).trim()}
		if mark == 0 && e.text.s == "" {
			return true
		}
		e.weight, e.text, e.hasWeight = giftWeight(e.text)
		if msg := checkWeight(e.weight); e.hasWeight && msg != "" {
			return p.fail(ErrInvalid, e.text.off, "%s", msg)
		}
		text, fb, _ := e.text.cut("#")
		e.text, e.feedback = text.trim(), giftText(fb)
		out = append(out, e)
		return true
	}
	for i := 0; i < len(block.s); i++ {
		switch {
		case giftEscaped(block.s, i):
			i++
		case strings.IndexByte(marks, block.s[i]) >= 0:
			if !emit(i) {
				return nil, false
			}
			mark, start = block.s[i], i+1
		}
	}
	return out, emit(len(block.s))
}

// giftWeight reads a "%50%" weight at the start of an answer. Text that
// only looks like one ("%d%") is the answer's text.
func giftWeight(sp giftSpan) (float64, giftSpan, bool) {
	if !strings.HasPrefix(sp.s, "%") {
		return 0, sp, false
	}
	end := strings.IndexByte(sp.s[1:], '%')
	if end < 0 {
		return 0, sp, false
	}
	w, err := strconv.ParseFloat(strings.TrimSpace(sp.s[1:1+end]), 64)
	if err != nil {
		return 0, sp, false
	}
	if w == 0 {
		w = 0 // "%-0%" is no credit, as "%0%" is; the writer drops both
	}
	return w, sp.from(end + 2).trim(), true
}

func (p *giftParser) choice(q *questions.Question, block giftSpan) bool {
	entries, ok := p.entries(block, "~=")
	if !ok {
		return false
	}
	if len(entries) < 2 {
		return p.fail(ErrInvalid, block.off, "fewer than two options")
	}
	hasRightMark, hasPositive := false, false
	for i := range entries {
		e := &entries[i]
		if giftText(e.text) == "" {
			return p.fail(ErrInvalid, e.text.off, "empty option")
		}
		if !e.hasWeight && e.mark == '=' {
			e.weight = 100
		}
		hasRightMark = hasRightMark || e.mark == '='
		hasPositive = hasPositive || e.weight > 0
		q.Options = append(q.Options, giftText(e.text))
		q.OptionFeedback = append(q.OptionFeedback, e.feedback)
		q.Weights = append(q.Weights, e.weight)
	}
	q.OptionFeedback = nilIfBlank(q.OptionFeedback)
	if o, found := repeatedOption(q.Options); found {
		return p.fail(ErrInvalid, block.off, "option %q given twice", o)
	}
	if !hasRightMark && hasPositive {
		if msg := checkWeights(q.Weights); msg != "" {
			return p.fail(ErrInvalid, block.off, "%s", msg)
		}
		q.Type, q.Answers = questions.MultipleAnswer, rightByWeight(q.Options, q.Weights)
		return true
	}
	q.Type = questions.MultipleChoice
	var right []string
	for i, e := range entries {
		switch {
		case e.weight == 100:
			right = append(right, q.Options[i])
		case e.weight != 0:
			p.skip(e.text.off, "partial credit is not supported: option %q (%s%%) counts as wrong", q.Options[i], formatNumber(e.weight))
		}
	}
	q.Weights = nil
	if len(right) == 0 {
		return p.fail(ErrInvalid, block.off, "a multiple choice question needs a right answer (=)")
	}
	q.Answer, q.Accepted = right[0], nilIfEmpty(right[1:])
	return true
}

func (p *giftParser) matching(q *questions.Question, block giftSpan) bool {
	var extras []string
	for _, e := range giftSplit(block, "=") {
		left, right, found := e.cut("->")
		l, r := giftText(left), giftText(right)
		switch {
		case !found:
			return p.fail(ErrSyntax, e.off, "a matching pair needs ->")
		case r == "":
			return p.fail(ErrInvalid, e.off, "nothing to match %q with", l)
		case l == "":
			extras = append(extras, r)
		default:
			q.Pairs = append(q.Pairs, [2]string{l, r})
		}
	}
	if len(q.Pairs) < 2 {
		return p.fail(ErrInvalid, block.off, "a matching question needs at least two pairs")
	}
	q.Type, q.Options = questions.Matching, matchingOptions(q.Pairs, extras)
	return true
}

// giftSplit splits a block at a mark, without reading weights or
// feedback; text before the first mark counts only if there is some.
func giftSplit(block giftSpan, mark string) []giftSpan {
	var out []giftSpan
	for first := true; ; first = false {
		before, after, found := block.cut(mark)
		if !first || strings.TrimSpace(before.s) != "" {
			out = append(out, before.trim())
		}
		if !found {
			return out
		}
		block = after
	}
}

func (p *giftParser) trueFalse(q *questions.Question, block giftSpan, truth bool) bool {
	_, rest, _ := block.cut("#")
	wrong, right, _ := rest.cut("#")
	q.Type, q.Truth = questions.TrueFalse, truth
	w, r := giftText(wrong), giftText(right)
	if truth {
		q.OptionFeedback = nilIfBlank([]string{r, w})
	} else {
		q.OptionFeedback = nilIfBlank([]string{w, r})
	}
	return true
}

func (p *giftParser) shortAnswer(q *questions.Question, block giftSpan) bool {
	entries, ok := p.entries(block, "=")
	if !ok {
		return false
	}
	var right []string
	for _, e := range entries {
		text := giftText(e.text)
		switch {
		case text == "":
			return p.fail(ErrInvalid, e.text.off, "empty answer")
		case e.hasWeight && e.weight != 100:
			p.skip(e.text.off, "partial credit is not supported: answer %q (%s%%) is dropped", text, formatNumber(e.weight))
			continue
		}
		if e.feedback != "" {
			p.skip(e.text.off, "feedback on a short answer is not supported: %q", e.feedback)
		}
		right = append(right, text)
	}
	if len(right) == 0 {
		return p.fail(ErrInvalid, block.off, "a short answer question needs a fully right answer")
	}
	q.Type, q.Answer, q.Accepted = questions.FillBlank, right[0], nilIfEmpty(right[1:])
	return true
}

func (p *giftParser) numeric(q *questions.Question, block giftSpan) bool {
	if answers, wrong, found := block.cut("~"); found {
		if strings.Trim(giftText(wrong), "# ") != "" {
			p.skip(wrong.off, "feedback on wrong numeric answers is not supported")
		}
		block = answers
	}
	entries, ok := p.entries(block, "=")
	if !ok {
		return false
	}
	if len(entries) == 0 {
		return p.fail(ErrInvalid, block.off, "a numeric question needs an answer")
	}
	kept := false
	for _, e := range entries {
		text := giftText(e.text)
		v, tol, problem := giftNumber(text)
		if problem != nil {
			return p.fail(problem.Err, e.text.off, "%s", problem.Msg)
		}
		switch {
		case e.hasWeight && e.weight != 100:
			p.skip(e.text.off, "partial credit is not supported: answer %s (%s%%) is dropped", text, formatNumber(e.weight))
		case kept:
			p.skip(e.text.off, "only the first fully right numeric answer is kept: %s is dropped", text)
		default:
			q.Answer, q.Tolerance, kept = formatNumber(v), tol, true
			if e.feedback != "" {
				p.skip(e.text.off, "feedback on a numeric answer is not supported: %q", e.feedback)
			}
		}
	}
	if !kept {
		return p.fail(ErrInvalid, block.off, "a numeric question needs a fully right answer")
	}
	q.Type = questions.Numeric
	return true
}

// giftNumber reads a numeric answer: "3", "3:2" (with a tolerance) or
// "1..5" (a range, which is 3 with a tolerance of 2). A problem has no
// line yet.
func giftNumber(s string) (v, tol float64, problem *FormatError) {
	bad := &FormatError{Err: ErrSyntax, Msg: "unknown numeric form " + strconv.Quote(s) + "; use 3, 3:0.5 or 2.5..3.5"}
	if i := strings.Index(s, ".."); i > 0 {
		lo, ok1 := parseDecimal(s[:i])
		hi, ok2 := parseDecimal(s[i+2:])
		switch {
		case !ok1 || !ok2:
			return 0, 0, bad
		case lo > hi:
			return 0, 0, &FormatError{Err: ErrInvalid, Msg: "the range " + strconv.Quote(s) + " runs backwards"}
		}
		mid := roundNumber(lo/2 + hi/2)
		return mid, roundToScale(hi-mid, max(math.Abs(lo), math.Abs(hi))), nil
	}
	value, ok := s, true
	if i := strings.Index(s, ":"); i > 0 {
		value = s[:i]
		tol, ok = parseDecimal(s[i+1:])
	}
	v, ok2 := parseDecimal(value)
	switch {
	case !ok || !ok2:
		return 0, 0, bad
	case tol < 0:
		return 0, 0, &FormatError{Err: ErrInvalid, Msg: "negative tolerance in " + strconv.Quote(s)}
	}
	return v, tol, nil
}
