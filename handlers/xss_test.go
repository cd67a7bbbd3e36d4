package handlers

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"factquiz/models"
	"factquiz/questions"
)

// The stored XSS probes: every field a user can write gets a hostile value
// of its own, tagged with the field's name, written through the real
// routes; then every page that shows the field is fetched as the role
// that sees it. Each page must show the value, escaped, and nowhere as
// markup: no script but the site's own, no event handler attribute, no
// javascript: link.

// hostile is a probe of one shape, tagged so that a leak names its field.
// Each shape breaks out of another context: text, a quoted attribute, a
// textarea, the page's title, a URL, a template.
func hostile(shape, tag string) string {
	switch shape {
	case "script":
		return `<script>alert("x-` + tag + `")</script>`
	case "img":
		return `"><img src=x onerror=alert('x-` + tag + `')>`
	case "attr":
		return `' autofocus onfocus=alert('x-` + tag + `') x='`
	case "textarea":
		return `</textarea><script>alert("x-` + tag + `")</script>`
	case "title":
		return `</title><script>alert("x-` + tag + `")</script>`
	case "url":
		return `javascript:alert('x-` + tag + `')`
	case "template":
		return `{{.}}{{template "layout.html"}}<b>x-` + tag + `</b>`
	}
	panic("no probe shape " + shape)
}

// probeEmail is the hostile address a learner signs up with: quotes, an
// ampersand and template braces are all allowed before the @.
const probeEmail = "x'&{{.}}-email@example.com"

// xssSite is an application whose every writable field holds a probe.
type xssSite struct {
	t      *testing.T
	ta     *testApp
	values map[string]string // field → its probe
	pages  int               // HTML pages checked

	admin, teacher, learner *client
	learnerID               uint
	articleID, apiArticleID uint
	quizID, ruleQuizID      uint
	manual                  map[string]uint      // question type → id of the question written in the form
	imported                map[string]uint      // "gift", "aiken", "csv", "csv-mc" → id
	quizAttempt, ownAttempt uint                 // the learner's attempts: the shared quiz and a quiz of the whole article
	practiceAttempt         uint                 // the learner's practice of the article
	quizPages               map[string][2]string // question type → its question and feedback pages in the quiz
	feedbackURL             map[uint]string      // question id → its feedback page in the quiz
	articleFeedback         []string             // the feedback pages of the article's quiz
}

func (s *xssSite) probe(field, shape string) string {
	s.t.Helper()
	if _, dup := s.values[field]; dup {
		s.t.Fatalf("field %s probed twice", field)
	}
	v := hostile(shape, field)
	s.values[field] = v
	return v
}

// escapeHTML is a value as html/template prints it in text, in a quoted
// attribute and in a textarea alike.
func escapeHTML(s string) string {
	var b strings.Builder
	template.Must(template.New("").Parse("{{.}}")).Execute(&b, s)
	return b.String()
}

// page fetches an HTML page as c and checks it, wanting it to show fields.
func (s *xssSite) page(c *client, path string, fields ...string) string {
	s.t.Helper()
	resp, body := c.get(path)
	wantStatus(s.t, resp, http.StatusOK, body)
	s.check(resp, "GET "+path, body, fields...)
	return body
}

// check fails the test when a probe broke out on the page, or when the
// page does not show one of fields escaped.
func (s *xssSite) check(resp *http.Response, name, body string, fields ...string) {
	s.t.Helper()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		s.t.Errorf("%s: Content-Type %q, want HTML", name, ct)
	}
	s.pages++
	for _, problem := range injections(body, s.values) {
		s.t.Errorf("%s: %s", name, problem)
	}
	for _, f := range fields {
		v, ok := s.values[f]
		if !ok {
			s.t.Fatalf("%s: no probe in field %s", name, f)
		}
		if !strings.Contains(body, escapeHTML(v)) {
			s.t.Errorf("%s does not show the %s probe, escaped as %s", name, f, escapeHTML(v))
		}
	}
}

// injections lists what broke out of its context on an HTML page: a
// probe printed as it was written, a script other than the site's own, an
// event handler attribute, a javascript: link, or an element the
// templates never write.
func injections(body string, probes map[string]string) []string {
	var out []string
	for field, v := range probes {
		if strings.Contains(body, v) {
			out = append(out, "the "+field+" probe is printed unescaped")
		}
	}
	lower := strings.ToLower(body)
	for _, raw := range []string{"<script>alert(", "<img src=x onerror"} {
		if strings.Contains(lower, raw) {
			out = append(out, "the page contains "+raw)
		}
	}
	for _, tag := range scanTags(body) {
		switch tag.name {
		case "script":
			if tag.attrs["src"] != "/static/app.js" {
				out = append(out, fmt.Sprintf("a script element %v", tag.attrs))
			}
		case "img", "iframe", "object", "embed", "base", "style", "frame", "frameset":
			out = append(out, fmt.Sprintf("an injected <%s> element %v", tag.name, tag.attrs))
		}
		for name, value := range tag.attrs {
			if strings.HasPrefix(name, "on") {
				out = append(out, fmt.Sprintf("an event handler %s=%q on <%s>", name, value, tag.name))
			}
			if urlAttrs[name] && dangerousURL(value) {
				out = append(out, fmt.Sprintf("<%s %s=%q>", tag.name, name, value))
			}
		}
	}
	return out
}

var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"poster": true, "data": true, "srcdoc": true}

// dangerousURL reports a URL that runs code, as a browser reads it:
// control characters and spaces around and inside the scheme are ignored.
func dangerousURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(u))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") || strings.HasPrefix(u, "data:text/html")
}

// htmlTag is a start tag of a page and its attributes, unescaped.
type htmlTag struct {
	name  string
	attrs map[string]string
}

