package handlers

import (
	"encoding/json"
	"errors"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"factquiz/models"
	"factquiz/questions"
)

// The fuzz targets here feed what a browser or a script may send (form
// bodies, query strings, JSON) to the functions that read it, without a
// server or a database: nothing may panic, a refusal must say why, and
// what is accepted must be within the limits the rest of the app relies on.

// answerTypes are the question types, in the order the fuzz targets pick
// them by a byte.
var answerTypes = []questions.Type{questions.MultipleChoice, questions.TrueFalse, questions.MultipleAnswer,
	questions.FillBlank, questions.Numeric, questions.Ordering, questions.Matching}

// fuzzAttemptQuestion is a question of type t as an attempt shows it, its
// options in the attempt's order, stored as the database stores it.
func fuzzAttemptQuestion(t testing.TB, typ questions.Type) *models.AttemptQuestion {
	q := models.Question{ID: 7, Type: string(typ), Prompt: "Which city is the capital of Niger?"}
	var answer any
	switch typ {
	case questions.MultipleChoice:
		q.Options, answer = models.Strings{"Niamey", "Bamako", "Dakar", "Accra"}, "Niamey"
	case questions.TrueFalse:
		answer = true
	case questions.MultipleAnswer:
		q.Options, answer = models.Strings{"Mali", "Niger", "France", "Spain"}, []string{"Mali", "Niger"}
		q.Weights = models.Floats{50, 50, -50, -50}
	case questions.FillBlank:
		answer, q.Accepted = "Niamey", models.Strings{"Niamey, Niger"}
	case questions.Numeric:
		answer, q.Tolerance = "200", 5
	case questions.Ordering:
		q.Options, answer = models.Strings{"1960 independence", "2011 raid", "1922 colony"}, []string{"1922 colony", "1960 independence", "2011 raid"}
	case questions.Matching:
		q.Options, answer = models.Strings{"Dakar", "Niamey", "Bamako"}, [][2]string{{"Niger", "Niamey"}, {"Mali", "Bamako"}, {"Senegal", "Dakar"}}
	}
	raw, err := json.Marshal(answer)
	if err != nil {
		t.Fatal(err)
	}
	q.Answer = models.JSON(raw)
	return &models.AttemptQuestion{ID: 1, AttemptID: 1, Position: 1, QuestionID: q.ID, Options: q.Options, Question: q}
}

// formArgs parses a form body the way fasthttp parses a posted form, and
// reads it the way the handlers do: the first value of a field, and every
// value of a field.
func formArgs(body string) (value func(string) string, values func(string) []string) {
	var args fasthttp.Args
	args.Parse(body)
	value = func(key string) string { return string(args.Peek(key)) }
	values = func(key string) []string {
		var out []string
		for _, v := range args.PeekMulti(key) {
			out = append(out, string(v))
		}
		return out
	}
	return value, values
}

// checkGrade grades an accepted answer as gradeAndRecord does: it must
// encode for storage (RecordAnswer) and earn a credit from 0 to 1 that agrees with
// CheckAnswer.
func checkGrade(t *testing.T, q models.Question, given any) {
	eq, err := q.Engine()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(given); err != nil {
		t.Fatalf("accepted answer %#v does not encode: %v", given, err)
	}
	credit := questions.Credit(eq, given)
	if !(credit >= 0 && credit <= 1) {
		t.Fatalf("credit %v for %#v", credit, given)
	}
	if right := questions.CheckAnswer(eq, given); right != (credit == 1) {
		t.Fatalf("CheckAnswer %v but credit %v for %#v", right, credit, given)
	}
}

// checkList checks an accepted list answer: at least one item, at most
// MaxOptions (and no more than options, the question's, when known), none
// longer than a typed answer may be.
func checkList(t *testing.T, items []string, options int) {
	if len(items) == 0 || len(items) > questions.MaxOptions || options > 0 && len(items) > options {
		t.Fatalf("%d items accepted for %d options", len(items), options)
	}
	for _, it := range items {
		checkLength(t, it)
	}
}

func checkLength(t *testing.T, s string) {
	if n := utf8.RuneCountInString(s); n > questions.MaxGivenLen {
		t.Fatalf("a text of %d characters accepted", n)
	}
}

