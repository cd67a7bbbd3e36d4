package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"factquiz/models"
	"factquiz/questions"
)

// contestArticle stores an article whose attempts ask three questions: a
// fill-in, a multiple choice and a number.
func contestArticle(t *testing.T, ta *testApp) uint {
	t.Helper()
	a, err := ta.store.CreateArticle(&questions.Article{Title: "Raid"}, "= Raid =\nThey reached Niamey.", []questions.Question{
		{ID: "blank", Type: questions.FillBlank, Prompt: "They reached _____.", Answer: "Niamey", Source: "They reached Niamey."},
		{ID: "choice", Type: questions.MultipleChoice, Prompt: "Which city did they reach?", Options: []string{"Niamey", "Gao", "Agadez"},
			Answer: "Niamey", Source: "They reached Niamey at last."},
		{ID: "number", Type: questions.Numeric, Prompt: "How many men raided?", Answer: "6", Source: "Six men raided."},
	})
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// quizTaken is an attempt a browser took, and its questions by type.
type quizTaken struct {
	v      *models.AttemptView
	owner  models.Owner
	byType map[string]models.AttemptQuestion
}

func (q quizTaken) url() string { return attemptURL(q.v.Attempt.ID) }

// feedbackURL is the feedback page of the question of a type.
func (q quizTaken) feedbackURL(typ string) string {
	return fmt.Sprintf("%s/feedback/%d", q.url(), q.byType[typ].Position)
}

// takeQuiz has a browser take a quiz on the article through the forms,
// answering each question type as answers says.
func takeQuiz(t *testing.T, ta *testApp, b *client, articleID uint, owner models.Owner, answers map[string]string) quizTaken {
	t.Helper()
	resp, body := b.postForm(fmt.Sprintf("/articles/%d/attempts", articleID), url.Values{"_csrf": {b.csrf("/")}, "count": {"10"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	id := parseID(t, strings.TrimPrefix(resp.Header.Get("Location"), "/attempts/"))
	v, err := ta.store.GetAttempt(id, owner)
	if err != nil {
		t.Fatal(err)
	}
	q := quizTaken{v: v, owner: owner, byType: map[string]models.AttemptQuestion{}}
	for _, aq := range v.Questions {
		q.byType[aq.Question.Type] = aq
		resp, body := b.postForm(q.url()+"/answers", url.Values{"_csrf": {b.csrf(q.url())},
			"question_id": {fmt.Sprint(aq.QuestionID)}, "answer": {answers[aq.Question.Type]}})
		wantStatus(t, resp, http.StatusSeeOther, body)
	}
	if len(q.byType) != 3 {
		t.Fatalf("the attempt asks %d question types, want 3", len(q.byType))
	}
	return q
}

// contest posts the "I was right" form of a question of an attempt.
func (c *client) contest(attempt quizTaken, typ, comment, back string) (*http.Response, string) {
	c.ta.t.Helper()
	return c.postForm(attempt.url()+"/contest", url.Values{"_csrf": {c.csrf("/")},
		"question_id": {fmt.Sprint(attempt.byType[typ].QuestionID)}, "comment": {comment}, "back": {back}})
}

var wrongAnswers = map[string]string{"fill_blank": "Niamey, Niger", "multiple_choice": "Gao", "numeric": "7"}

func TestContestAnswers(t *testing.T) {
	ta := newTestApp(t)
	articleID := contestArticle(t, ta)
	ann := ta.as("ann@example.com", models.RoleLearner)
	annUser, _ := ta.store.UserByEmail("ann@example.com")
	mine := takeQuiz(t, ta, ann, articleID, models.Owner{UserID: annUser.ID}, wrongAnswers)

	// A wrong typed answer offers the form; a multiple choice does not.
	_, body := ann.get(mine.feedbackURL("fill_blank"))
	for _, want := range []string{
		`<form class="contest-form" method="post" action="` + mine.url() + `/contest">`,
		fmt.Sprintf(`<input type="hidden" name="question_id" value="%d">`, mine.byType["fill_blank"].QuestionID),
		`<input type="hidden" name="back" value="` + mine.feedbackURL("fill_blank") + `">`,
		`name="comment"`, "I was right",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the feedback page of a wrong fill-in lacks %q", want)
		}
	}
	if _, body := ann.get(mine.feedbackURL("multiple_choice")); strings.Contains(body, "I was right") {
		t.Error("a multiple choice offers to contest its grade")
	}

	resp, body := ann.contest(mine, "fill_blank", "Niamey is the capital of Niger.", mine.feedbackURL("fill_blank"))
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != mine.feedbackURL("fill_blank") {
		t.Errorf("after contesting: sent to %q, want back to the feedback page", loc)
	}
	_, body = ann.get(mine.feedbackURL("fill_blank"))
	if !strings.Contains(body, "You contested this answer: waiting for an instructor.") || strings.Contains(body, "I was right") {
		t.Errorf("the feedback page after contesting:\n%.3000s", body)
	}
	resp, body = ann.contest(mine, "fill_blank", "", mine.feedbackURL("fill_blank"))
	wantStatus(t, resp, http.StatusConflict, body)
	resp, body = ann.contest(mine, "multiple_choice", "", "")
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "Only typed answers") {
		t.Errorf("contesting a multiple choice does not say why it is refused:\n%.2000s", body)
	}
	// A "back" off this site is not followed.
	resp, body = ann.contest(mine, "numeric", "", "//evil.example/")
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != mine.url()+"/results" {
		t.Errorf("back=//evil.example/ sent to %q", loc)
	}

	bob := ta.as("bob@example.com", models.RoleLearner)
	bobUser, _ := ta.store.UserByEmail("bob@example.com")
	his := takeQuiz(t, ta, bob, articleID, models.Owner{UserID: bobUser.ID}, map[string]string{"fill_blank": "Niamey", "multiple_choice": "Gao", "numeric": "7"})
	resp, body = bob.contest(mine, "numeric", "", "")
	wantStatus(t, resp, http.StatusNotFound, body)
	resp, body = bob.contest(his, "fill_blank", "", "")
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "graded right") {
		t.Errorf("contesting a right answer does not say why it is refused:\n%.2000s", body)
	}
	resp, body = bob.contest(his, "numeric", strings.Repeat("x", models.MaxContestComment+1), "")
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "at most 1000 characters") {
		t.Errorf("a long comment is not explained:\n%.2000s", body)
	}
	resp, body = bob.postForm(his.url()+"/contest", url.Values{"_csrf": {bob.csrf("/")}, "question_id": {"x"}})
	wantStatus(t, resp, http.StatusBadRequest, body)
	if items, _ := ta.store.OpenContests(); len(items) != 2 {
		t.Errorf("%d open contests, want Ann's two", len(items))
	}

	// Only instructors see the queue and decide.
	for _, b := range []*client{ann, bob} {
		resp, body = b.get("/contests")
		wantStatus(t, resp, http.StatusForbidden, body)
		resp, body = b.postForm("/contests/1/accept", url.Values{"_csrf": {b.csrf("/")}})
		wantStatus(t, resp, http.StatusForbidden, body)
		resp, body = b.postForm("/contests/1/reject", url.Values{"_csrf": {b.csrf("/")}, "reason": {"No."}})
		wantStatus(t, resp, http.StatusForbidden, body)
	}
	guest := ta.client()
	resp, _ = guest.get("/contests")
	wantStatus(t, resp, http.StatusSeeOther, "")
	if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
		t.Errorf("a guest is sent to %q, not to log in", loc)
	}
}