// scanTags reads the start tags of a page the way a browser tokenizes
// them, which is enough for the well-formed pages html/template writes:
// a '<' followed by a letter opens a tag, attribute values may be quoted.
func scanTags(page string) []htmlTag {
	var out []htmlTag
	space := func(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }
	letter := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
	for i := 0; i < len(page); i++ {
		if page[i] != '<' || i+1 >= len(page) || !letter(page[i+1]) {
			continue
		}
		j := i + 1
		for j < len(page) && !space(page[j]) && page[j] != '>' && page[j] != '/' {
			j++
		}
		tag := htmlTag{name: strings.ToLower(page[i+1 : j]), attrs: map[string]string{}}
		for j < len(page) && page[j] != '>' {
			if space(page[j]) || page[j] == '/' {
				j++
				continue
			}
			k := j
			for k < len(page) && !space(page[k]) && page[k] != '=' && page[k] != '>' && (page[k] != '/' || k == j) {
				k++
			}
			name := strings.ToLower(page[j:k])
			for j = k; j < len(page) && space(page[j]); j++ {
			}
			value := ""
			if j < len(page) && page[j] == '=' {
				for j++; j < len(page) && space(page[j]); j++ {
				}
				if j < len(page) && (page[j] == '"' || page[j] == '\'') {
					end := strings.IndexByte(page[j+1:], page[j])
					if end < 0 {
						end = len(page) - j - 1
					}
					value, j = page[j+1:j+1+end], j+2+end
				} else {
					k = j
					for k < len(page) && !space(page[k]) && page[k] != '>' {
						k++
					}
					value, j = page[j:k], k
				}
			}
			tag.attrs[name] = html.UnescapeString(value)
		}
		out = append(out, tag)
		i = j
	}
	return out
}

func TestXSSScanTags(t *testing.T) {
	tags := scanTags(`<p class="a">x &lt;img src=x onerror=alert(1)&gt;</p><input value='&#34;&gt;' required><a href = "javascript&#58;alert(1)">`)
	if len(tags) != 3 || tags[0].name != "p" || tags[1].attrs["value"] != `">` || tags[2].attrs["href"] != "javascript:alert(1)" {
		t.Fatalf("scanned %+v", tags)
	}
	if _, ok := tags[1].attrs["required"]; !ok {
		t.Error("an attribute without a value is missed")
	}
	img, attr, link, area := hostile("img", "f"), hostile("attr", "f"), hostile("url", "f"), hostile("textarea", "f")
	for _, c := range []struct {
		page, probe string
		want        int
	}{
		{`<p>` + escapeHTML(img) + `</p>`, img, 0},
		{`<p title="` + escapeHTML(attr) + `">`, attr, 0},
		{`<script src="/static/app.js" defer></script><a href="/q/x?a=1&amp;b">`, img, 0},
		{`<p>` + img + `</p>`, img, 4},                 // the raw probe, "<img src=x onerror", the <img> and its onerror
		{`<a href="` + link + `">`, link, 2},           // the raw probe and the javascript: link
		{`<textarea>` + area + `</textarea>`, area, 3}, // the raw probe, "<script>alert(" and the script
		{`<p title='` + attr + `'>`, attr, 2},          // the raw probe and its onfocus
	} {
		if got := injections(c.page, map[string]string{"f": c.probe}); len(got) != c.want {
			t.Errorf("%s: %d problems %q, want %d", c.page, len(got), got, c.want)
		}
	}
}

// TestXSSStoredProbes writes a probe into every field, then reads every
// page that shows one, as the roles that see them.
func TestXSSStoredProbes(t *testing.T) {
	s := newXSSSite(t)
	t.Run("pages", s.checkPages)
	t.Run("json", s.checkJSON)
	t.Run("downloads", s.checkDownloads)
	t.Logf("%d fields probed; %d HTML pages checked", len(s.values), s.pages)
}

func newXSSSite(t *testing.T) *xssSite {
	ta := newTestApp(t)
	s := &xssSite{t: t, ta: ta, values: map[string]string{},
		manual: map[string]uint{}, imported: map[string]uint{}, quizPages: map[string][2]string{}, feedbackURL: map[uint]string{}}
	s.admin = ta.as("admin@example.com", models.RoleAdmin)
	s.teacher = ta.as("teacher@example.com", models.RoleInstructor)
	s.signUp()
	s.addArticles()
	s.writeQuestions()
	s.makeQuizzes()
	s.importQuestions()
	s.takeQuiz()
	s.contest()
	s.takeArticleQuiz()
	s.makeToken()
	return s
}

// post sends a form with the CSRF token of c's session and wants status.
func (s *xssSite) post(c *client, path string, form url.Values, status int) (*http.Response, string) {
	s.t.Helper()
	form.Set("_csrf", cookieCSRF(c))
	resp, body := c.postForm(path, form)
	wantStatus(s.t, resp, status, body)
	return resp, body
}

// cookieCSRF is the CSRF token of c's session, which forms post back; a
// page is read first when c has none yet.
func cookieCSRF(c *client) string {
	if c.cookies["fq_csrf"] == "" {
		c.get("/")
	}
	return c.cookies["fq_csrf"]
}

// signUp makes the learner through the sign-up form, with a hostile name
// and address.
func (s *xssSite) signUp() {
	s.learner = s.ta.client()
	s.values["email"] = probeEmail
	s.post(s.learner, "/signup", url.Values{"email": {probeEmail}, "name": {s.probe("name", "script")},
		"password": {testPassword}}, http.StatusSeeOther)
	s.learnerID = currentID(s.t, s.ta, probeEmail)
}

