package handlers

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// optionRows is how many option rows the form offers beyond those filled,
// up to questions.MaxOptions rows in all.
const optionRows = 6

// readOptionRows is how many option rows a posted form is read for: one
// more than a question may have, so that a form sent with too many is
// refused by the validator with the limit rather than cut short.
const readOptionRows = questions.MaxOptions + 1

// shownOptionRows is how many option rows the form shows for filled ones:
// blank rows to add more, up to questions.MaxOptions, and never fewer than
// are filled.
func shownOptionRows(filled int) int {
	return max(filled, min(filled+optionRows, questions.MaxOptions))
}

// newQuestion shows the form to write a question for an article.
func (h *Handler) newQuestion(c *fiber.Ctx) error {
	id, err := strconv.ParseUint(c.Query("article"), 10, 32)
	if err != nil || id == 0 {
		return fiber.NewError(fiber.StatusBadRequest, "Say which article the question is for: /questions/new?article=ID.")
	}
	title, err := h.store.ArticleTitle(uint(id))
	if err != nil {
		return err
	}
	form := views.QuestionForm{Page: h.page(c, "Add a question"), ArticleID: uint(id), ArticleTitle: title,
		Types: questionTypes, Type: string(questions.MultipleChoice), Truth: "true", Tolerance: "0"}
	form.Options = optionsForm(nil, nil, nil)
	return h.render(c, fiber.StatusOK, "question_form", form)
}

// editQuestion shows a question of the bank in the form.
func (h *Handler) editQuestion(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	q, err := h.store.GetQuestion(id)
	if err != nil {
		return err
	}
	eq, err := q.Engine()
	if err != nil {
		return err
	}
	title, err := h.store.ArticleTitle(q.ArticleID)
	if err != nil {
		return err
	}
	form := questionForm(eq)
	form.Page, form.ID, form.ArticleID, form.ArticleTitle, form.Origin = h.page(c, "Edit question"), q.ID, q.ArticleID, title, q.Origin
	return h.render(c, fiber.StatusOK, "question_form", form)
}

// questionForm fills the form from an engine question.
func questionForm(q questions.Question) views.QuestionForm {
	f := views.QuestionForm{Type: string(q.Type), TypeLabel: typeLabel(string(q.Type)), QuestionTitle: q.Title, Prompt: q.Prompt, Tags: strings.Join(q.Tags, ", "),
		Feedback: q.Feedback, Source: q.Source, Answer: q.Answer, Accepted: strings.Join(q.Accepted, "\n"),
		Tolerance: strconv.FormatFloat(q.Tolerance, 'f', -1, 64), Truth: strconv.FormatBool(q.Truth),
		Items: strings.Join(q.Order, "\n")}
	var pairs []string
	for _, p := range q.Pairs {
		pairs = append(pairs, p[0]+" -> "+p[1])
	}
	f.Pairs = strings.Join(pairs, "\n")
	f.Options = optionsForm(q.Options, q.Weights, q.OptionFeedback)
	for i, o := range q.Options {
		if q.Type == questions.MultipleChoice && o == q.Answer {
			f.Right = i + 1
		}
	}
	return f
}

