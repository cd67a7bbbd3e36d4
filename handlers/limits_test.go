package handlers

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/questions/formats"
)

// The limits: each input that could grow without bound has one, and going
// over it gives a status and a message that says the limit, with nothing
// stored.

// limitedApp is a test application whose articles may be at most
// maxArticle bytes.
func limitedApp(t *testing.T, maxArticle int) *testApp {
	t.Helper()
	ta := newTestApp(t)
	app, err := New(ta.store, Config{MaxArticleBytes: maxArticle, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ta.app = app
	return ta
}

// articleOfSize is an article of exactly n bytes.
func articleOfSize(t *testing.T, n int) string {
	t.Helper()
	text := "= Limits =\n\nLyon is a city in France. It lies on the Rhône, which flows into the Mediterranean Sea.\n"
	if len(text) > n {
		t.Fatalf("no article of %d bytes", n)
	}
	return text + strings.Repeat(" ", n-len(text))
}

func bankTotal(t *testing.T, ta *testApp) int64 {
	t.Helper()
	p, err := ta.store.ListQuestions(models.BankFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return p.Total
}

func wantSays(t *testing.T, what, body string, says ...string) {
	t.Helper()
	for _, s := range says {
		if !strings.Contains(body, s) {
			t.Errorf("%s does not say %q:\n%.1500s", what, s, body)
		}
	}
}

func wantContentType(t *testing.T, what string, resp *http.Response, prefix string) {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, prefix) {
		t.Errorf("%s: Content-Type %q, want %s", what, ct, prefix)
	}
}

// numbered is n lines, line(1) to line(n).
func numbered(n int, line func(i int) string) string {
	out := make([]string, n)
	for i := range out {
		out[i] = line(i + 1)
	}
	return strings.Join(out, "\n")
}

// announceBody sends the head of a POST whose Content-Length says length
// bytes, with any further header lines, and the first 16 KB of its body,
// and reads the answer the server gives before the rest comes.
func announceBody(t *testing.T, base, path, ctype string, length int, headers ...string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: %s\r\nContent-Length: %d\r\n", path, ctype, length)
	for _, h := range headers {
		fmt.Fprintf(conn, "%s\r\n", h)
	}
	// The server reads ahead about 8 KB of a body before its handlers
	// run; they must answer with the rest never sent.
	fmt.Fprint(conn, "\r\n"+strings.Repeat("x", min(length, 16<<10)))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// TestLimitArticleSize: an article over the parser's limit is refused
// with a 413 that gives its size and the limit, through the form (pasted
// or uploaded) and the API (plain text or JSON); one at the limit is
// added.
func TestLimitArticleSize(t *testing.T) {
	const limit = 4096
	ta := limitedApp(t, limit)
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	_, form := teacher.get("/articles/new")
	wantSays(t, "the form", form, "of at most 4 KB")
	over := articleOfSize(t, limit+1)
	says := fmt.Sprintf("%d bytes; the limit is %d bytes", limit+1, limit)

	token := teacher.csrf("/articles/new")
	for name, send := range map[string]func() (*http.Response, string){
		"pasted in the form": func() (*http.Response, string) {
			return teacher.postMultipart("/articles", map[string]string{"_csrf": token, "text": over}, "", nil)
		},
		"uploaded in the form": func() (*http.Response, string) {
			return teacher.postMultipart("/articles", map[string]string{"_csrf": token}, "big.txt", []byte(over))
		},
		"as text to the API": func() (*http.Response, string) {
			req := httptest.NewRequest(http.MethodPost, "/api/articles", strings.NewReader(over))
			req.Header.Set("Content-Type", "text/plain")
			return teacher.do(req)
		},
		"as JSON to the API": func() (*http.Response, string) {
			resp, out := teacher.postJSON("/api/articles", map[string]string{"text": over})
			return resp, fmt.Sprint(out)
		},
	} {
		t.Run(name, func(t *testing.T) {
			resp, body := send()
			wantStatus(t, resp, http.StatusRequestEntityTooLarge, body)
			wantSays(t, name, body, "too large", says)
		})
	}
	if n, _ := ta.store.ArticleCount(); n != 0 {
		t.Fatalf("%d articles stored", n)
	}

	resp, body := teacher.postMultipart("/articles", map[string]string{"_csrf": token, "text": articleOfSize(t, limit)}, "", nil)
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, out := teacher.postJSON("/api/articles", map[string]string{"text": articleOfSize(t, limit)})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(out))
	if n, _ := ta.store.ArticleCount(); n != 2 {
		t.Errorf("%d articles stored, want the 2 at the limit", n)
	}
}

// TestLimitImportSize: a question file over 2 MB, pasted or uploaded, is
// refused with the limit, confirmed or not.
func TestLimitImportSize(t *testing.T) {
	ta := newTestApp(t)
	id := fmt.Sprint(ta.addArticle("city_lyon.txt"))
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	before := bankTotal(t, ta)
	_, page := teacher.get("/bank/import")
	wantSays(t, "the import form", page, "At most 2 MB")
	big := strings.Repeat("Lyon is in France. {T}\n\n", maxImportBytes/24+1)
	says := fmt.Sprintf("at most %d bytes", maxImportBytes)
	token := teacher.csrf("/bank/import")
	for _, confirm := range []string{"", "1"} {
		resp, body := teacher.postMultipart("/bank/import", map[string]string{"_csrf": token, "article": id, "format": "gift", "text": big, "confirm": confirm}, "", nil)
		wantStatus(t, resp, http.StatusUnprocessableEntity, body)
		wantSays(t, "a pasted file too large", body, "The text is too large", says)
		resp, body = teacher.postMultipart("/bank/import", map[string]string{"_csrf": token, "article": id, "format": "gift", "confirm": confirm}, "big.gift", []byte(big))
		wantStatus(t, resp, http.StatusUnprocessableEntity, body)
		wantSays(t, "an uploaded file too large", body, "The file is too large", says)
	}
	if after := bankTotal(t, ta); after != before {
		t.Errorf("%d questions stored by refused imports", after-before)
	}
}

// giftTrueFalse is a GIFT file of n true-or-false questions.
func giftTrueFalse(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Statement %d is true. {T}\n\n", i+1)
	}
	return b.String()
}

// TestLimitImportCount: one import stores at most 1000 questions; a file
// of more is refused, with the count and the limit, and nothing stored.
func TestLimitImportCount(t *testing.T) {
	ta := newTestApp(t)
	id := fmt.Sprint(ta.addArticle("city_lyon.txt"))
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	before := bankTotal(t, ta)
	token := teacher.csrf("/bank/import")
	resp, body := teacher.postForm("/bank/import", url.Values{"_csrf": {token}, "article": {id}, "format": {"gift"}, "confirm": {"1"},
		"text": {giftTrueFalse(formats.MaxImportQuestions + 1)}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	wantSays(t, "an import of too many questions", body, "The file has 1001 questions: at most 1000 can be imported at once")
	if after := bankTotal(t, ta); after != before {
		t.Fatalf("%d questions stored by a refused import", after-before)
	}
	resp, body = teacher.postForm("/bank/import", url.Values{"_csrf": {token}, "article": {id}, "format": {"gift"},
		"text": {giftTrueFalse(formats.MaxImportQuestions)}})
	wantStatus(t, resp, http.StatusOK, body)
	wantSays(t, "the preview of 1000 questions", body, "1000 questions will be imported")
}

// TestLimitOptions: a question has at most 12 options, items or pairs,
// written in the form or imported; more is a field error that says 12.
func TestLimitOptions(t *testing.T) {
	ta := newTestApp(t)
	articleID := ta.addArticle("city_lyon.txt")
	article := fmt.Sprint(articleID)
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	token := teacher.csrf("/")
	events := func(n int) string { return numbered(n, func(i int) string { return fmt.Sprintf("Event %d", i) }) }
	pairs := func(n int) string {
		return numbered(n, func(i int) string { return fmt.Sprintf("Left %d -> Right %d", i, i) })
	}
	manual := func() int64 {
		p, _ := ta.store.ListQuestions(models.BankFilter{Origin: models.OriginManual})
		return p.Total
	}
	for _, c := range []struct {
		form   url.Values
		status int
		says   string
	}{
		{url.Values{"type": {"ordering"}, "items": {events(questions.MaxOptions + 1)}}, http.StatusUnprocessableEntity, "Give at most 12 items."},
		{url.Values{"type": {"matching"}, "pairs": {pairs(questions.MaxOptions + 1)}}, http.StatusUnprocessableEntity, "Give at most 12 pairs."},
		{url.Values{"type": {"ordering"}, "items": {events(questions.MaxOptions)}}, http.StatusSeeOther, ""},
		{url.Values{"type": {"matching"}, "pairs": {pairs(questions.MaxOptions)}}, http.StatusSeeOther, ""},
	} {
		c.form.Set("_csrf", token)
		c.form.Set("article", article)
		c.form.Set("prompt", "Put them right.")
		before := manual()
		resp, body := teacher.postForm("/questions", c.form)
		wantStatus(t, resp, c.status, body)
		if c.says != "" {
			wantSays(t, "the form", body, c.says, `class="field-error"`)
			if manual() != before {
				t.Errorf("a refused %s question was stored", c.form.Get("type"))
			}
		}
	}
	// A multiple choice question takes as many options as the form has
	// rows for, 12.
	mc := url.Values{"_csrf": {token}, "article": {article}, "type": {"multiple_choice"}, "prompt": {"Which?"}, "right": {"1"}}
	for i := range questions.MaxOptions {
		mc.Set(fmt.Sprintf("option_%d", i+1), fmt.Sprintf("Option %d", i+1))
	}
	resp, body := teacher.postForm("/questions", mc)
	wantStatus(t, resp, http.StatusSeeOther, body)

	// Imported: each format with one question of 13 options beside a
	// good one; the preview says why the first is left out, and only the
	// good one is stored.
	letters := "ABCDEFGHIJKLM"
	var aiken strings.Builder
	aiken.WriteString("Which letter comes first?\n")
	for i, l := range letters {
		fmt.Fprintf(&aiken, "%c. Letter %d\n", l, i+1)
	}
	aiken.WriteString("ANSWER: A\n\nWhich city is the capital of France?\nA. Lyon\nB. Paris\nANSWER: B\n")
	var options, giftOptions []string
	for i := range len(letters) {
		options = append(options, fmt.Sprintf("Option %d", i+1))
		giftOptions = append(giftOptions, fmt.Sprintf("~Option %d", i+1))
	}
	giftOptions[0] = "=" + strings.TrimPrefix(giftOptions[0], "~")
	var csvFile bytes.Buffer
	w := csv.NewWriter(&csvFile)
	w.Write([]string{"type", "prompt", "options", "answer"})
	w.Write([]string{"multiple_choice", "Which option?", strings.Join(options, "\n"), "Option 1"})
	w.Write([]string{"multiple_choice", "Which city is the capital of France?", "Lyon\nParis", "Paris"})
	w.Flush()
	for format, text := range map[string]string{
		"gift":  "Which option? {" + strings.Join(giftOptions, " ") + "}\n\nLyon is in France. {T}\n",
		"aiken": aiken.String(),
		"csv":   csvFile.String(),
	} {
		before := bankTotal(t, ta)
		resp, body := teacher.postForm("/bank/import", url.Values{"_csrf": {token}, "article": {article}, "format": {format}, "text": {text}})
		wantStatus(t, resp, http.StatusOK, body)
		wantSays(t, "the "+format+" preview", body, "1 question will be imported", "Give at most 12 options.")
		resp, body = teacher.postForm("/bank/import", url.Values{"_csrf": {token}, "article": {article}, "format": {format}, "text": {text}, "confirm": {"1"}})
		wantStatus(t, resp, http.StatusSeeOther, body)
		if after := bankTotal(t, ta); after != before+1 {
			t.Errorf("%s: %d questions stored, want the good one", format, after-before)
		}
	}
}

// optionInput is the text input of one option row of the question form.
var optionInput = regexp.MustCompile(`name="option_[0-9]+"`)

// TestLimitOptionRows: the question form never shows more option rows
// than a question may have, however many are filled; an option sent past
// the last row is refused with the limit, not dropped, for multiple choice
// and multiple answer, new or edited.
func TestLimitOptionRows(t *testing.T) {
	ta := newTestApp(t)
	article := fmt.Sprint(ta.addArticle("city_lyon.txt"))
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	token := teacher.csrf("/")
	rows := func(body string) int { return len(optionInput.FindAllString(body, -1)) }
	options := func(typ string, n int) url.Values {
		form := url.Values{"_csrf": {token}, "article": {article}, "type": {typ}, "prompt": {"Which?"}, "right": {"1"}}
		for i := 1; i <= n; i++ {
			form.Set(fmt.Sprintf("option_%d", i), fmt.Sprintf("Option %d", i))
			form.Set(fmt.Sprintf("weight_%d", i), map[bool]string{true: "100", false: "0"}[i == 1])
		}
		return form
	}
	_, body := teacher.get("/questions/new?article=" + article)
	if n := rows(body); n != optionRows {
		t.Errorf("the new form shows %d option rows, want %d", n, optionRows)
	}
	resp, body := teacher.postForm("/questions", options("multiple_choice", questions.MaxOptions))
	wantStatus(t, resp, http.StatusSeeOther, body)
	p, _ := ta.store.ListQuestions(models.BankFilter{Origin: models.OriginManual})
	if p.Total != 1 {
		t.Fatalf("%d questions written, want 1", p.Total)
	}
	id := p.Questions[0].ID
	path := fmt.Sprintf("/questions/%d", id)
	_, body = teacher.get(path + "/edit")
	if n := rows(body); n != questions.MaxOptions {
		t.Errorf("the edit form of a question of %d options shows %d option rows", questions.MaxOptions, n)
	}

	// Refused for another reason, a form of 11 options comes back with 12
	// rows, not 17.
	form := options("multiple_choice", questions.MaxOptions-1)
	form.Set("prompt", "")
	resp, body = teacher.postForm(path, form)
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if n := rows(body); n != questions.MaxOptions {
		t.Errorf("a refused form of %d options comes back with %d option rows", questions.MaxOptions-1, n)
	}

	for _, typ := range []string{"multiple_choice", "multiple_answer"} {
		for _, to := range []string{"/questions", path} {
			resp, body := teacher.postForm(to, options(typ, questions.MaxOptions+1))
			wantStatus(t, resp, http.StatusUnprocessableEntity, body)
			wantSays(t, typ+" with 13 options to "+to, body, "Give at most 12 options.", `id="options-error"`, `value="Option 13"`)
		}
	}
	if p, _ := ta.store.ListQuestions(models.BankFilter{Origin: models.OriginManual}); p.Total != 1 {
		t.Errorf("%d questions written, want the 1 of 12 options", p.Total)
	}
	got, _ := ta.store.GetQuestion(id)
	if eq, _ := got.Engine(); len(eq.Options) != questions.MaxOptions {
		t.Errorf("the question has %d options after refused edits, want %d", len(eq.Options), questions.MaxOptions)
	}
}

// TestLimitQuestionTexts: every text of a question has a length, and the
// tags a number; over it, the form says so next to the field and stores
// nothing, as the import preview does.
func TestLimitQuestionTexts(t *testing.T) {
	ta := newTestApp(t)
	articleID := ta.addArticle("city_lyon.txt")
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	token := teacher.csrf("/")
	base := func() url.Values {
		return url.Values{"_csrf": {token}, "article": {fmt.Sprint(articleID)}, "type": {"multiple_choice"},
			"prompt": {"Which river?"}, "option_1": {"Rhône"}, "option_2": {"Seine"}, "right": {"1"}}
	}
	tags := func(n, size int) string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("%0*d", size, i))
		}
		return strings.Join(out, ", ")
	}
	long := func(n int) string { return strings.Repeat("é", n) }
	for _, c := range []struct {
		field, value string
		says         string
		fieldError   string // the id of the message next to the field
	}{
		{"prompt", long(questions.MaxPromptLen + 1), "at most 2000 characters", "prompt-error"},
		{"option_2", long(questions.MaxAnswerLen + 1), "at most 300 characters", "options-error"},
		{"title", long(questions.MaxTitleLen + 1), "The title may be at most 200 characters long.", "title-error"},
		{"feedback", long(questions.MaxFeedbackLen + 1), "The feedback may be at most 2000 characters long.", "feedback-error"},
		{"option_feedback_2", long(questions.MaxFeedbackLen + 1), "The feedback on an option may be at most 2000 characters long.", "options-error"},
		{"tags", tags(questions.MaxTags+1, 3), "Give at most 20 tags.", "tags-error"},
		{"tags", tags(1, questions.MaxTagLen+1), "Each tag may be at most 100 characters long.", "tags-error"},
	} {
		form := base()
		form.Set(c.field, c.value)
		resp, body := teacher.postForm("/questions", form)
		wantStatus(t, resp, http.StatusUnprocessableEntity, body)
		wantSays(t, c.field+" too long", body, c.says, `id="`+c.fieldError+`"`)
	}
	if p, _ := ta.store.ListQuestions(models.BankFilter{Origin: models.OriginManual}); p.Total != 0 {
		t.Fatalf("%d refused questions stored", p.Total)
	}
	// Everything at its limit is stored, characters counted, not bytes.
	form := base()
	for field, value := range map[string]string{"prompt": long(questions.MaxPromptLen), "option_2": long(questions.MaxAnswerLen),
		"title": long(questions.MaxTitleLen), "feedback": long(questions.MaxFeedbackLen), "option_feedback_2": long(questions.MaxFeedbackLen),
		"tags": tags(questions.MaxTags, questions.MaxTagLen)} {
		form.Set(field, value)
	}
	resp, body := teacher.postForm("/questions", form)
	wantStatus(t, resp, http.StatusSeeOther, body)

	gift := "::" + strings.Repeat("T", questions.MaxTitleLen+1) + ":: Lyon is in France. {T}\n\n" +
		"Lyon is in Spain. {F ####" + strings.Repeat("f", questions.MaxFeedbackLen+1) + "}\n\nLyon lies on the Rhône. {T}\n"
	resp, body = teacher.postForm("/bank/import", url.Values{"_csrf": {token}, "article": {fmt.Sprint(articleID)}, "format": {"gift"}, "text": {gift}})
	wantStatus(t, resp, http.StatusOK, body)
	wantSays(t, "the preview", body, "1 question will be imported", "Line 1: The title may be at most 200 characters long.",
		"Line 3: The feedback may be at most 2000 characters long.")
}