// addArticles adds an article through the form, with a hostile title,
// heading and paragraph, and another through the API.
func (s *xssSite) addArticles() {
	text := "= " + s.probe("article-title", "script") + " =\n\n" +
		"In 1312, Lyon became a city of France, built where the Saône flows into the Rhône. " + s.probe("article-text", "img") +
		" was written by Ann in 1998. The city was founded by the Romans in 43 BC.\n\n" +
		"== " + s.probe("article-heading", "title") + " ==\n" +
		"The Roman theatre of Lyon could seat about 10,000 spectators. Agrippa built the Roman theatre of Lyon in 15 BC.\n"
	resp, body := s.teacher.postMultipart("/articles", map[string]string{"_csrf": s.teacher.csrf("/articles/new"), "text": text}, "", nil)
	wantStatus(s.t, resp, http.StatusSeeOther, body)
	loc := resp.Header.Get("Location")
	s.articleID = parseID(s.t, strings.TrimPrefix(strings.TrimSuffix(loc, "?created=1"), "/articles/"))
	s.page(s.teacher, loc, "article-title", "article-heading", "article-text")

	resp, out := s.apiJSON(s.teacher, http.MethodPost, "/api/articles",
		map[string]string{"text": "= " + s.probe("api-article-title", "img") + " =\n\nNiamey is the capital of Niger. It lies on the Niger river.\n"})
	wantStatus(s.t, resp, http.StatusCreated, out)
	var created apiArticle
	if err := json.Unmarshal([]byte(out), &created); err != nil {
		s.t.Fatal(err)
	}
	s.apiArticleID = created.ID
}

// apiJSON sends a JSON request (with the CSRF header, as a script with
// cookies does) and checks that the answer is JSON with nothing a browser
// could take for markup.
func (s *xssSite) apiJSON(c *client, method, path string, body any) (*http.Response, string) {
	s.t.Helper()
	var req *http.Request
	if body == nil {
		req = httptest.NewRequest(method, path, nil)
	} else {
		data, _ := json.Marshal(body)
		req = httptest.NewRequest(method, path, bytes.NewReader(data))
		req.Header.Set("Content-Type", "application/json")
	}
	resp, out := c.do(req)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		s.t.Errorf("%s %s: Content-Type %q, want application/json", method, path, ct)
	}
	if !json.Valid([]byte(out)) {
		s.t.Errorf("%s %s: not JSON: %.300s", method, path, out)
	}
	if strings.ContainsAny(out, "<>") {
		s.t.Errorf("%s %s: the JSON holds a raw < or >: %.300s", method, path, out)
	}
	return resp, out
}

// writeQuestions writes a question of every type in the instructor's
// form, with a probe in every field the type has.
func (s *xssSite) writeQuestions() {
	article := fmt.Sprint(s.articleID)
	forms := []url.Values{
		{"type": {"multiple_choice"}, "title": {s.probe("question-title", "attr")}, "prompt": {s.probe("mc-prompt", "textarea")},
			"option_1": {s.probe("mc-option-1", "img")}, "option_2": {s.probe("mc-option-2", "attr")}, "option_3": {s.probe("mc-option-3", "url")},
			"right": {"1"}, "option_feedback_2": {s.probe("mc-option-feedback", "img")}, "feedback": {s.probe("mc-feedback", "textarea")},
			"tags": {s.probe("question-tags", "template")}},
		{"type": {"multiple_answer"}, "prompt": {s.probe("ma-prompt", "script")}, "option_1": {s.probe("ma-option", "script")},
			"weight_1": {"100"}, "option_2": {"Gao"}, "weight_2": {"0"}},
		{"type": {"true_false"}, "prompt": {s.probe("tf-prompt", "title")}, "truth": {"true"}},
		{"type": {"fill_blank"}, "prompt": {s.probe("fill-prompt", "script") + " _____"}, "answer": {s.probe("fill-answer", "img")},
			"accepted": {s.probe("fill-accepted", "url")}},
		{"type": {"numeric"}, "prompt": {s.probe("numeric-prompt", "template")}, "answer": {"6"}, "tolerance": {"0"}},
		{"type": {"ordering"}, "prompt": {"Put these in order."},
			"items": {s.probe("ordering-item-1", "img") + "\n" + s.probe("ordering-item-2", "script")}},
		{"type": {"matching"}, "prompt": {"Match them."},
			"pairs": {s.probe("matching-left", "script") + " -> " + s.probe("matching-right", "attr") + "\nNiger -> Niamey"}},
	}
	for _, form := range forms {
		form.Set("article", article)
		s.post(s.teacher, "/questions", form, http.StatusSeeOther)
	}
	page, err := s.ta.store.ListQuestions(models.BankFilter{ArticleID: s.articleID, Origin: models.OriginManual})
	if err != nil || len(page.Questions) != len(forms) {
		s.t.Fatalf("%d questions written, want %d (%v)", len(page.Questions), len(forms), err)
	}
	for _, q := range page.Questions {
		s.manual[q.Type] = q.ID
	}
}

