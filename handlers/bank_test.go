package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"factquiz/models"
	"factquiz/questions"
)

func TestBankFiltersAndBulk(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.as("teacher@example.com", models.RoleInstructor)
	resp, page := b.get(fmt.Sprintf("/bank?article=%d&type=fill_blank", id))
	wantStatus(t, resp, http.StatusOK, page)
	all, _ := ta.store.ListQuestions(models.BankFilter{ArticleID: id, Type: "fill_blank"})
	if all.Total < 2 || !strings.Contains(page, fmt.Sprintf("%d question", all.Total)) {
		t.Fatalf("the bank does not count %d fill-in questions:\n%.2000s", all.Total, page)
	}
	if want := fmt.Sprintf(`href="/bank/export?format=csv&amp;article=%d&amp;type=fill_blank"`, id); !strings.Contains(page, want) {
		t.Errorf("the bank has no export link %s", want)
	}
	for _, bad := range []string{"/bank?article=x", "/bank?page=-3"} {
		resp, body := b.get(bad)
		wantStatus(t, resp, http.StatusBadRequest, body)
	}
	token := csrfInput.FindStringSubmatch(page)[1]
	ids := url.Values{"_csrf": {token}, "action": {"approve"}, "return": {fmt.Sprintf("article=%d&type=fill_blank", id)}}
	for _, q := range all.Questions[:2] {
		ids.Add("ids", fmt.Sprint(q.ID))
	}
	resp, body := b.postForm("/bank/bulk", ids)
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != fmt.Sprintf("/bank?article=%d&type=fill_blank", id) {
		t.Errorf("after the bulk action: sent to %q", loc)
	}
	approved, _ := ta.store.ListQuestions(models.BankFilter{Status: models.StatusApproved})
	if approved.Total != 2 {
		t.Errorf("%d approved, want 2", approved.Total)
	}
	// A bad bulk action changes nothing and says why.
	ids.Set("action", "tag")
	resp, body = b.postForm("/bank/bulk", ids)
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "Give the tag") {
		t.Errorf("no reason for the refused bulk action:\n%.2000s", body)
	}
	ids.Set("ids", "abc")
	resp, body = b.postForm("/bank/bulk", ids)
	wantStatus(t, resp, http.StatusBadRequest, body)

	// Approved only: learners' quizzes draw the two approved questions.
	resp, body = b.postForm(fmt.Sprintf("/articles/%d/settings", id), url.Values{"_csrf": {token}, "learners_see": {"approved"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	qs, _ := ta.store.ArticleQuestions(id)
	if len(qs) != 2 {
		t.Errorf("learners see %d questions, want the 2 approved", len(qs))
	}
	resp, body = b.postForm(fmt.Sprintf("/articles/%d/settings", id), url.Values{"_csrf": {token}, "learners_see": {"some"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
}

func TestEditAndAddQuestions(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.as("teacher@example.com", models.RoleInstructor)
	page, _ := ta.store.ListQuestions(models.BankFilter{ArticleID: id, Type: "fill_blank"})
	q := page.Questions[0]
	path := fmt.Sprintf("/questions/%d", q.ID)
	resp, form := b.get(path + "/edit")
	wantStatus(t, resp, http.StatusOK, form)
	if !strings.Contains(form, q.Source) || !strings.Contains(form, "origin manual") {
		t.Errorf("the edit form lacks the source sentence or the note on edits")
	}
	token := csrfInput.FindStringSubmatch(form)[1]
	resp, body := b.postForm(path, url.Values{"_csrf": {token}, "type": {"fill_blank"}, "prompt": {""}, "answer": {""}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	for _, want := range []string{"Write the question.", "The answer may not be empty."} {
		if !strings.Contains(body, want) {
			t.Errorf("the form does not say %q", want)
		}
	}
	resp, body = b.postForm(path, url.Values{"_csrf": {token}, "type": {"fill_blank"}, "prompt": {"Lyon lies on the _____."},
		"answer": {"Rhône"}, "accepted": {"Rhone\nthe Rhône river"}, "tags": {"rivers, week 2"}, "feedback": {"See the lead."}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	got, _ := ta.store.GetQuestion(q.ID)
	eq, _ := got.Engine()
	if got.Origin != models.OriginManual || eq.Prompt != "Lyon lies on the _____." || eq.Answer != "Rhône" ||
		len(eq.Accepted) != 2 || len(eq.Tags) != 2 || eq.Feedback != "See the lead." || got.Source != q.Source {
		t.Errorf("edited question %+v", eq)
	}
	if !questions.CheckAnswer(eq, "the rhone river") {
		t.Error("an accepted variant is not graded right")
	}
	// Regenerating keeps the edit.
	resp, body = b.postForm(fmt.Sprintf("/articles/%d/regenerate", id), url.Values{"_csrf": {token}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if again, _ := ta.store.GetQuestion(q.ID); again.Prompt != "Lyon lies on the _____." {
		t.Error("regenerating overwrote an edited question")
	}

	// A new multiple choice question: validated, then stored approved.
	resp, form = b.get(fmt.Sprintf("/questions/new?article=%d", id))
	wantStatus(t, resp, http.StatusOK, form)
	bad := url.Values{"_csrf": {token}, "article": {fmt.Sprint(id)}, "type": {"multiple_choice"}, "prompt": {"Which river?"},
		"option_1": {"Rhône"}, "option_2": {"rhône"}}
	resp, body = b.postForm("/questions", bad)
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "given twice") || !strings.Contains(body, `value="rhône"`) {
		t.Errorf("the duplicate option is not reported next to the kept input:\n%.3000s", body)
	}
	good := url.Values{"_csrf": {token}, "article": {fmt.Sprint(id)}, "type": {"multiple_choice"}, "prompt": {"Which river meets the Rhône at Lyon?"},
		"option_1": {"Saône"}, "option_2": {"Loire"}, "option_3": {"Seine"}, "right": {"1"}, "option_feedback_2": {"The Loire flows west."}}
	resp, body = b.postForm("/questions", good)
	wantStatus(t, resp, http.StatusSeeOther, body)
	mine, _ := ta.store.ListQuestions(models.BankFilter{ArticleID: id, Origin: models.OriginManual, Type: "multiple_choice"})
	if mine.Total != 1 || mine.Questions[0].Status != models.StatusApproved {
		t.Fatalf("new question: %+v", mine)
	}
	eq, _ = mine.Questions[0].Engine()
	if eq.Answer != "Saône" || len(eq.OptionFeedback) != 3 || eq.OptionFeedback[1] != "The Loire flows west." {
		t.Errorf("new question %+v", eq)
	}
	// A multiple answer question with weights.
	ma := url.Values{"_csrf": {token}, "article": {fmt.Sprint(id)}, "type": {"multiple_answer"}, "prompt": {"Which rivers flow through Lyon?"},
		"option_1": {"Rhône"}, "weight_1": {"50"}, "option_2": {"Saône"}, "weight_2": {"50"}, "option_3": {"Seine"}, "weight_3": {"-100"}}
	resp, body = b.postForm("/questions", ma)
	wantStatus(t, resp, http.StatusSeeOther, body)
	ma.Set("weight_2", "40")
	resp, body = b.postForm("/questions", ma)
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "add up to 100") {
		t.Errorf("weights not adding up are not reported:\n%.2000s", body)
	}
	// Learners cannot edit.
	l := ta.as("ann@example.com", models.RoleLearner)
	resp, body = l.postForm(path, url.Values{"_csrf": {l.csrf("/")}, "type": {"fill_blank"}, "prompt": {"x"}, "answer": {"y"}})
	wantStatus(t, resp, http.StatusForbidden, body)
}