// FuzzFormAnswer posts a form body as the answer to a question of each
// type and grades what is accepted.
func FuzzFormAnswer(f *testing.F) {
	seeds := []struct {
		typ  questions.Type
		body string
	}{
		{questions.MultipleChoice, "question_id=7&answer=Niamey"},
		{questions.MultipleChoice, "answer=%20Bamako%20"},
		{questions.MultipleChoice, "answer=Lagos"},
		{questions.TrueFalse, "answer=true"},
		{questions.TrueFalse, "answer=TRUE"},
		{questions.MultipleAnswer, "answer=Mali&answer=Niger"},
		{questions.MultipleAnswer, "answer=Mali&answer=Mali&answer=Mali"},
		{questions.MultipleAnswer, "answer=Mali&answer=Atlantis"},
		{questions.MultipleAnswer, ""},
		{questions.FillBlank, "answer=niamey"},
		{questions.FillBlank, "answer=" + strings.Repeat("x", 501)},
		{questions.FillBlank, "answer=" + strings.Repeat("%E5%B0%BC", 200)},
		{questions.FillBlank, "answer=%00%00"},
		{questions.Numeric, "answer=1e309"},
		{questions.Numeric, "answer=NaN"},
		{questions.Numeric, "answer=-200"},
		{questions.Numeric, "answer=%E2%88%92203"},
		{questions.Ordering, "order_1=1922+colony&order_2=1960+independence&order_3=2011+raid"},
		{questions.Ordering, "order_1=2011+raid&order_2=2011+raid&order_3=1922+colony"},
		{questions.Ordering, "order_0=x&order_4=y"},
		{questions.Matching, "match_0=Niamey&match_1=Bamako&match_2=Dakar"},
		{questions.Matching, "match_0=Niamey&match_1=Niamey&match_2=Niamey"},
		{questions.Matching, "match_-1=Dakar&match_3=Dakar"},
	}
	for _, s := range seeds {
		f.Add(uint8(slices.Index(answerTypes, s.typ)), s.body)
	}
	f.Fuzz(func(t *testing.T, pick uint8, body string) {
		aq := fuzzAttemptQuestion(t, answerTypes[int(pick)%len(answerTypes)])
		value, values := formArgs(body)
		q, err := aq.Question.Engine()
		if err != nil {
			t.Fatal(err)
		}
		given, problem := questions.AnswerFromForm(q, aq.Options, value, values("answer"))
		if problem != "" {
			if given != nil {
				t.Fatalf("an answer %#v and a problem %q", given, problem)
			}
			return
		}
		switch questions.Type(aq.Question.Type) {
		case questions.MultipleChoice:
			if s, ok := given.(string); !ok || !slices.Contains(aq.Options, s) {
				t.Fatalf("multiple choice answer %#v is no option", given)
			}
		case questions.TrueFalse:
			if _, ok := given.(bool); !ok {
				t.Fatalf("true/false answer %#v", given)
			}
		case questions.MultipleAnswer, questions.Ordering:
			items, ok := given.([]string)
			if !ok {
				t.Fatalf("list answer %#v", given)
			}
			checkList(t, items, len(aq.Options))
			for i, it := range items {
				if !slices.Contains(aq.Options, it) || slices.Contains(items[:i], it) {
					t.Fatalf("list answer %q: %q is no option or comes twice", items, it)
				}
			}
			if aq.Question.Type == string(questions.Ordering) && len(items) != len(aq.Options) {
				t.Fatalf("ordering answer %q leaves items out", items)
			}
		case questions.Matching:
			pairs, ok := given.([][2]string)
			if !ok || len(pairs) != len(aq.Question.Lefts()) {
				t.Fatalf("matching answer %#v", given)
			}
			for _, p := range pairs {
				if !slices.Contains(aq.Options, p[1]) {
					t.Fatalf("matching answer %q: %q is no option", pairs, p[1])
				}
			}
		default:
			s, ok := given.(string)
			if !ok || s == "" || s != strings.TrimSpace(s) || utf8.RuneCountInString(s) > questions.MaxGivenLen {
				t.Fatalf("typed answer %q", given)
			}
		}
		checkGrade(t, aq.Question, given)
	})
}