// makeQuizzes makes a quiz of the written questions, tags them in bulk,
// and makes a quiz by rule.
func (s *xssSite) makeQuizzes() {
	resp, _ := s.post(s.teacher, "/quizzes", url.Values{"name": {s.probe("quiz-name", "title")}, "mode": {"chosen"}}, http.StatusSeeOther)
	s.quizID = parseID(s.t, strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Location"), "/quizzes/"), "/edit"))
	ids := url.Values{"action": {"quiz"}, "quiz_id": {fmt.Sprint(s.quizID)}}
	for _, id := range s.manual {
		ids.Add("ids", fmt.Sprint(id))
	}
	s.post(s.teacher, "/bank/bulk", ids, http.StatusSeeOther)
	ids.Set("action", "tag")
	ids.Set("tag", s.probe("bulk-tag", "img"))
	s.post(s.teacher, "/bank/bulk", ids, http.StatusSeeOther)
	resp, _ = s.post(s.teacher, "/quizzes", url.Values{"name": {"Rule quiz"}, "mode": {"rule"}, "rule_count": {"3"},
		"rule_tag": {s.probe("quiz-rule-tag", "attr")}}, http.StatusSeeOther)
	s.ruleQuizID = parseID(s.t, strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Location"), "/quizzes/"), "/edit"))
}

// importQuestions imports GIFT, Aiken and CSV files with probes in every
// part the formats have, checking each preview before confirming it.
func (s *xssSite) importQuestions() {
	gift := "$CATEGORY: " + s.probe("gift-category", "img") + "\n\n" +
		"::" + s.probe("gift-title", "script") + ":: " + s.probe("gift-prompt", "script") + " {\n" +
		"=" + s.probe("gift-right", "script") + " #" + s.probe("gift-right-feedback", "script") + "\n" +
		"~" + s.probe("gift-wrong", "title") + "\n" +
		"####" + s.probe("gift-general-feedback", "textarea") + "\n}\n\n" +
		// Two options alike: the error names the option, which the preview lists.
		"A question the preview refuses. {=" + s.probe("gift-error", "script") + " ~" + s.values["gift-error"] + "}\n"
	aiken := s.probe("aiken-prompt", "script") + "\n" +
		"A. " + s.probe("aiken-option", "img") + "\n" +
		"B. " + s.probe("aiken-right", "title") + "\n" +
		"ANSWER: B\n"
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(strings.Split("type,title,prompt,options,answer,accepted,tolerance,weights,feedback,option_feedback,tags,source,section", ","))
	w.Write([]string{"fill_blank", s.probe("csv-title", "attr"), s.probe("csv-prompt", "script") + " _____", "",
		s.probe("csv-answer", "img"), s.probe("csv-accepted", "url"), "", "", s.probe("csv-feedback", "textarea"), "",
		s.probe("csv-tags", "template"), s.probe("csv-source", "title"), s.probe("csv-section", "script")})
	w.Write([]string{"multiple_choice", "", "Which city is the capital of Niger?", s.probe("csv-option", "img") + "\nNiamey",
		"Niamey", "", "", "", "", s.probe("csv-option-feedback", "textarea") + "\n", "", "", ""})
	w.Flush()

	for _, f := range []struct {
		format, text string
		fields       []string
	}{
		{"gift", gift, []string{"gift-prompt", "gift-right", "gift-category", "gift-error"}},
		{"aiken", aiken, []string{"aiken-prompt", "aiken-right"}},
		{"csv", b.String(), []string{"csv-prompt", "csv-answer", "csv-tags"}},
	} {
		form := map[string]string{"_csrf": s.teacher.csrf("/bank/import"), "article": fmt.Sprint(s.articleID), "format": f.format, "text": f.text}
		resp, body := s.teacher.postMultipart("/bank/import", form, "", nil)
		wantStatus(s.t, resp, http.StatusOK, body)
		s.check(resp, "the "+f.format+" import preview", body, f.fields...)
		s.post(s.teacher, "/bank/import", url.Values{"article": {form["article"]}, "format": {f.format}, "text": {f.text}, "confirm": {"1"}},
			http.StatusSeeOther)
	}
	page, err := s.ta.store.ListQuestions(models.BankFilter{ArticleID: s.articleID, Origin: models.OriginImported})
	if err != nil || len(page.Questions) != 4 {
		s.t.Fatalf("%d questions imported, want 4 (%v)", len(page.Questions), err)
	}
	for _, q := range page.Questions {
		switch {
		case strings.Contains(q.Prompt, "x-gift-prompt"):
			s.imported["gift"] = q.ID
		case strings.Contains(q.Prompt, "x-aiken-prompt"):
			s.imported["aiken"] = q.ID
		case strings.Contains(q.Prompt, "x-csv-prompt"):
			s.imported["csv"] = q.ID
		default:
			s.imported["csv-mc"] = q.ID
		}
	}
}

// takeQuiz has the learner take the quiz from its share page, typing
// hostile answers to the fill-in and the number.
func (s *xssSite) takeQuiz() {
	z, err := s.ta.store.GetQuiz(s.quizID)
	if err != nil {
		s.t.Fatal(err)
	}
	s.page(s.learner, "/q/"+z.ShareToken, "quiz-name")
	resp, _ := s.post(s.learner, "/q/"+z.ShareToken+"/attempts", url.Values{}, http.StatusSeeOther)
	s.quizAttempt = parseID(s.t, strings.TrimPrefix(resp.Header.Get("Location"), "/attempts/"))
	given := map[uint]string{s.manual["fill_blank"]: s.probe("given-fill", "textarea"), s.manual["numeric"]: s.probe("given-numeric", "attr")}
	for _, a := range s.answerAll(s.quizAttempt, given) {
		s.quizPages[a.typ] = [2]string{a.question, a.feedback}
		s.feedbackURL[a.id] = a.feedbackURL
	}
}

// answered is a question of an attempt once answered: its pages.
type answered struct {
	id                              uint
	typ                             string
	question, feedback, feedbackURL string
}

// answerAll answers every question of an attempt through the forms,
// wrongly where it can (given holds typed answers by question id),
// checking each question page and each feedback page.
func (s *xssSite) answerAll(attemptID uint, given map[uint]string) []answered {
	v, err := s.ta.store.GetAttempt(attemptID, models.Owner{UserID: s.learnerID})
	if err != nil {
		s.t.Fatal(err)
	}
	var out []answered
	path := attemptURL(attemptID)
	for _, aq := range v.Questions {
		question := s.page(s.learner, path)
		form := url.Values{"question_id": {fmt.Sprint(aq.QuestionID)}}
		switch questions.Type(aq.Question.Type) {
		case questions.MultipleChoice, questions.MultipleAnswer:
			form.Set("answer", withFeedback(s.t, aq))
		case questions.TrueFalse:
			form.Set("answer", "false")
		case questions.Ordering:
			for k := range aq.Options {
				form.Set(fmt.Sprintf("order_%d", k+1), aq.Options[len(aq.Options)-1-k])
			}
		case questions.Matching:
			for i := range aq.Question.Lefts() {
				form.Set(fmt.Sprintf("match_%d", i), aq.Options[len(aq.Options)-1-i])
			}
		default:
			form.Set("answer", "12345")
			if g, ok := given[aq.QuestionID]; ok {
				form.Set("answer", g)
			}
		}
		resp, _ := s.post(s.learner, path+"/answers", form, http.StatusSeeOther)
		loc := resp.Header.Get("Location")
		out = append(out, answered{id: aq.QuestionID, typ: aq.Question.Type, question: question, feedback: s.page(s.learner, loc), feedbackURL: loc})
	}
	return out
}

// withFeedback is the option of a choice question to answer: one its
// author wrote feedback for, else the last.
func withFeedback(t *testing.T, aq models.AttemptQuestion) string {
	t.Helper()
	eq, err := aq.Question.Engine()
	if err != nil {
		t.Fatal(err)
	}
	for i, fb := range eq.OptionFeedback {
		if fb != "" && i < len(eq.Options) {
			return eq.Options[i]
		}
	}
	return aq.Options[len(aq.Options)-1]
}

// contest has the learner contest both typed answers, with a hostile
// comment on one; the instructor rejects the other with a hostile reason.
func (s *xssSite) contest() {
	path := attemptURL(s.quizAttempt) + "/contest"
	s.post(s.learner, path, url.Values{"question_id": {fmt.Sprint(s.manual["fill_blank"])}, "comment": {s.probe("contest-comment", "textarea")}},
		http.StatusSeeOther)
	s.post(s.learner, path, url.Values{"question_id": {fmt.Sprint(s.manual["numeric"])}, "comment": {"Mine is right."}}, http.StatusSeeOther)
	items, err := s.ta.store.OpenContests()
	if err != nil || len(items) != 2 {
		s.t.Fatalf("%d open contests, want 2 (%v)", len(items), err)
	}
	for _, it := range items {
		if it.QuestionID == s.manual["numeric"] {
			s.post(s.teacher, fmt.Sprintf("/contests/%d/reject", it.ID), url.Values{"reason": {s.probe("reject-reason", "textarea")}}, http.StatusSeeOther)
		}
	}
}

// takeArticleQuiz has the learner answer every question of the article,
// the generated and imported ones too, then add its flashcards.
func (s *xssSite) takeArticleQuiz() {
	// Learners practise an article's generated questions only; its
	// written and imported ones reach them in a quiz, here one of all of
	// them that gives feedback after each answer.
	qs, err := s.ta.store.ArticleQuestions(s.articleID)
	if err != nil {
		s.t.Fatal(err)
	}
	resp, _ := s.post(s.teacher, "/quizzes", url.Values{"name": {"Everything"}, "mode": {"chosen"}}, http.StatusSeeOther)
	all := parseID(s.t, strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Location"), "/quizzes/"), "/edit"))
	ids := url.Values{"action": {"quiz"}, "quiz_id": {fmt.Sprint(all)}}
	for _, q := range qs {
		if q.Origin != models.OriginGenerated {
			ids.Add("ids", fmt.Sprint(q.ID))
		}
	}
	s.post(s.teacher, "/bank/bulk", ids, http.StatusSeeOther)
	z, err := s.ta.store.GetQuiz(all)
	if err != nil {
		s.t.Fatal(err)
	}
	resp, _ = s.post(s.learner, "/q/"+z.ShareToken+"/attempts", url.Values{}, http.StatusSeeOther)
	s.ownAttempt = parseID(s.t, strings.TrimPrefix(resp.Header.Get("Location"), "/attempts/"))
	for _, a := range s.answerAll(s.ownAttempt, nil) {
		s.articleFeedback = append(s.articleFeedback, a.feedback)
	}
	// And the article's own practice quiz, and its flashcards.
	resp, _ = s.post(s.learner, fmt.Sprintf("/articles/%d/attempts", s.articleID), url.Values{"count": {"100"}}, http.StatusSeeOther)
	s.practiceAttempt = parseID(s.t, strings.TrimPrefix(resp.Header.Get("Location"), "/attempts/"))
	for _, a := range s.answerAll(s.practiceAttempt, nil) {
		s.articleFeedback = append(s.articleFeedback, a.feedback)
	}
	s.post(s.learner, fmt.Sprintf("/articles/%d/deck", s.articleID), url.Values{}, http.StatusSeeOther)
}

// makeToken has the learner name an API token with a probe.
func (s *xssSite) makeToken() {
	resp, body := s.post(s.learner, "/profile/tokens", url.Values{"name": {s.probe("token-name", "img")}}, http.StatusCreated)
	s.check(resp, "the new token page", body, "token-name")
}

func (s *xssSite) checkPages(t *testing.T) {
	s.t = t
	guest := s.ta.client()
	a, api, quiz := fmt.Sprint(s.articleID), fmt.Sprint(s.apiArticleID), fmt.Sprint(s.quizID)

	// What guests and learners read.
	s.page(guest, "/", "article-title", "api-article-title", "quiz-name")
	s.page(s.learner, "/", "article-title", "quiz-name", "name")
	s.page(guest, "/articles/"+a, "article-title", "article-heading", "article-text")
	s.page(s.teacher, "/articles/"+a, "article-title", "article-heading", "article-text", "mc-prompt", "mc-option-1", "mc-option-3",
		"ma-option", "tf-prompt", "fill-prompt", "fill-answer", "numeric-prompt", "ordering-item-1", "matching-left", "gift-prompt",
		"aiken-option", "csv-prompt", "csv-source")
	s.page(guest, "/articles/"+api, "api-article-title")

	// The quiz's question and feedback pages, by type.
	for typ, fields := range map[string][2][]string{
		"multiple_choice": {{"mc-prompt", "mc-option-1", "mc-option-2", "mc-option-3"},
			{"mc-prompt", "mc-option-2", "mc-option-1", "mc-option-feedback", "mc-feedback"}},
		"multiple_answer": {{"ma-prompt", "ma-option"}, {"ma-prompt", "ma-option"}},
		"true_false":      {{"tf-prompt"}, {"tf-prompt"}},
		"fill_blank":      {{"fill-prompt"}, {"fill-prompt", "given-fill", "fill-answer"}},
		"numeric":         {{"numeric-prompt"}, {"numeric-prompt", "given-numeric"}},
		"ordering":        {{"ordering-item-1", "ordering-item-2"}, {"ordering-item-1", "ordering-item-2"}},
		"matching":        {{"matching-left", "matching-right"}, {"matching-left", "matching-right"}},
	} {
		pages := s.quizPages[typ]
		for i, kind := range []string{"question", "feedback"} {
			for _, f := range fields[i] {
				if !strings.Contains(pages[i], escapeHTML(s.values[f])) {
					t.Errorf("the %s page of the %s question does not show the %s probe", kind, typ, f)
				}
			}
		}
	}
	s.page(s.learner, s.feedbackURL[s.manual["numeric"]], "given-numeric", "reject-reason")
	s.page(s.learner, attemptURL(s.quizAttempt)+"/results", "quiz-name", "mc-prompt", "tf-prompt", "given-fill", "given-numeric",
		"reject-reason", "fill-answer", "ordering-item-1", "matching-left", "matching-right")
	// The article's feedback pages: imported feedback, source and section,
	// and the section a generated question comes from.
	all := strings.Join(s.articleFeedback, "")
	for _, f := range []string{"gift-general-feedback", "gift-right-feedback", "csv-feedback", "csv-source", "csv-section",
		"csv-option-feedback", "aiken-prompt", "article-heading"} {
		if !strings.Contains(all, escapeHTML(s.values[f])) {
			t.Errorf("no feedback page of the article's quiz shows the %s probe", f)
		}
	}
	s.page(s.learner, attemptURL(s.ownAttempt)+"/results", "gift-prompt", "csv-answer")
	s.page(s.learner, attemptURL(s.practiceAttempt)+"/results", "article-title")

	dashboard := s.page(s.learner, "/dashboard", "name", "article-title", "fill-prompt", "fill-answer")
	// The chart names each point after its article, inside the SVG.
	if !strings.Contains(dashboard, "<title>"+escapeHTML(s.values["article-title"])+": ") {
		t.Error("the dashboard's chart does not title its points with the escaped article title")
	}
	cards, err := s.ta.store.DeckCards(s.learnerID, s.articleID)
	if err != nil {
		t.Fatal(err)
	}
	// The cards are of generated questions, which quote the article.
	if len(cards) == 0 {
		t.Fatal("the learner has no flashcards of the article")
	}
	for _, card := range cards {
		s.page(s.learner, fmt.Sprintf("/review?card=%d&show=1", card.ID), "article-title")
	}
	s.page(s.learner, "/review")
	s.page(s.learner, "/profile", "name", "email", "token-name")

	// The instructor's workspace.
	s.page(s.teacher, "/bank?article="+a+"&origin=manual", "article-title", "api-article-title", "mc-prompt", "tf-prompt",
		"fill-prompt", "fill-answer", "numeric-prompt", "question-tags", "bulk-tag", "quiz-name", "ordering-item-1", "matching-right")
	s.page(s.teacher, "/bank?article="+a+"&origin=imported", "gift-prompt", "gift-right", "gift-category", "aiken-prompt",
		"aiken-right", "csv-prompt", "csv-answer", "csv-tags")
	s.page(s.teacher, "/bank?q=x-mc-prompt", "mc-prompt")
	for typ, fields := range map[string][]string{
		"multiple_choice": {"article-title", "question-title", "mc-prompt", "mc-option-1", "mc-option-2", "mc-option-3",
			"mc-option-feedback", "mc-feedback", "question-tags", "bulk-tag"},
		"multiple_answer": {"ma-prompt", "ma-option"},
		"true_false":      {"tf-prompt"},
		"fill_blank":      {"fill-prompt", "fill-answer", "fill-accepted"},
		"numeric":         {"numeric-prompt"},
		"ordering":        {"ordering-item-1", "ordering-item-2"},
		"matching":        {"matching-left", "matching-right"},
	} {
		s.page(s.teacher, fmt.Sprintf("/questions/%d/edit", s.manual[typ]), fields...)
	}
	for format, fields := range map[string][]string{
		"gift":   {"gift-title", "gift-prompt", "gift-right", "gift-wrong", "gift-right-feedback", "gift-general-feedback", "gift-category"},
		"aiken":  {"aiken-prompt", "aiken-option", "aiken-right"},
		"csv":    {"csv-title", "csv-prompt", "csv-answer", "csv-accepted", "csv-feedback", "csv-tags", "csv-source"},
		"csv-mc": {"csv-option", "csv-option-feedback"},
	} {
		s.page(s.teacher, fmt.Sprintf("/questions/%d/edit", s.imported[format]), fields...)
	}
	s.page(s.teacher, "/questions/new?article="+a, "article-title")
	s.page(s.teacher, "/bank/import?article="+a, "article-title", "api-article-title")
	s.page(s.teacher, "/articles/new")
	s.page(s.teacher, "/quizzes", "quiz-name", "quiz-rule-tag")
	s.page(s.teacher, "/quizzes/"+quiz+"/edit", "quiz-name", "article-title", "mc-prompt", "fill-answer", "question-tags", "bulk-tag")
	s.page(s.teacher, fmt.Sprintf("/quizzes/%d/edit", s.ruleQuizID))
	s.page(s.teacher, "/quizzes/"+quiz+"/report", "quiz-name", "name", "email", "mc-prompt", "mc-option-1")
	s.page(s.teacher, "/contests", "fill-prompt", "fill-answer", "fill-accepted", "name", "given-fill", "contest-comment")
	s.page(s.teacher, "/learners", "name", "email")
	s.page(s.teacher, fmt.Sprintf("/learners/%d", s.learnerID), "name", "email", "article-title", "fill-prompt")
	s.page(s.admin, "/admin/users", "name", "email")
}

// checkJSON reads the API's answers that carry user text: each is JSON,
// with < and > escaped, and holds the probe.
func (s *xssSite) checkJSON(t *testing.T) {
	s.t = t
	guest := s.ta.client()
	for _, c := range []struct {
		who    *client
		method string
		path   string
		body   any
		status int
		fields []string
	}{
		{guest, http.MethodGet, "/api/articles", nil, http.StatusOK, []string{"article-title", "api-article-title"}},
		{s.learner, http.MethodGet, "/api/me", nil, http.StatusOK, []string{"name"}},
		{s.learner, http.MethodGet, "/api/progress", nil, http.StatusOK, []string{"article-title"}},
		{s.learner, http.MethodGet, fmt.Sprintf("/api/attempts/%d", s.quizAttempt), nil, http.StatusOK, []string{"given-fill"}},
		// Practice serves generated questions only, which need not quote
		// a probe; apiJSON still checks that nothing in it reads as markup.
		{s.learner, http.MethodPost, "/api/attempts", map[string]any{"article_id": s.articleID, "count": 100}, http.StatusCreated, nil},
		{s.learner, http.MethodPost, "/api/attempts", json.RawMessage(`{"article_id": "<script>"}`), http.StatusBadRequest, nil},
	} {
		resp, out := s.apiJSON(c.who, c.method, c.path, c.body)
		wantStatus(t, resp, c.status, out)
		for _, f := range c.fields {
			want, _ := json.Marshal(s.values[f])
			if !strings.Contains(out, strings.Trim(string(want), `"`)) {
				t.Errorf("%s %s does not hold the %s probe", c.method, c.path, f)
			}
		}
	}
	resp, out := s.apiJSON(s.learner, http.MethodGet, "/api/me", nil)
	var me apiUser
	if err := json.Unmarshal([]byte(out), &me); err != nil || me.Name != s.values["name"] || me.Email != probeEmail {
		t.Errorf("GET /api/me: %s %+v %v", resp.Status, me, err)
	}
}

// checkDownloads fetches the files that hold user text: none is served as
// HTML, each is an attachment with a plain file name.
func (s *xssSite) checkDownloads(t *testing.T) {
	a := fmt.Sprint(s.articleID)
	for _, d := range []struct {
		who   *client
		path  string
		ctype string
		holds string // a probe, or with "=" before it text of the article
	}{
		{s.teacher, fmt.Sprintf("/quizzes/%d/report.csv", s.quizID), "text/csv", "name"},
		{s.teacher, "/bank/export?format=csv&article=" + a, "text/csv", "mc-prompt"},
		{s.teacher, "/bank/export?format=gift&article=" + a, "text/plain", "tf-prompt"},
		{s.teacher, "/bank/export?format=aiken&article=" + a, "text/plain", "aiken-prompt"},
		{s.teacher, "/bank/export?format=gift&quiz=" + fmt.Sprint(s.quizID), "text/plain", "mc-prompt"},
		// The cards are of generated questions, from the article's text.
		{s.learner, "/articles/" + a + "/deck.csv", "text/csv", "=where the Saône flows"},
		{s.learner, "/articles/" + a + "/deck.txt", "text/plain", "=where the Saône flows"},
	} {
		resp, body := d.who.get(d.path)
		wantStatus(t, resp, http.StatusOK, body)
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, d.ctype) {
			t.Errorf("GET %s: Content-Type %q, want %s", d.path, ct, d.ctype)
		}
		if cd := resp.Header.Get("Content-Disposition"); !attachmentName.MatchString(cd) {
			t.Errorf("GET %s: Content-Disposition %q, want an attachment with a plain file name", d.path, cd)
		}
		if nosniff := resp.Header.Get("X-Content-Type-Options"); nosniff != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", d.path, nosniff)
		}
		if text, ok := strings.CutPrefix(d.holds, "="); ok {
			if !strings.Contains(body, text) {
				t.Errorf("GET %s does not hold %q", d.path, text)
			}
		} else if !strings.Contains(body, "x-"+d.holds) {
			t.Errorf("GET %s does not hold the %s probe", d.path, d.holds)
		}
	}
}

var attachmentName = regexp.MustCompile(`^attachment; filename="[a-z0-9_]+(\.[a-z0-9_]+)+"$`)

// TestXSSReflectedInput sends probes that pages print back at once: a form
// shown again with its error, a query, a path. Each comes back escaped.
func TestXSSReflectedInput(t *testing.T) {
	ta := newTestApp(t)
	s := &xssSite{t: t, ta: ta, values: map[string]string{}}
	cs := newContestedSite(t, ta)
	articleID, teacher, ann, contests, guest := cs.articleID, cs.teacher, cs.ann, cs.contests, ta.client()
	long := strings.Repeat("x", 600)

	cases := []struct {
		name   string
		do     func() (*http.Response, string)
		status int
		fields []string
	}{
		{"a search in the bank", func() (*http.Response, string) {
			return teacher.get("/bank?q=" + url.QueryEscape(s.probe("bank-search", "attr")))
		}, http.StatusOK, []string{"bank-search"}},
		{"a page number that is not one", func() (*http.Response, string) {
			return teacher.get("/bank?page=" + url.QueryEscape(s.probe("bank-page", "script")))
		}, http.StatusBadRequest, []string{"bank-page"}},
		// A browser sends the path percent-encoded, and the page says it
		// back so: the probe is not even decoded.
		{"a path with no page", func() (*http.Response, string) {
			resp, body := guest.get("/nowhere/" + url.PathEscape(s.probe("path", "script")))
			if !strings.Contains(body, "/nowhere/"+url.PathEscape(s.values["path"])) {
				t.Errorf("the page does not name the path it has not:\n%.2000s", body)
			}
			return resp, body
		}, http.StatusNotFound, nil},
		{"the log-in form's next page", func() (*http.Response, string) {
			return guest.get("/login?next=" + url.QueryEscape("/"+s.probe("login-next", "img")))
		}, http.StatusOK, []string{"login-next"}},
		{"a failed log-in", func() (*http.Response, string) {
			c := ta.client()
			return c.postForm("/login", url.Values{"_csrf": {c.csrf("/login")}, "email": {s.probe("login-email", "attr")}, "password": {"wrong one"}})
		}, http.StatusUnauthorized, []string{"login-email"}},
		{"a refused sign-up", func() (*http.Response, string) {
			c := ta.client()
			return c.postForm("/signup", url.Values{"_csrf": {c.csrf("/signup")}, "email": {s.probe("signup-email", "img")},
				"name": {s.probe("signup-name", "script")}, "password": {"short"}})
		}, http.StatusUnprocessableEntity, []string{"signup-email", "signup-name"}},
		{"an article that is not one", func() (*http.Response, string) {
			return teacher.postMultipart("/articles", map[string]string{"_csrf": teacher.csrf("/articles/new"),
				"text": "= " + s.probe("article-refused", "textarea") + " =\n"}, "", nil)
		}, http.StatusUnprocessableEntity, []string{"article-refused"}},
		{"a question with errors", func() (*http.Response, string) {
			return teacher.postForm("/questions", url.Values{"_csrf": {teacher.csrf("/")}, "article": {fmt.Sprint(articleID)},
				"type": {"multiple_choice"}, "title": {s.probe("form-title", "attr")}, "prompt": {s.probe("form-prompt", "textarea")},
				"option_1": {s.probe("form-option", "img")}, "option_feedback_1": {s.probe("form-option-feedback", "attr")},
				"tags": {s.probe("form-tags", "img")}, "feedback": {s.probe("form-feedback", "textarea")}})
		}, http.StatusUnprocessableEntity, []string{"form-title", "form-prompt", "form-option", "form-option-feedback", "form-tags", "form-feedback"}},
		{"an ordering question with errors", func() (*http.Response, string) {
			return teacher.postForm("/questions", url.Values{"_csrf": {teacher.csrf("/")}, "article": {fmt.Sprint(articleID)},
				"type": {"ordering"}, "prompt": {""}, "items": {s.probe("form-items", "textarea")}})
		}, http.StatusUnprocessableEntity, []string{"form-items"}},
		{"a matching question with errors", func() (*http.Response, string) {
			return teacher.postForm("/questions", url.Values{"_csrf": {teacher.csrf("/")}, "article": {fmt.Sprint(articleID)},
				"type": {"matching"}, "prompt": {""}, "pairs": {s.probe("form-pairs", "textarea")}})
		}, http.StatusUnprocessableEntity, []string{"form-pairs"}},
		{"a quiz with errors", func() (*http.Response, string) {
			return teacher.postForm("/quizzes", url.Values{"_csrf": {teacher.csrf("/")}, "name": {s.probe("quiz-form-name", "title")},
				"mode": {"chosen"}, "time_limit": {"-1"}})
		}, http.StatusUnprocessableEntity, []string{"quiz-form-name"}},
		{"an import in an unknown format", func() (*http.Response, string) {
			return teacher.postMultipart("/bank/import", map[string]string{"_csrf": teacher.csrf("/bank/import"), "article": fmt.Sprint(articleID),
				"format": s.probe("import-format", "img"), "text": s.probe("import-text", "textarea")}, "", nil)
		}, http.StatusUnprocessableEntity, []string{"import-format", "import-text"}},
		{"a bulk action on ids that are not", func() (*http.Response, string) {
			return teacher.postForm("/bank/bulk", url.Values{"_csrf": {teacher.csrf("/")}, "action": {"approve"}, "ids": {s.probe("bulk-id", "script")}})
		}, http.StatusBadRequest, []string{"bulk-id"}},
		{"a rejection too long", func() (*http.Response, string) {
			return teacher.postForm(fmt.Sprintf("/contests/%d/reject", contests[0].ID), url.Values{"_csrf": {teacher.csrf("/")},
				"reason": {s.probe("reason-refused", "textarea") + long}})
		}, http.StatusUnprocessableEntity, []string{"reason-refused"}},
		{"a token name too long", func() (*http.Response, string) {
			return ann.postForm("/profile/tokens", url.Values{"_csrf": {ann.csrf("/")}, "name": {s.probe("token-refused", "img") + long}})
		}, http.StatusUnprocessableEntity, []string{"token-refused"}},
		{"a flashcard setting that is not a number", func() (*http.Response, string) {
			return ann.postForm("/profile/flashcards", url.Values{"_csrf": {ann.csrf("/")}, "retention": {s.probe("retention", "attr")}, "new_per_day": {"20"}})
		}, http.StatusUnprocessableEntity, []string{"retention"}},
		{"an answer too long", func() (*http.Response, string) {
			v, err := ta.store.StartAttempt(articleID, 3, models.Owner{UserID: currentID(t, ta, "ann@example.com")})
			if err != nil {
				t.Fatal(err)
			}
			var blank uint
			for _, aq := range v.Questions {
				if aq.Question.Type == "fill_blank" {
					blank = aq.QuestionID
				}
			}
			path := attemptURL(v.Attempt.ID)
			return ann.postForm(path+"/answers", url.Values{"_csrf": {ann.csrf(path)}, "question_id": {fmt.Sprint(blank)},
				"answer": {s.probe("answer-refused", "attr") + long}})
		}, http.StatusUnprocessableEntity, []string{"answer-refused"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s.t = t
			resp, body := c.do()
			wantStatus(t, resp, c.status, body)
			s.check(resp, c.name, body, c.fields...)
		})
	}
}