// TestLimitTags: a tag added to questions in bulk, or a quiz's rule
// draws by, is no longer than a question's tags may be; over it, the bank
// or the quiz form says the limit and nothing is stored.
func TestLimitTags(t *testing.T) {
	ta := newTestApp(t)
	articleID := ta.addArticle("city_lyon.txt")
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	token := teacher.csrf("/")
	p, _ := ta.store.ListQuestions(models.BankFilter{ArticleID: articleID, PerPage: 2})
	bulk := func(tag string) url.Values {
		return url.Values{"_csrf": {token}, "action": {"tag"}, "tag": {tag}, "return": {fmt.Sprintf("article=%d", articleID)},
			"ids": {fmt.Sprint(p.Questions[0].ID), fmt.Sprint(p.Questions[1].ID)}}
	}
	rule := func(tag string) url.Values {
		return url.Values{"_csrf": {token}, "name": {"By tag"}, "mode": {"rule"}, "rule_count": {"3"}, "rule_tag": {tag}}
	}
	over, at := strings.Repeat("é", questions.MaxTagLen+1), strings.Repeat("é", questions.MaxTagLen)

	resp, body := teacher.postForm("/bank/bulk", bulk(over))
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	wantSays(t, "the bank", body, `id="bank-error"`, "A tag may be at most 100 characters long.")
	if tags, _ := ta.store.Tags(); len(tags) != 0 {
		t.Errorf("a refused bulk tag stored tags %q", tags)
	}
	resp, body = teacher.postForm("/quizzes", rule(over))
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	wantSays(t, "the quiz form", body, `id="rule-tag-error"`, "The tag may be at most 100 characters long.")
	if zs, _ := ta.store.ListQuizzes(false, time.Now()); len(zs) != 0 {
		t.Errorf("%d quizzes stored", len(zs))
	}

	resp, body = teacher.postForm("/bank/bulk", bulk(at))
	wantStatus(t, resp, http.StatusSeeOther, body)
	if tagged, _ := ta.store.ListQuestions(models.BankFilter{Tag: at}); tagged.Total != 2 {
		t.Errorf("%d questions tagged at the limit, want 2", tagged.Total)
	}
	resp, body = teacher.postForm("/quizzes", rule(at))
	wantStatus(t, resp, http.StatusSeeOther, body)
}