// FuzzJSONAnswer sends a JSON body to the answer API for a question of
// each type and grades what is accepted.
func FuzzJSONAnswer(f *testing.F) {
	seeds := []struct {
		typ  questions.Type
		body string
	}{
		{questions.MultipleChoice, `{"question_id": 7, "answer": "Niamey"}`},
		{questions.MultipleChoice, `{"question_id": 7, "answer": ["Niamey"]}`},
		{questions.TrueFalse, `{"question_id": 7, "answer": true}`},
		{questions.TrueFalse, `{"question_id": 7, "answer": "true"}`},
		{questions.MultipleAnswer, `{"question_id": 7, "answer": ["Mali", "Niger"]}`},
		{questions.MultipleAnswer, `{"question_id": 7, "answer": ["Mali", "Mali", "Mali", "Mali", "Mali", "Mali", "Mali", "Mali", "Mali", "Mali", "Mali", "Mali", "Mali"]}`},
		{questions.MultipleAnswer, `{"question_id": 7, "answer": []}`},
		{questions.FillBlank, `{"question_id": 7, "answer": "Niamey"}`},
		{questions.FillBlank, `{"question_id": 7, "answer": "` + strings.Repeat(`\u00e9`, 400) + `"}`},
		{questions.FillBlank, `{"question_id": 7, "answer": "\u0000"}`},
		{questions.FillBlank, `{"question_id": 7, "answer": null}`},
		{questions.Numeric, `{"question_id": 7, "answer": 203.5}`},
		{questions.Numeric, `{"question_id": 7, "answer": 1e308}`},
		{questions.Numeric, `{"question_id": 7, "answer": 1e309}`},
		{questions.Numeric, `{"question_id": 7, "answer": "NaN"}`},
		{questions.Numeric, `{"question_id": 7, "answer": -0}`},
		{questions.Ordering, `{"question_id": 7, "answer": ["1922 colony", "1960 independence", "2011 raid"]}`},
		{questions.Ordering, `{"question_id": 7, "answer": ["` + strings.Repeat("a", 600) + `"]}`},
		{questions.Ordering, `{"question_id": 7, "answer": [1, 2, 3]}`},
		{questions.Matching, `{"question_id": 7, "answer": [["Niger", "Niamey"], ["Mali", "Bamako"], ["Senegal", "Dakar"]]}`},
		{questions.Matching, `{"question_id": 7, "answer": [["Niger", "Niamey", "x"]]}`},
		{questions.Matching, `{"question_id": 7, "answer": [` + strings.Repeat(`["a","b"],`, 20) + `["a","b"]]}`},
		{questions.Matching, `{"question_id": 7, "answer": {"Niger": "Niamey"}}`},
	}
	for _, s := range seeds {
		f.Add(uint8(slices.Index(answerTypes, s.typ)), []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, pick uint8, body []byte) {
		aq := fuzzAttemptQuestion(t, answerTypes[int(pick)%len(answerTypes)])
		// The same body and decoding as apiAnswer (decodeJSON).
		var req struct {
			QuestionID uint `json:"question_id"`
			Answer     any  `json:"answer"`
		}
		if json.Unmarshal(body, &req) != nil {
			return
		}
		given, err := jsonAnswer(aq.Question, req.Answer)
		if err != nil {
			var fe *fiber.Error
			if !errors.As(err, &fe) || fe.Code != fiber.StatusUnprocessableEntity || fe.Message == "" || given != nil {
				t.Fatalf("refusal %#v, %v", given, err)
			}
			return
		}
		switch v := given.(type) {
		case bool:
			if aq.Question.Type != string(questions.TrueFalse) {
				t.Fatalf("a boolean answer to a %s question", aq.Question.Type)
			}
		case string:
			checkLength(t, v)
		case []string:
			checkList(t, v, 0)
		case [][2]string:
			lefts := make([]string, len(v))
			for i, p := range v {
				lefts[i] = p[0]
				checkLength(t, p[1])
			}
			checkList(t, lefts, 0)
		default:
			t.Fatalf("answer of type %T", given)
		}
		checkGrade(t, aq.Question, given)
	})
}

