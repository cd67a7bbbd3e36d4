package handlers

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"factquiz/internal/typetest"
	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// TestTypesEndToEnd walks questions.Types through the application on a
// real store: a sample question of each type (internal/typetest) is
// written through the instructor's form and stored, put in a quiz's
// attempt, its question page shows the fields its form sends, and its
// right answer is graded right when posted through the form and through
// the JSON API. A type added to the list without its editor, page or
// decoding fails here.
func TestTypesEndToEnd(t *testing.T) {
	ta := newTestApp(t)
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	articleID := contestArticle(t, ta)
	written := map[uint]typetest.Sample{}
	for _, info := range questions.Types {
		s, ok := typetest.Samples[info.Type]
		if !ok {
			t.Errorf("%s: no sample in internal/typetest", info.Type)
			continue
		}
		written[writeSample(t, ta, teacher, articleID, s.Question)] = s
	}
	token := chosenQuiz(t, ta, teacher, written)

	learner := ta.client()
	owner := models.Owner{GuestToken: learner.ensureGuest()}
	viaForm := startQuizAttempt(t, learner, token)
	for range written {
		answerOnPage(t, learner, viaForm, written)
	}
	wantAllRight(t, ta, viaForm, owner, written, "the form")

	viaAPI := startQuizAttempt(t, learner, token)
	for qid, s := range written {
		resp, out := learner.postJSON("/api"+attemptURL(viaAPI)+"/answers",
			map[string]any{"question_id": qid, "answer": json.RawMessage(s.JSON)})
		wantStatus(t, resp, http.StatusOK, fmt.Sprint(out))
	}
	wantAllRight(t, ta, viaAPI, owner, written, "the API")
}

// answerOnPage reads the attempt's current question page, checks that it
// shows the fields of its sample's form, and posts the sample's right
// answer through it.
func answerOnPage(t *testing.T, learner *client, attemptID uint, written map[uint]typetest.Sample) {
	t.Helper()
	path := attemptURL(attemptID)
	resp, page := learner.get(path)
	wantStatus(t, resp, http.StatusOK, page)
	m := questionID.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the question page names no question:\n%.600s", page)
	}
	qid := parseID(t, m[1])
	s, ok := written[qid]
	if !ok {
		t.Fatalf("the attempt asks question %d, which was not written", qid)
	}
	for _, want := range formFields(s) {
		if !strings.Contains(page, want) {
			t.Errorf("%s: the question page has no %s", s.Question.Type, want)
		}
	}
	form := url.Values{"_csrf": {cookieCSRF(learner)}, "question_id": {fmt.Sprint(qid)}}
	for k, v := range s.Form {
		form[k] = v
	}
	resp, body := learner.postForm(path+"/answers", form)
	wantStatus(t, resp, http.StatusSeeOther, body)
}

// writeSample posts q through the instructor's question form, filled as
// editQuestion fills it, and returns the stored question's id, once the
// stored question grades q's own key right.
func writeSample(t *testing.T, ta *testApp, teacher *client, articleID uint, q questions.Question) uint {
	t.Helper()
	form := editorValues(questionForm(q))
	form.Set("_csrf", cookieCSRF(teacher))
	form.Set("article", fmt.Sprint(articleID))
	resp, body := teacher.postForm("/questions", form)
	wantStatus(t, resp, http.StatusSeeOther, body)
	p, err := ta.store.ListQuestions(models.BankFilter{ArticleID: articleID, Origin: models.OriginManual, Search: q.Prompt})
	if err != nil || len(p.Questions) != 1 {
		t.Fatalf("%s: %v, %d questions stored", q.Type, err, len(p.Questions))
	}
	stored, err := p.Questions[0].Engine()
	if err != nil {
		t.Fatal(err)
	}
	if stored.Type != q.Type || questions.Credit(stored, q.Expected()) != 1 {
		t.Fatalf("%s: stored as %#v, which does not take %#v", q.Type, stored, q.Expected())
	}
	return p.Questions[0].ID
}

// editorValues is what the browser sends for a filled question form.
func editorValues(f views.QuestionForm) url.Values {
	v := url.Values{"type": {f.Type}, "title": {f.QuestionTitle}, "prompt": {f.Prompt}, "tags": {f.Tags},
		"feedback": {f.Feedback}, "answer": {f.Answer}, "accepted": {f.Accepted}, "tolerance": {f.Tolerance},
		"truth": {f.Truth}, "items": {f.Items}, "pairs": {f.Pairs}, "right": {strconv.Itoa(f.Right)}}
	for _, o := range f.Options {
		n := strconv.Itoa(o.N)
		v.Set("option_"+n, o.Text)
		v.Set("weight_"+n, o.Weight)
		v.Set("option_feedback_"+n, o.Feedback)
	}
	return v
}

// chosenQuiz makes a quiz of the written questions and returns its share
// token.
func chosenQuiz(t *testing.T, ta *testApp, teacher *client, written map[uint]typetest.Sample) string {
	t.Helper()
	resp, body := teacher.postForm("/quizzes", url.Values{"_csrf": {cookieCSRF(teacher)}, "name": {"Every type"}, "mode": {"chosen"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	quizID := parseID(t, strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Location"), "/quizzes/"), "/edit"))
	add := url.Values{"_csrf": {cookieCSRF(teacher)}, "action": {"quiz"}, "quiz_id": {fmt.Sprint(quizID)}}
	for id := range written {
		add.Add("ids", fmt.Sprint(id))
	}
	resp, body = teacher.postForm("/bank/bulk", add)
	wantStatus(t, resp, http.StatusSeeOther, body)
	z, err := ta.store.GetQuiz(quizID)
	if err != nil {
		t.Fatal(err)
	}
	if len(z.Questions) != len(written) {
		t.Fatalf("the quiz has %d questions, want %d", len(z.Questions), len(written))
	}
	return z.ShareToken
}

func startQuizAttempt(t *testing.T, c *client, token string) uint {
	t.Helper()
	resp, body := c.postForm("/q/"+token+"/attempts", url.Values{"_csrf": {cookieCSRF(c)}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	return parseID(t, strings.TrimPrefix(resp.Header.Get("Location"), "/attempts/"))
}

// formFields are what the question page must show for s's form to be
// sent: a control named after each field, for the ticked boxes one per
// option chosen.
func formFields(s typetest.Sample) []string {
	var out []string
	for name, values := range s.Form {
		for _, v := range values {
			out = append(out, `name="`+name+`"`)
			if name == "answer" && len(s.Question.Options) > 0 {
				out = append(out, `name="answer" value="`+v+`"`)
			}
		}
	}
	return out
}

// wantAllRight checks that every written question of the attempt was
// answered, right and for full marks.
func wantAllRight(t *testing.T, ta *testApp, attemptID uint, owner models.Owner, written map[uint]typetest.Sample, via string) {
	t.Helper()
	v, err := ta.store.GetAttempt(attemptID, owner)
	if err != nil {
		t.Fatal(err)
	}
	for qid, s := range written {
		r, ok := v.Responses[qid]
		switch {
		case !ok:
			t.Errorf("%s through %s: not answered", s.Question.Type, via)
		case !r.Correct || r.Credit != 1:
			t.Errorf("%s through %s: %s graded right %v, credit %v", s.Question.Type, via, r.Given, r.Correct, r.Credit)
		}
	}
}

var questionID = regexp.MustCompile(`name="question_id" value="(\d+)"`)