func TestDecideContests(t *testing.T) {
	ta := newTestApp(t)
	articleID := contestArticle(t, ta)
	ann := ta.as("ann@example.com", models.RoleLearner)
	annUser, _ := ta.store.UserByEmail("ann@example.com")
	mine := takeQuiz(t, ta, ann, articleID, models.Owner{UserID: annUser.ID}, wrongAnswers)
	for _, typ := range []string{"fill_blank", "numeric"} {
		resp, body := ann.contest(mine, typ, "Mine is right "+typ+" <i>really</i>", "")
		wantStatus(t, resp, http.StatusSeeOther, body)
	}
	_, results := ann.get(mine.url() + "/results")
	if n := strings.Count(results, "You contested this answer: waiting for an instructor."); n != 2 {
		t.Errorf("the results show %d open contests, want 2:\n%.4000s", n, results)
	}

	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	resp, body := teacher.get("/contests")
	wantStatus(t, resp, http.StatusOK, body)
	for _, want := range []string{
		"They reached _____.", "How many men raided?", "Right answer: <strong>Niamey</strong>",
		"<strong>ann</strong> answered <q>Niamey, Niger</q>", "<q>7</q>",
		"Mine is right fill_blank &lt;i&gt;really&lt;/i&gt;",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the queue lacks %q", want)
		}
	}
	items, _ := ta.store.OpenContests()
	byType := map[string]uint{}
	for _, it := range items {
		byType[it.Question.Type] = it.ID
	}

	// A rejection needs a reason, said next to that contest.
	reject := fmt.Sprintf("/contests/%d/reject", byType["numeric"])
	resp, body = teacher.postForm(reject, url.Values{"_csrf": {teacher.csrf("/contests")}, "reason": {"  "}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, fmt.Sprintf(`id="reason-%d-error"`, byType["numeric"])) || !strings.Contains(body, "the learner sees your reason") {
		t.Errorf("a rejection without a reason is not explained next to its contest:\n%.4000s", body)
	}
	resp, body = teacher.postForm(reject, url.Values{"_csrf": {teacher.csrf("/contests")}, "reason": {"Seven is not <b>six</b>."}})
	wantStatus(t, resp, http.StatusSeeOther, body)

	before, _ := ta.store.GetAttempt(mine.v.Attempt.ID, mine.owner)
	resp, body = teacher.postForm(fmt.Sprintf("/contests/%d/accept", byType["fill_blank"]), url.Values{"_csrf": {teacher.csrf("/contests")}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != "/contests" {
		t.Errorf("after accepting: sent to %q", loc)
	}
	after, _ := ta.store.GetAttempt(mine.v.Attempt.ID, mine.owner)
	blank := mine.byType["fill_blank"].QuestionID
	if !after.Responses[blank].Correct || after.Attempt.Score != before.Attempt.Score+1 {
		t.Errorf("after accepting: right %v, score %d (was %d)", after.Responses[blank].Correct, after.Attempt.Score, before.Attempt.Score)
	}
	if q, _ := ta.store.GetQuestion(blank); !slices.Contains(q.Accepted, "Niamey, Niger") {
		t.Errorf("the question's accepted answers %q lack the contested one", q.Accepted)
	}
	_, body = teacher.get("/contests")
	if !strings.Contains(body, "No contested answers.") {
		t.Errorf("the queue is not empty once every contest is decided:\n%.3000s", body)
	}
	// Deciding the other way is refused.
	resp, body = teacher.postForm(reject, url.Values{"_csrf": {teacher.csrf("/contests")}, "reason": {"x"}})
	wantStatus(t, resp, http.StatusSeeOther, body) // rejecting again changes nothing
	resp, body = teacher.postForm(fmt.Sprintf("/contests/%d/accept", byType["numeric"]), url.Values{"_csrf": {teacher.csrf("/contests")}})
	wantStatus(t, resp, http.StatusConflict, body)
	resp, body = teacher.postForm("/contests/999999/accept", url.Values{"_csrf": {teacher.csrf("/contests")}})
	wantStatus(t, resp, http.StatusNotFound, body)

	// The learner sees both decisions.
	_, results = ann.get(mine.url() + "/results")
	for _, want := range []string{
		"Accepted: your answer now counts as right.",
		"Rejected: Seven is not &lt;b&gt;six&lt;/b&gt;.",
		fmt.Sprintf("%d/3", before.Attempt.Score+1),
	} {
		if !strings.Contains(results, want) {
			t.Errorf("the results lack %q:\n%.4000s", want, results)
		}
	}
	_, body = ann.get(mine.feedbackURL("numeric"))
	if !strings.Contains(body, "Rejected: Seven is not &lt;b&gt;six&lt;/b&gt;.") {
		t.Errorf("the feedback page does not show the rejection:\n%.3000s", body)
	}

	// The rule changed: the next learner's same answer is right.
	cat := ta.as("cat@example.com", models.RoleLearner)
	catUser, _ := ta.store.UserByEmail("cat@example.com")
	hers := takeQuiz(t, ta, cat, articleID, models.Owner{UserID: catUser.ID}, map[string]string{"fill_blank": "niamey, NIGER", "multiple_choice": "Gao", "numeric": "7"})
	_, body = cat.get(hers.feedbackURL("fill_blank"))
	if !strings.Contains(body, "verdict--right") || strings.Contains(body, "I was right") {
		t.Errorf("a later learner's accepted answer is not graded right:\n%.3000s", body)
	}
}

// TestGuestsSignUpToContest: contests need an account; a guest's wrong
// typed answer invites them to sign up, and the form refuses them.
func TestGuestsSignUpToContest(t *testing.T) {
	ta := newTestApp(t)
	articleID := contestArticle(t, ta)
	g := ta.client()
	g.get("/")
	taken := takeQuiz(t, ta, g, articleID, models.Owner{GuestToken: g.cookies[guestCookie]}, wrongAnswers)
	_, body := g.get(taken.url() + "/results")
	if !strings.Contains(body, `<a href="/signup">Sign up</a> to contest this grade.`) || strings.Contains(body, "I was right") {
		t.Errorf("the guest's results:\n%.4000s", body)
	}
	resp, body := g.contest(taken, "fill_blank", "", "")
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
		t.Errorf("a guest's contest sent to %q, not to log in", loc)
	}
	if items, _ := ta.store.OpenContests(); len(items) != 0 {
		t.Errorf("a guest contested: %+v", items)
	}
}