// FuzzQuestionForm posts the instructor's question form. A question the
// form accepts must pass Validate, stay within its limits and grade its
// own right answer right.
func FuzzQuestionForm(f *testing.F) {
	for _, body := range []string{
		"type=multiple_choice&prompt=Capital+of+Niger%3F&option_1=Niamey&option_2=Dakar&option_3=&right=1&tags=week+1%2C+geo",
		"type=multiple_choice&prompt=Q&option_1=A&option_2=a.&right=2",
		"type=multiple_choice&prompt=Q&option_1=A&option_2=B&right=99",
		"type=multiple_answer&prompt=Which+are+in+Africa%3F&option_1=Mali&weight_1=50&option_2=Niger&weight_2=50&option_3=France&weight_3=-100&option_feedback_3=No",
		"type=multiple_answer&prompt=Q&option_1=A&weight_1=NaN&option_2=B&weight_2=1e309",
		"type=multiple_answer&prompt=Q&option_1=A&weight_1=33.33333&option_2=B&weight_2=33.33333&option_3=C&weight_3=33.33333",
		"type=true_false&prompt=Niamey+is+in+Niger.&truth=true",
		"type=true_false&prompt=Q&truth=yes",
		"type=fill_blank&prompt=The+capital+is+___.&answer=Niamey&accepted=Niamey%2C+Niger%0A%0A+niamey+",
		"type=fill_blank&prompt=Q&answer=" + strings.Repeat("%E5%B0%BC", 300),
		"type=numeric&prompt=How+many+men%3F&answer=200&tolerance=5",
		"type=numeric&prompt=Q&answer=-40&tolerance=NaN",
		"type=numeric&prompt=Q&answer=1e309&tolerance=-1",
		"type=numeric&prompt=Q&answer=%E2%88%923.5&tolerance=Inf",
		"type=ordering&prompt=Put+in+order&items=1922+colony%0D%0A1960+independence%0A2011+raid",
		"type=ordering&prompt=Q&items=a%0Aa",
		"type=matching&prompt=Match&pairs=Niger+-%3E+Niamey%0AMali+-%3E+Bamako%0ASenegal+-%3E+Dakar",
		"type=matching&prompt=Q&pairs=a+-%3E+b+-%3E+c%0A-%3E+x%0Ad-%3E" + strings.Repeat("y", 2000),
		"type=essay&prompt=Q",
		"type=fill_blank&prompt=%00&answer=%00",
		"",
	} {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		value, _ := formArgs(body)
		q, errs := questionFromForm(value)
		for k, msg := range errs {
			if msg == "" {
				t.Fatalf("field %q refused without a message", k)
			}
		}
		if len(errs) > 0 {
			return
		}
		if v := questions.Validate(q); len(v) > 0 {
			t.Fatalf("accepted a question Validate refuses: %v", v)
		}
		if !slices.Contains(answerTypes, q.Type) {
			t.Fatalf("accepted type %q", q.Type)
		}
		if n := utf8.RuneCountInString(q.Prompt); n == 0 || n > questions.MaxPromptLen {
			t.Fatalf("accepted a prompt of %d characters", n)
		}
		texts := slices.Concat(q.Options, q.Order, q.Answers)
		for _, p := range q.Pairs {
			texts = append(texts, p[0], p[1])
		}
		if len(q.Options) > questions.MaxOptions || len(q.Pairs) > questions.MaxOptions {
			t.Fatalf("accepted %d options, %d pairs", len(q.Options), len(q.Pairs))
		}
		for _, s := range texts {
			if n := utf8.RuneCountInString(s); n == 0 || n > questions.MaxAnswerLen {
				t.Fatalf("accepted an option or item of %d characters", n)
			}
		}
		if math.IsNaN(q.Tolerance) || math.IsInf(q.Tolerance, 0) || q.Tolerance < 0 {
			t.Fatalf("accepted tolerance %v", q.Tolerance)
		}
		if !questions.CheckAnswer(q, q.Expected()) || questions.Credit(q, q.Expected()) != 1 {
			t.Fatalf("accepted a question that grades its own answer wrong: %+v", q)
		}
		raw, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		var back questions.Question
		if err := json.Unmarshal(raw, &back); err != nil || back.Type != q.Type {
			t.Fatalf("question does not survive JSON: %v", err)
		}
	})
}

