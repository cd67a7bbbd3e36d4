package formats

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"factquiz/questions"
)

// ParseAiken reads multiple choice questions in the Aiken format:
//
//	What is the capital of Niger?
//	A. Niamey
//	B) Ouallam
//	ANSWER: A
//
// The question's text may take several lines (they are joined with "\n");
// each option is a line starting with a capital letter and "." or ")";
// the ANSWER line names the right option's letter. Blank lines between
// questions are optional. The error is only for a failure to read r: a
// question that cannot be read goes into Errors with its line.
func ParseAiken(r io.Reader) (*ImportResult, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{}
	var cur *aikenQuestion
	for i, line := range strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		letter, text, isOption := aikenOption(line)
		answer, isAnswer := aikenAnswer(line)
		switch {
		case line == "":
		case isAnswer && cur == nil:
			res.fail(ErrSyntax, n, "ANSWER line without a question")
		case isAnswer:
			cur.finish(res, answer, n)
			cur = nil
		case isOption:
			if cur == nil {
				cur = &aikenQuestion{line: n}
			}
			cur.options = append(cur.options, aikenOptionLine{letter, text, n})
		default:
			if cur != nil && len(cur.options) > 0 {
				res.fail(ErrSyntax, cur.line, "no ANSWER line after the options")
				cur = nil
			}
			if cur == nil {
				cur = &aikenQuestion{line: n}
			}
			cur.text = append(cur.text, line)
		}
	}
	if cur != nil {
		res.fail(ErrSyntax, cur.line, "no ANSWER line after the options")
	}
	return res, nil
}

type aikenQuestion struct {
	line    int
	text    []string
	options []aikenOptionLine
}

type aikenOptionLine struct {
	letter byte
	text   string
	line   int
}

// aikenOption reads an option line: "A. text" or "A) text".
func aikenOption(line string) (letter byte, text string, ok bool) {
	if len(line) < 2 || line[0] < 'A' || line[0] > 'Z' || line[1] != '.' && line[1] != ')' {
		return 0, "", false
	}
	rest := line[2:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, "", false
	}
	return line[0], strings.TrimSpace(rest), true
}

// aikenAnswer reads an "ANSWER: B" line; answer is what follows the colon.
func aikenAnswer(line string) (answer string, ok bool) {
	rest, ok := strings.CutPrefix(line, "ANSWER")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimSpace(rest), ":")
	return strings.TrimSpace(rest), ok
}

func (a *aikenQuestion) finish(res *ImportResult, answer string, answerLine int) {
	if len(a.text) == 0 {
		res.fail(ErrSyntax, a.line, "the question has no text before its options")
		return
	}
	if len(a.options) < 2 {
		res.fail(ErrInvalid, a.line, "fewer than two options")
		return
	}
	if len(answer) != 1 || answer[0] < 'A' || answer[0] > 'Z' {
		res.fail(ErrSyntax, answerLine, "ANSWER must be one capital letter, not %q", answer)
		return
	}
	q := questions.Question{Type: questions.MultipleChoice, Prompt: strings.Join(a.text, "\n")}
	seen := map[byte]bool{}
	for _, o := range a.options {
		switch {
		case seen[o.letter]:
			res.fail(ErrInvalid, o.line, "option %c given twice", o.letter)
			return
		case o.text == "":
			res.fail(ErrInvalid, o.line, "option %c is empty", o.letter)
			return
		}
		seen[o.letter] = true
		q.Options = append(q.Options, o.text)
		if o.letter == answer[0] {
			q.Answer = o.text
		}
	}
	if o, found := repeatedOption(q.Options); found {
		res.fail(ErrInvalid, a.line, "option %q given twice", o)
		return
	}
	if !seen[answer[0]] {
		res.fail(ErrInvalid, answerLine, "answer %s is not among the options", answer)
		return
	}
	res.add(q, a.line, "aiken")
}

// WriteAiken writes the multiple choice questions of qs in the Aiken
// format and lists the others in skipped, each as its ID (or title) and
// why. Aiken has no titles, tags or feedback, so those are left out; a
// prompt or option of several lines is joined into one.
func WriteAiken(w io.Writer, qs []questions.Question) (skipped []string, err error) {
	return writeEach(w, qs, func(bw *bufio.Writer, q questions.Question) (string, error) {
		text, why, err := aikenQuestionText(q)
		if why == "" && err == nil {
			bw.WriteString(text + "\n")
		}
		return why, err
	})
}

// aikenQuestionText writes one question, or says why it cannot. Aiken
// has only multiple choice questions: another type questions.Types says
// it holds is an error.
func aikenQuestionText(q questions.Question) (text, why string, err error) {
	switch {
	case !holds("aiken", q.Type):
		return "", "Aiken holds only " + heldLabels("aiken") + " questions", nil
	case q.Type != questions.MultipleChoice:
		return "", "", noCase("WriteAiken", "Aiken", q.Type)
	}
	text, why = aikenText(q)
	return text, why, nil
}

func aikenText(q questions.Question) (string, string) {
	prompt := joinLines(q.Prompt)
	if _, _, isOption := aikenOption(prompt); isOption {
		return "", "its prompt would read as an option"
	}
	if _, isAnswer := aikenAnswer(prompt); isAnswer {
		return "", "its prompt would read as the ANSWER line"
	}
	switch {
	case prompt == "":
		return "", "it has no prompt"
	case len(q.Options) < 2:
		return "", "it needs at least two options"
	case len(q.Options) > 26:
		return "", "Aiken allows at most 26 options"
	}
	var b strings.Builder
	b.WriteString(prompt + "\n")
	answer := -1
	for i, o := range q.Options {
		text := joinLines(o)
		if text == "" {
			return "", "it has an empty option"
		}
		if answer < 0 && o == q.Answer {
			answer = i
		}
		fmt.Fprintf(&b, "%c. %s\n", 'A'+i, text)
	}
	if answer < 0 {
		return "", "its answer is not one of its options"
	}
	fmt.Fprintf(&b, "ANSWER: %c\n", 'A'+answer)
	return b.String(), ""
}

// joinLines puts text of several lines on one, trimmed.
func joinLines(s string) string {
	lines := strings.Split(s, "\n")
	var kept []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, " ")
}