func optionsForm(options []string, weights []float64, feedback []string) []views.OptionRow {
	n := shownOptionRows(len(options))
	rows := make([]views.OptionRow, 0, n)
	for i := range n {
		row := views.OptionRow{N: i + 1}
		if i < len(options) {
			row.Text = options[i]
		}
		if i < len(weights) {
			row.Weight = strconv.FormatFloat(weights[i], 'f', -1, 64)
		}
		if i < len(feedback) {
			row.Feedback = feedback[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// saveQuestion stores an edited question, or a new one when the path has
// no id; a form that is not right comes back with a message by each field.
func (h *Handler) saveQuestion(c *fiber.Ctx) error {
	var id uint
	if c.Params("id") != "" {
		var err error
		if id, err = idParam(c, "id"); err != nil {
			return err
		}
	}
	articleID, err := strconv.ParseUint(c.FormValue("article"), 10, 32)
	if id == 0 && (err != nil || articleID == 0) {
		return fiber.NewError(fiber.StatusBadRequest, "Say which article the question is for.")
	}
	q, errs := questionFromForm(formValue(c))
	var saved *models.Question
	if len(errs) == 0 {
		if id != 0 {
			saved, err = h.store.UpdateQuestion(id, q)
		} else {
			saved, err = h.store.AddQuestion(uint(articleID), q, models.OriginManual)
		}
		if err != nil {
			return err
		}
		flash(c, "question-saved")
		return c.Redirect(fmt.Sprintf("/bank?article=%d", saved.ArticleID), fiber.StatusSeeOther)
	}
	form := questionForm(q)
	form.Errors, form.ID, form.Type, form.TypeLabel = errs, id, c.FormValue("type"), typeLabel(c.FormValue("type"))
	form.Right, _ = strconv.Atoi(c.FormValue("right"))
	form.Answer, form.Tolerance, form.Items, form.Pairs = c.FormValue("answer"), c.FormValue("tolerance"), c.FormValue("items"), c.FormValue("pairs")
	form.Options = formOptionRows(c)
	if id != 0 {
		old, err := h.store.GetQuestion(id)
		if err != nil {
			return err
		}
		form.ArticleID, form.Source, form.Origin = old.ArticleID, old.Source, old.Origin
	} else {
		form.ArticleID, form.Types = uint(articleID), questionTypes
	}
	if form.ArticleTitle, err = h.store.ArticleTitle(form.ArticleID); err != nil {
		return err
	}
	form.Page = h.page(c, map[bool]string{true: "Edit question", false: "Add a question"}[id != 0])
	return h.render(c, fiber.StatusUnprocessableEntity, "question_form", form)
}

// formOptionRows reads back the option rows as typed, blank rows included,
// so that the form comes back as it was sent.
func formOptionRows(c *fiber.Ctx) []views.OptionRow {
	var rows []views.OptionRow
	for n := 1; n <= readOptionRows; n++ {
		key := strconv.Itoa(n)
		text, weight, fb := c.FormValue("option_"+key), c.FormValue("weight_"+key), c.FormValue("option_feedback_"+key)
		rows = append(rows, views.OptionRow{N: n, Text: text, Weight: weight, Feedback: fb})
	}
	last := 0
	for i, r := range rows {
		if r.Text != "" || r.Weight != "" || r.Feedback != "" {
			last = i + 1
		}
	}
	return rows[:shownOptionRows(last)]
}

// questionFromForm reads a question of any type from the form's values
// and checks it; errs says what is wrong, by field.
func questionFromForm(value func(key string) string) (questions.Question, map[string]string) {
	q := questions.Question{Type: questions.Type(value("type")), Title: strings.TrimSpace(value("title")),
		Prompt: strings.TrimSpace(value("prompt")), Feedback: strings.TrimSpace(value("feedback"))}
	for _, t := range strings.Split(value("tags"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			q.Tags = append(q.Tags, t)
		}
	}
	errs := map[string]string{}
	switch q.Type {
	case questions.MultipleChoice, questions.MultipleAnswer:
		right, _ := strconv.Atoi(value("right"))
		for n := 1; n <= readOptionRows; n++ {
			key := strconv.Itoa(n)
			text := strings.TrimSpace(value("option_" + key))
			if text == "" {
				continue
			}
			q.Options = append(q.Options, text)
			q.OptionFeedback = append(q.OptionFeedback, strings.TrimSpace(value("option_feedback_"+key)))
			if q.Type == questions.MultipleChoice && n == right {
				q.Answer = text
			}
			if q.Type == questions.MultipleAnswer {
				w, err := strconv.ParseFloat(strings.TrimSpace(value("weight_"+key)), 64)
				if err != nil {
					errs["weights"] = "Give every option a weight, a number such as 50 or -100."
				}
				q.Weights = append(q.Weights, w)
				if w > 0 {
					q.Answers = append(q.Answers, text)
				}
			}
		}
		if strings.Join(q.OptionFeedback, "") == "" {
			q.OptionFeedback = nil
		}
	case questions.TrueFalse:
		q.Truth = value("truth") == "true"
		if v := value("truth"); v != "true" && v != "false" {
			errs["truth"] = "Choose whether the statement is true or false."
		}
	case questions.FillBlank:
		q.Answer = strings.TrimSpace(value("answer"))
		q.Accepted = lines(value("accepted"))
	case questions.Numeric:
		q.Answer = strings.TrimSpace(value("answer"))
		if raw := strings.TrimSpace(value("tolerance")); raw != "" {
			t, err := strconv.ParseFloat(raw, 64)
			if err != nil || t < 0 {
				errs["tolerance"] = "The tolerance must be a number of 0 or more."
			}
			q.Tolerance = t
		}
	case questions.Ordering:
		q.Order = lines(value("items"))
		q.Options = q.Order
	case questions.Matching:
		for i, l := range lines(value("pairs")) {
			left, right, ok := strings.Cut(l, "->")
			if !ok || strings.TrimSpace(left) == "" || strings.TrimSpace(right) == "" {
				errs["pairs"] = fmt.Sprintf("Line %d is not a pair: write it as left -> right.", i+1)
				continue
			}
			q.Pairs = append(q.Pairs, [2]string{strings.TrimSpace(left), strings.TrimSpace(right)})
			q.Options = append(q.Options, strings.TrimSpace(right))
		}
	default:
		errs["type"] = "Choose the question's type."
		return q, errs
	}
	for k, v := range questions.Validate(q) {
		if _, ok := errs[k]; !ok {
			errs[k] = v
		}
	}
	return q, errs
}

// lines splits a text area into its non-blank lines, trimmed.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