// FuzzQuizSettings posts the quiz settings form; rule_articles may come
// several times.
func FuzzQuizSettings(f *testing.F) {
	for _, body := range []string{
		"name=Week+1&feedback_mode=each&time_limit=20&attempts_allowed=3&pass_mark=50&opens_at=2026-12-01T09%3A00&closes_at=2026-12-08T09%3A00",
		"name=Rule&mode=rule&rule_count=5&rule_articles=1&rule_articles=2&rule_tag=week+1&shuffle_questions=on&shuffle_options=on",
		"name=Rule&mode=rule&rule_count=0&rule_articles=0&rule_articles=-1&rule_articles=4294967296",
		"name=%20%20&time_limit=1e309&attempts_allowed=-1&pass_mark=101&feedback_mode=sometimes",
		"name=X&time_limit=9223372036854775808&pass_mark=NaN&opens_at=2026-02-30T09%3A00&closes_at=0000-01-01T00%3A00",
		"name=X&opens_at=2026-12-08T09%3A00&closes_at=2026-12-01T09%3A00",
		"name=" + strings.Repeat("%C3%A9", 201),
		"name=%00&mode=rule&rule_count=+7",
		"",
	} {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		value, values := formArgs(body)
		set, errs := quizSettingsFrom(value, values("rule_articles"))
		for k, msg := range errs {
			if msg == "" {
				t.Fatalf("field %q refused without a message", k)
			}
		}
		if len(errs) > 0 {
			return
		}
		switch {
		case set.Name == "" || set.Name != strings.TrimSpace(set.Name) || utf8.RuneCountInString(set.Name) > 200:
			t.Fatalf("name %q", set.Name)
		case set.RuleCount < 0 || set.RuleCount > models.MaxAttemptSize || value("mode") == "rule" && set.RuleCount == 0:
			t.Fatalf("rule count %d", set.RuleCount)
		case set.TimeLimit < 0 || set.TimeLimit > 24*60, set.AttemptsAllowed < 0 || set.AttemptsAllowed > 1000,
			set.PassMark < 0 || set.PassMark > 100:
			t.Fatalf("numbers out of range: %+v", set)
		case !slices.Contains([]string{models.FeedbackEach, models.FeedbackEnd, models.FeedbackNever}, set.FeedbackMode):
			t.Fatalf("feedback mode %q", set.FeedbackMode)
		case set.OpensAt != nil && set.ClosesAt != nil && !set.ClosesAt.After(*set.OpensAt):
			t.Fatalf("closes %v before it opens %v", set.ClosesAt, set.OpensAt)
		case slices.Contains(set.RuleArticles, 0):
			t.Fatalf("rule articles %v", set.RuleArticles)
		}
	})
}

// FuzzReviewParams reads a flashcard rating and the review page's ?card=.
func FuzzReviewParams(f *testing.F) {
	for _, s := range []string{"1", "4", "3", "0", "5", "-1", " 3", "+3", "03", "3.0", "1e309", "NaN", "9223372036854775808", "４", "\x00", "4294967296", ""} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, rating, card string) {
		r, err := parseRating(rating)
		if err != nil {
			var fe *fiber.Error
			if !errors.As(err, &fe) || fe.Code != fiber.StatusUnprocessableEntity || fe.Message == "" {
				t.Fatalf("rating %q refused with %v", rating, err)
			}
		} else if !r.Valid() || strconv.Itoa(int(r)) != strings.TrimLeft(strings.TrimPrefix(rating, "+"), "0") {
			t.Fatalf("rating %q read as %d", rating, r)
		}
		id, err := cardParam(card)
		if err != nil {
			var fe *fiber.Error
			if !errors.As(err, &fe) || fe.Code != fiber.StatusNotFound || fe.Message == "" {
				t.Fatalf("card %q refused with %v", card, err)
			}
		} else if id == 0 || uint64(id) > math.MaxUint32 {
			t.Fatalf("card %q read as %d", card, id)
		}
	})
}

// FuzzBankFilter reads the bank's query string, and the filter the bulk
// form sends back in "return". Pages stay from 1 to maxPageParam, and a
// filter written back as a query reads back the same.
func FuzzBankFilter(f *testing.F) {
	for _, s := range []string{
		"article=3&type=fill_blank&status=approved&origin=manual&tag=week+1&q=capital+niger&page=2",
		"page=0", "page=-3", "page=1073741825", "page=9223372036854775807", "page=1e309", "page=NaN",
		"article=x", "article=4294967296", "tag=%25_%5C&q=%00%FF", "page=+2&page=3", "q=" + strings.Repeat("%E2%82%AC", 300),
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		value, _ := formArgs(query)
		fq, err := bankFilterFrom(value)
		if err != nil {
			var fe *fiber.Error
			if !errors.As(err, &fe) || fe.Code != fiber.StatusBadRequest || fe.Message == "" {
				t.Fatalf("query %q refused with %v", query, err)
			}
		} else if fq.Page < 1 || fq.Page > maxPageParam || fq.ArticleID > maxPageParam {
			t.Fatalf("query %q read as page %d, article %d", query, fq.Page, fq.ArticleID)
		}
		back, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		fr := filterFrom(back)
		if fr.Page < 1 || fr.Page > maxPageParam || fr.PerPage != 0 {
			t.Fatalf("return %q read as page %d, %d a page", query, fr.Page, fr.PerPage)
		}
		again, err := url.ParseQuery(bankQuery(fr, 0))
		if err != nil {
			t.Fatal(err)
		}
		if got := filterFrom(again); got != fr {
			t.Fatalf("filter %+v reads back as %+v", fr, got)
		}
	})
}