// TestLimitAnswerLength: a typed answer has at most 500 characters, from
// the form or the API; a longer one is a 422 that says so, and nothing is
// stored.
func TestLimitAnswerLength(t *testing.T) {
	ta := newTestApp(t)
	articleID := contestArticle(t, ta)
	b := ta.client()
	owner := models.Owner{GuestToken: b.ensureGuest()}
	v, err := ta.store.StartAttempt(articleID, 3, owner)
	if err != nil {
		t.Fatal(err)
	}
	byType := map[string]uint{}
	for _, aq := range v.Questions {
		byType[aq.Question.Type] = aq.QuestionID
	}
	path := attemptURL(v.Attempt.ID)
	says := fmt.Sprintf("at most %d characters", questions.MaxGivenLen)
	answered := func() int {
		got, err := ta.store.GetAttempt(v.Attempt.ID, owner)
		if err != nil {
			t.Fatal(err)
		}
		return got.Answered()
	}

	resp, body := b.postForm(path+"/answers", url.Values{"_csrf": {b.csrf(path)}, "question_id": {fmt.Sprint(byType["fill_blank"])},
		"answer": {strings.Repeat("x", questions.MaxGivenLen+1)}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	wantSays(t, "the question page", body, "That answer is too long", says, `role="alert"`)
	resp, out := b.postJSON("/api"+path+"/answers", map[string]any{"question_id": byType["numeric"], "answer": strings.Repeat("7", questions.MaxGivenLen+1)})
	wantStatus(t, resp, http.StatusUnprocessableEntity, fmt.Sprint(out))
	wantContentType(t, "the API", resp, "application/json")
	if msg, _ := out["error"].(string); !strings.Contains(msg, says) {
		t.Errorf("the API says %q, not %q", msg, says)
	}
	if n := answered(); n != 0 {
		t.Fatalf("%d answers stored that were too long", n)
	}

	resp, body = b.postForm(path+"/answers", url.Values{"_csrf": {b.csrf(path)}, "question_id": {fmt.Sprint(byType["fill_blank"])},
		"answer": {strings.Repeat("x", questions.MaxGivenLen)}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, out = b.postJSON("/api"+path+"/answers", map[string]any{"question_id": byType["numeric"], "answer": strings.Repeat("7", questions.MaxGivenLen)})
	wantStatus(t, resp, http.StatusOK, fmt.Sprint(out))
	if n := answered(); n != 2 {
		t.Errorf("%d answers stored, want the 2 at the limit", n)
	}
}

// TestLimitPaging: the bank shows 50 questions a page whatever the query
// asks; a page that is not a whole number from 0 to 2^30 is a 400 that
// says the range, and a page past the last shows the last.
func TestLimitPaging(t *testing.T) {
	ta := newTestApp(t)
	ta.addArticle("city_lyon.txt")
	ta.addArticle("battle_hastings.txt")
	ta.addArticle("river_danube.txt")
	ta.addArticle("company_nintendo.txt")
	ta.addArticle("history_apollo_11.txt")
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	total := bankTotal(t, ta)
	pages := int((total + models.DefaultPerPage - 1) / models.DefaultPerPage)
	if pages < 3 { // page 2 must be a full page, not the last
		t.Fatalf("%d questions: too few for pages", total)
	}
	for _, bad := range []string{"abc", "-1", "1.5", "99999999999", "1073741825", "9223372036854775808"} {
		resp, body := teacher.get("/bank?page=" + bad)
		wantStatus(t, resp, http.StatusBadRequest, body)
		wantSays(t, "page="+bad, body, "The page must be a whole number from 1 to 1073741824, not “"+bad+"”.")
	}
	resp, body := teacher.get("/bank?article=4294967296")
	wantStatus(t, resp, http.StatusBadRequest, body)
	wantSays(t, "article=4294967296", body, "The article must be a whole number from 1 to 1073741824, not “4294967296”.")
	last := int(total) - (pages-1)*models.DefaultPerPage
	for query, want := range map[string][2]int{
		"page=0":                      {1, models.DefaultPerPage},
		"page=2":                      {2, models.DefaultPerPage},
		"page=" + fmt.Sprint(pages+3): {pages, last},
		"page=1073741824":             {pages, last},
		"per_page=100000":             {1, models.DefaultPerPage},
		"limit=100000&page=1":         {1, models.DefaultPerPage},
	} {
		resp, body := teacher.get("/bank?" + query)
		wantStatus(t, resp, http.StatusOK, body)
		wantSays(t, query, body, fmt.Sprintf("Page %d of %d", want[0], pages))
		if n := strings.Count(body, `name="ids"`); n != want[1] {
			t.Errorf("%s: %d rows, want %d", query, n, want[1])
		}
	}
	// An attempt asks at most 100 questions.
	l := ta.client()
	resp, body = l.postForm("/articles/1/attempts", url.Values{"_csrf": {l.csrf("/")}, "count": {"101"}})
	wantStatus(t, resp, http.StatusBadRequest, body)
	wantSays(t, "a form for 101 questions", body, "from 1 to 100")
	resp, out := l.postJSON("/api/attempts", map[string]any{"article_id": 1, "count": 101})
	wantStatus(t, resp, http.StatusBadRequest, fmt.Sprint(out))
	wantSays(t, "an API call for 101 questions", fmt.Sprint(out["error"]), "from 1 to 100")
}

// contestedSite is an app with an instructor, a learner who took a quiz
// with wrong answers and contested the fill-in one, and that contest.
type contestedSite struct {
	articleID uint
	teacher   *client
	ann       *client
	taken     quizTaken
	contests  []models.ContestItem
}

func newContestedSite(t *testing.T, ta *testApp) *contestedSite {
	t.Helper()
	cs := &contestedSite{articleID: contestArticle(t, ta)}
	cs.teacher = ta.as("teacher@example.com", models.RoleInstructor)
	cs.ann = ta.as("ann@example.com", models.RoleLearner)
	cs.taken = takeQuiz(t, ta, cs.ann, cs.articleID, models.Owner{UserID: currentID(t, ta, "ann@example.com")}, wrongAnswers)
	resp, body := cs.ann.contest(cs.taken, "fill_blank", "", "")
	wantStatus(t, resp, http.StatusSeeOther, body)
	var err error
	if cs.contests, err = ta.store.OpenContests(); err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestLimitFreeText: the other free texts, each refused past its limit
// with the limit in the message.
func TestLimitFreeText(t *testing.T) {
	ta := newTestApp(t)
	cs := newContestedSite(t, ta)
	teacher, ann, taken, contests, guest := cs.teacher, cs.ann, cs.taken, cs.contests, ta.client()
	for _, c := range []struct {
		name string
		c    *client
		path string
		form url.Values
		says string
	}{
		{"a display name", guest, "/signup", url.Values{"email": {"bob@example.com"}, "name": {strings.Repeat("n", 101)}, "password": {testPassword}},
			"Names may be at most 100 characters long."},
		{"a token name", ann, "/profile/tokens", url.Values{"name": {strings.Repeat("n", 101)}}, "Token names may be at most 100 characters long."},
		{"a quiz name", teacher, "/quizzes", url.Values{"name": {strings.Repeat("n", 201)}, "mode": {"chosen"}}, "Quiz names may be at most 200 characters long."},
		{"a contest's comment", ann, taken.url() + "/contest", url.Values{"question_id": {fmt.Sprint(taken.byType["numeric"].QuestionID)},
			"comment": {strings.Repeat("c", models.MaxContestComment+1)}}, "Comments may be at most 1000 characters long."},
		{"a rejection's reason", teacher, fmt.Sprintf("/contests/%d/reject", contests[0].ID), url.Values{"reason": {strings.Repeat("r", models.MaxContestReason+1)}},
			"Reasons may be at most 500 characters long."},
	} {
		c.form.Set("_csrf", cookieCSRF(c.c))
		resp, body := c.c.postForm(c.path, c.form)
		wantStatus(t, resp, http.StatusUnprocessableEntity, body)
		wantSays(t, c.name+" too long", body, c.says)
	}
	if open, _ := ta.store.OpenContests(); len(open) != 1 {
		t.Errorf("%d open contests, want the 1 made before", len(open))
	}
	if zs, _ := ta.store.ListQuizzes(false, time.Now()); len(zs) != 0 {
		t.Errorf("%d quizzes stored", len(zs))
	}
}