// FuzzReportSort reads a report's ?sort= and ?dir=: the key is always one
// of the table's columns.
func FuzzReportSort(f *testing.F) {
	for _, s := range []string{"date", "learner", "score", "time", "", "Date", "email", "date&dir=desc", "<script>", "\x00", strings.Repeat("score", 100)} {
		f.Add(s, "desc")
		f.Add(s, "asc")
	}
	f.Fuzz(func(t *testing.T, sort, dir string) {
		key, desc := reportSort(sort, dir)
		if !slices.ContainsFunc(reportColumns, func(c struct{ key, label string }) bool { return c.key == key }) {
			t.Fatalf("sort %q gives key %q", sort, key)
		}
		if desc != (dir == "desc") {
			t.Fatalf("dir %q gives desc %v", dir, desc)
		}
		if sort != key && slices.ContainsFunc(reportColumns, func(c struct{ key, label string }) bool { return c.key == sort }) {
			t.Fatalf("column %q sorted by %q", sort, key)
		}
	})
}

// FuzzPathAndCount reads a numeric route parameter through Fiber's
// routing, as every /{id} page does, and a quiz's question count.
func FuzzPathAndCount(f *testing.F) {
	for _, s := range []string{"1", "42", "0", "-1", "007", "+1", "4294967295", "4294967296", "1e3", "%31", "１", "\x00", "a b", strings.Repeat("9", 400), ""} {
		f.Add(s, s)
	}
	app := fiber.New()
	app.Get("/x/:id", func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		return c.SendString(strconv.FormatUint(uint64(id), 10))
	})
	handler := app.Handler()
	f.Fuzz(func(t *testing.T, param, count string) {
		var ctx fasthttp.RequestCtx
		ctx.Request.SetRequestURI("/x/" + url.PathEscape(param))
		handler(&ctx)
		switch status, body := ctx.Response.StatusCode(), string(ctx.Response.Body()); status {
		case fiber.StatusOK:
			n, err := strconv.ParseUint(body, 10, 64)
			if err != nil || n == 0 || n > math.MaxUint32 {
				t.Fatalf("param %q read as %q", param, body)
			}
		case fiber.StatusNotFound:
		default:
			t.Fatalf("param %q: status %d, %s", param, status, body)
		}

		n, err := countValue(count)
		if err != nil {
			var fe *fiber.Error
			if !errors.As(err, &fe) || fe.Code != fiber.StatusBadRequest || fe.Message == "" {
				t.Fatalf("count %q refused with %v", count, err)
			}
		} else if n < 1 || n > models.MaxAttemptSize {
			t.Fatalf("count %q read as %d", count, n)
		}
	})
}

// FuzzSafeNext checks the "next" address of the log-in and sign-up forms:
// whatever is kept must stay on this site as a browser reads it (which
// drops tabs and newlines and takes a backslash for a slash).
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/dashboard", "/articles/3?x=1#top", "//evil.example", "/\\evil.example", "https://evil.example",
		"/\r\nSet-Cookie: x=1", "", "dashboard", "/%2F%2Fevil.example", "/ /evil", "\x00/"} {
		f.Add(s)
	}
	site, _ := url.Parse("http://factquiz.test/")
	f.Fuzz(func(t *testing.T, next string) {
		got := nextOr(next, "/dashboard")
		if got != next && got != "/dashboard" {
			t.Fatalf("next %q became %q", next, got)
		}
		browser := strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(got)
		if !strings.HasPrefix(browser, "/") || strings.HasPrefix(browser, "//") {
			t.Fatalf("next %q leaves the site as %q", next, browser)
		}
		if loc, err := site.Parse(browser); err == nil && loc.Host != site.Host {
			t.Fatalf("next %q goes to host %q", next, loc.Host)
		}
	})
}
