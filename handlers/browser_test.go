package handlers

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/samples"
	"factquiz/srs"
)

// chromium finds a Chromium to drive, or skips the test saying why.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed; .ci/run must install it (apt-get install -y chromium)")
	}
	t.Skip("skipping the browser test: no Chromium found (install it with: apt-get install -y chromium)")
	return ""
}

// browser is one headless Chromium tab on a phone-sized window, pointed
// at a test server. Its methods fail the test on any error, so that a test
// reads as the steps a person takes.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
}

func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(412, 915), // a phone
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	return &browser{t: t, ctx: ctx, base: base}
}

func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) get(a chromedp.Action[string]) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// evaluate runs a JavaScript expression in the page and returns its value.
func evaluate[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// arrive waits until the browser shows the page at path, after any
// redirect, and has read it to its footer, so that everything above is
// there to query.
func (b *browser) arrive(path string) {
	b.t.Helper()
	waitFor(b.t, func() bool {
		// Mid-navigation the page may not answer yet: poll again.
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		u, perr := url.Parse(loc)
		return err == nil && perr == nil && u.Path == path
	})
	b.do(chromedp.WaitVisible(chromedp.CSS(`.site-footer`)))
}

// sampleApp is the application on a new database holding the built-in
// sample article.
func sampleApp(t *testing.T) (*testApp, *models.Article) {
	t.Helper()
	ta := newTestApp(t)
	text, _ := samples.Read(samples.Default)
	return ta, ta.importText(text)
}

// TestBrowserQuiz takes a quiz on the sample article in headless Chromium
// on a phone-sized window: it starts from the home page, answers every
// question through its own kind of input (some right, some wrong, read
// from the database), answers one multiple choice question by keyboard,
// reloads in the middle and resumes, and finds the expected score on the
// results page.
func TestBrowserQuiz(t *testing.T) {
	ta, _ := sampleApp(t)
	b := newBrowser(t, ta.serve())
	quiz := b.takeQuiz(ta)
	results := b.get(chromedp.Text(chromedp.CSS(`main`)))
	want := fmt.Sprintf("%d/%d", quiz.right, quiz.total)
	if !strings.Contains(strings.ReplaceAll(results, " / ", "/"), want) {
		t.Errorf("results page does not show %s:\n%s", want, results)
	}
	if !quiz.usedKeyboard {
		t.Log("no multiple choice question in this attempt: the keyboard path went untested")
	}
}

// TestBrowserAccount follows a guest who finishes a quiz, signs up through
// the form and finds the quiz on their new dashboard (in the "By article"
// table and as a point on the chart), logs out with the header button,
// opens the dashboard again, is sent to log in, and after logging in finds
// the same progress there.
func TestBrowserAccount(t *testing.T) {
	ta, art := sampleApp(t)
	b := newBrowser(t, ta.serve())
	quiz := b.takeQuiz(ta)
	const email, name, password = "ada@example.com", "Ada Lovelace", "analytical engine"

	b.do(chromedp.Click(chromedp.CSS(`.site-header a[href="/signup"]`)))
	b.arrive("/signup")
	b.do(chromedp.SendKeys(chromedp.CSS(`form[action="/signup"] input[name=email]`), email),
		chromedp.SendKeys(chromedp.CSS(`form[action="/signup"] input[name=name]`), name),
		chromedp.SendKeys(chromedp.CSS(`form[action="/signup"] input[name=password]`), password),
		chromedp.Click(chromedp.CSS(`form[action="/signup"] button[type=submit]`)))
	b.arrive("/dashboard")
	b.checkDashboard(name, art.Title, quiz)

	b.do(chromedp.Click(chromedp.CSS(`.site-header form[action="/logout"] button[type=submit]`)))
	b.arrive("/")
	if evaluate[bool](b, `document.querySelector(".site-header .nav__user") !== null`) {
		t.Fatal("after logging out the header still names a user")
	}
	b.do(chromedp.WaitVisible(chromedp.CSS(`.site-header a[href^="/login"]`)))

	b.do(chromedp.Navigate(b.base + "/dashboard"))
	b.arrive("/login")
	b.do(chromedp.SendKeys(chromedp.CSS(`form[action="/login"] input[name=email]`), email),
		chromedp.SendKeys(chromedp.CSS(`form[action="/login"] input[name=password]`), password),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)))
	b.arrive("/dashboard")
	b.checkDashboard(name, art.Title, quiz)
}

// checkDashboard checks the dashboard of a learner signed in as name who
// has taken quiz, once, on the article titled title: the header names
// them and offers no "Log in", the "By article" table has the article with
// the quiz's score as its best, and the chart has the quiz as its one
// point.
func (b *browser) checkDashboard(name, title string, quiz takenQuiz) {
	b.t.Helper()
	if got := b.get(chromedp.Text(chromedp.CSS(`.site-header .nav__user`))); got != name {
		b.t.Errorf("the header names %q, want %q", got, name)
	}
	if evaluate[bool](b, `document.querySelector('.site-header a[href^="/login"]') !== null`) {
		b.t.Error(`the header offers "Log in" to a signed-in learner`)
	}
	// Each row of the "By article" table, keyed by its column headings.
	rows := evaluate[[]map[string]string](b, `(() => {
		const table = document.querySelector("#articles-heading ~ .table-wrap table");
		if (!table) return [];
		const heads = [...table.tHead.rows[0].cells].map(c => c.textContent.trim());
		return [...table.tBodies[0].rows].map(r =>
			Object.fromEntries([...r.cells].map((c, i) => [heads[i], c.textContent.trim()])));
	})()`)
	best := fmt.Sprintf("%d%%", quiz.right*100/quiz.total)
	if len(rows) != 1 || rows[0]["Article"] != title || rows[0]["Quizzes"] != "1" || rows[0]["Best"] != best {
		b.t.Errorf("By article: %v, want one row for %q with 1 quiz, best %s\n%s", rows, title, best, b.get(chromedp.Text(chromedp.CSS(`main`))))
	}
	points := evaluate[[]string](b, `[...document.querySelectorAll("svg .chart__point")].map(a => a.getAttribute("href"))`)
	if want := fmt.Sprintf("/attempts/%d/results", quiz.attemptID); len(points) != 1 || points[0] != want {
		b.t.Errorf("chart points link to %v, want one point linking to %s", points, want)
	}
}

// takenQuiz is what a browser did in a quiz.
type takenQuiz struct {
	attemptID    int
	right, total int
	usedKeyboard bool
}

// takeQuiz starts a quiz from the home page and answers every question
// through its own kind of input (some right, some wrong, read from the
// database), one multiple choice question by keyboard, with a reload in
// the middle; it ends on the results page.
func (b *browser) takeQuiz(ta *testApp) takenQuiz {
	t := b.t
	t.Helper()
	b.do(chromedp.Navigate(b.base+"/"),
		chromedp.Click(chromedp.CSS(`form[action$="/attempts"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.progress-text`)))

	location := b.get(chromedp.Location())
	attemptID, err := strconv.Atoi(strings.TrimPrefix(location, b.base+"/attempts/"))
	if err != nil {
		t.Fatalf("quiz started at %s", location)
	}
	v, err := ta.store.GetAttempt(uint(attemptID), models.Owner{GuestToken: b.cookie(guestCookie)})
	if err != nil {
		t.Fatal(err)
	}
	quiz := takenQuiz{attemptID: attemptID, total: len(v.Questions)}
	for i := 0; i < len(v.Questions); i++ {
		if i == 4 {
			// A reload in the middle resumes at the same question.
			b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.progress-text`)))
		}
		progress := b.get(chromedp.Text(chromedp.CSS(`.progress-text`)))
		if !strings.Contains(progress, fmt.Sprintf("Question %d of %d", i+1, len(v.Questions))) {
			t.Fatalf("progress %q, want question %d", progress, i+1)
		}
		aq := v.At(i + 1)
		if qid := b.get(chromedp.Value(chromedp.CSS(`input[name=question_id]`))); strconv.Itoa(int(aq.QuestionID)) != qid {
			t.Fatalf("page shows question %s, want %d", qid, aq.QuestionID)
		}
		right := i%3 != 2
		if right {
			quiz.right++
		}
		keyboard := !quiz.usedKeyboard && aq.Question.Type == string(questions.MultipleChoice)
		quiz.usedKeyboard = quiz.usedKeyboard || keyboard
		b.do(answerActions(t, aq, right, keyboard)...)
		verdict := `.verdict--wrong`
		if right {
			verdict = `.verdict--right`
		}
		b.do(chromedp.WaitVisible(chromedp.CSS(verdict)), chromedp.Click(chromedp.CSS(`a[data-next]`)))
		if i+1 < len(v.Questions) {
			b.do(chromedp.WaitVisible(chromedp.CSS(`form[action$="/answers"]`)))
		}
	}
	b.arrive(fmt.Sprintf("/attempts/%d/results", attemptID))
	return quiz
}

// answerActions fill the question's input the way a person would and
// submit it.
func answerActions(t *testing.T, aq *models.AttemptQuestion, right, keyboard bool) []chromedp.Action[chromedp.Void] {
	t.Helper()
	form := formValues(t, *aq, right)
	submit := chromedp.Click(chromedp.CSS(`form.answer-form button[type=submit]`))
	switch questions.Type(aq.Question.Type) {
	case questions.MultipleChoice:
		if keyboard {
			// 1-4 pick an option, Enter submits.
			idx := indexOf(aq.Options, form.Get("answer"))
			return []chromedp.Action[chromedp.Void]{chromedp.KeyEvent(strconv.Itoa(idx + 1)), chromedp.KeyEvent(kb.Enter)}
		}
		return []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=answer][value=%q]`, form.Get("answer")))), submit}
	case questions.TrueFalse:
		return []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[name=answer][value=%q]`, form.Get("answer"))))}
	case questions.MultipleAnswer:
		var acts []chromedp.Action[chromedp.Void]
		for _, o := range form["answer"] {
			acts = append(acts, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[type=checkbox][name=answer][value=%q]`, o))))
		}
		return append(acts, submit)
	case questions.Ordering, questions.Matching:
		var acts []chromedp.Action[chromedp.Void]
		for name := range form {
			if strings.HasPrefix(name, "order_") || strings.HasPrefix(name, "match_") {
				acts = append(acts, chromedp.SetValue(chromedp.CSS(`select[name=`+name+`]`), form.Get(name)))
			}
		}
		return append(acts, submit)
	}
	return []chromedp.Action[chromedp.Void]{chromedp.SendKeys(chromedp.CSS(`input[name=answer]`), form.Get("answer")), submit}
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("timed out waiting")
}

func indexOf(items []string, s string) int {
	for i, it := range items {
		if it == s {
			return i
		}
	}
	return -1
}

// cookie reads one of the browser's cookies, HttpOnly as they are, over
// the DevTools protocol.
func (b *browser) cookie(name string) string {
	b.t.Helper()
	cookies, err := chromedp.Run(b.ctx, chromedp.Action[[]*network.Cookie](func(ctx context.Context, tg *chromedp.Target) ([]*network.Cookie, error) {
		res, err := cdp.Call(ctx, tg, network.GetCookies, network.GetCookiesParams{})
		return res.Cookies, err
	}))
	if err != nil {
		b.t.Fatal(err)
	}
	for _, c := range cookies {
		if c.Name == name {
			return c.Value
		}
	}
	b.t.Fatalf("the browser has no %s cookie", name)
	return ""
}

// TestBrowserReview adds the sample article's flashcards from its page and
// reviews three cards with the keyboard alone: Space turns a card over,
// 1–4 rate it, U undoes. The counts of new cards and of reviews today
// change with each rating, and the database holds the ratings pressed.
func TestBrowserReview(t *testing.T) {
	ta, art := sampleApp(t)
	learner := ta.user("rev@example.com", models.RoleLearner)
	b := newBrowser(t, ta.serve())
	b.login("rev@example.com")

	b.do(chromedp.Navigate(fmt.Sprintf("%s/articles/%d", b.base, art.ID)))
	b.arrive(fmt.Sprintf("/articles/%d", art.ID))
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`form[action="/articles/%d/deck"] button[type=submit]`, art.ID))),
		chromedp.WaitVisible(chromedp.CSS(`.deck a[href="/review"]`)), // the page again, the deck added
		chromedp.Click(chromedp.CSS(`.deck a[href="/review"]`)))
	b.arrive("/review")

	count := func(class string) int {
		t.Helper()
		n, err := strconv.Atoi(b.get(chromedp.Text(chromedp.CSS(".counts--" + class + " strong"))))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	newBefore := count("new")
	if newBefore < 4 || count("done") != 0 {
		t.Fatalf("a fresh deck shows %d new cards and %d reviews", newBefore, count("done"))
	}
	keys := []string{"3", "1", "4"}
	var fronts []string
	for i, key := range keys {
		front := b.get(chromedp.Text(chromedp.CSS(`.card-front`)))
		for _, seen := range fronts {
			if seen == front {
				t.Fatalf("card %d repeats an earlier card: %q", i+1, front)
			}
		}
		fronts = append(fronts, front)
		b.do(chromedp.KeyEvent(" "), chromedp.WaitVisible(chromedp.CSS(`.card-back`)))
		b.do(chromedp.KeyEvent(key))
		waitFor(t, func() bool {
			n, err := strconv.Atoi(evaluate[string](b, `(document.querySelector(".counts--done strong")||{}).textContent||""`))
			return err == nil && n == i+1 && b.get(chromedp.Location()) == b.base+"/review"
		})
		if got := count("new"); got != newBefore-i-1 {
			t.Errorf("after %d ratings: %d new cards left, want %d", i+1, got, newBefore-i-1)
		}
	}
	logs, err := ta.store.ReviewLogs(learner.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(logs) != 3 || logs[0].Rating != srs.Good || logs[1].Rating != srs.Again || logs[2].Rating != srs.Easy {
		t.Fatalf("review logs %+v, want Good, Again, Easy", logs)
	}
	// U takes the last rating back and shows that card again.
	b.do(chromedp.WaitVisible(chromedp.CSS(`[data-undo]`)), chromedp.KeyEvent("u"))
	waitFor(t, func() bool {
		return strings.Contains(b.get(chromedp.Location()), "/review?card=")
	})
	b.do(chromedp.WaitVisible(chromedp.CSS(`.card-front`)))
	if got := b.get(chromedp.Text(chromedp.CSS(`.card-front`))); got != fronts[2] {
		t.Errorf("after undo the page shows %q, want the third card %q", got, fronts[2])
	}
	if logs, _ := ta.store.ReviewLogs(learner.ID); len(logs) != 2 {
		t.Errorf("%d review logs after undo, want 2", len(logs))
	}
}

// workspaceGIFT is the question file the instructor imports in
// TestBrowserWorkspace: one question of each type GIFT and the quiz page
// share.
const workspaceGIFT = `$CATEGORY: raid

::Capital:: What is the capital of Niger? {=Niamey ~Gao ~Bamako}

Niamey lies on the Niger. {T}

How many soldiers set off in the pickups? {#20:2}

Which cities are in Niger? {~%50%Niamey ~%50%Ouallam ~%-100%Gao}

Match the countries to their capitals. {=Niger -> Niamey =Mali -> Bamako =Chad -> N'Djamena}
`

// TestBrowserWorkspace is an instructor's and a learner's day: the
// instructor imports a GIFT file, edits a question, builds a quiz of the
// imported questions; the learner takes it from their home page; the
// instructor sees the attempt and the question statistics in the report.
func TestBrowserWorkspace(t *testing.T) {
	ta, art := sampleApp(t)
	ta.user("teach@example.com", models.RoleInstructor)
	learner := ta.user("lea@example.com", models.RoleLearner)
	b := newBrowser(t, ta.serve())
	b.login("teach@example.com")

	b.do(chromedp.Navigate(fmt.Sprintf("%s/bank/import?article=%d", b.base, art.ID)))
	b.arrive("/bank/import")
	b.do(chromedp.SetValue(chromedp.CSS(`#import-text`), workspaceGIFT),
		chromedp.Click(chromedp.CSS(`form[enctype="multipart/form-data"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#preview-heading`)))
	if preview := b.get(chromedp.Text(chromedp.CSS(`main`))); !strings.Contains(preview, "5 questions will be imported") {
		t.Fatalf("preview:\n%s", preview)
	}
	b.do(chromedp.Click(chromedp.CSS(`form input[name=confirm] ~ button[type=submit]`)))
	b.arrive("/bank")
	imported, err := ta.store.ListQuestions(models.BankFilter{ArticleID: art.ID, Origin: models.OriginImported})
	if err != nil || imported.Total != 5 {
		t.Fatalf("%v imported, %v", imported, err)
	}

	// Build a quiz and add the imported questions from the bank.
	b.do(chromedp.Navigate(b.base + "/quizzes"))
	b.arrive("/quizzes")
	b.do(chromedp.SendKeys(chromedp.CSS(`form[action="/quizzes"] input[name=name]`), "Raid check"),
		chromedp.Click(chromedp.CSS(`form[action="/quizzes"] button[type=submit]`)))
	waitFor(t, func() bool { return strings.HasSuffix(b.get(chromedp.Location()), "/edit") })
	zs, _ := ta.store.ListQuizzes(false, time.Now())
	if len(zs) != 1 {
		t.Fatalf("%d quizzes", len(zs))
	}
	quizID := zs[0].ID
	b.do(chromedp.Navigate(fmt.Sprintf("%s/bank?article=%d&origin=imported", b.base, art.ID)))
	b.arrive("/bank")
	for _, q := range imported.Questions {
		b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=ids][value="%d"]`, q.ID))))
	}
	b.do(chromedp.SetValue(chromedp.CSS(`select[name=action]`), "quiz"),
		chromedp.SetValue(chromedp.CSS(`select[name=quiz_id]`), fmt.Sprint(quizID)),
		chromedp.Click(chromedp.CSS(`form.bank-bulk button[type=submit]`)))
	waitFor(t, func() bool {
		z, err := ta.store.GetQuiz(quizID)
		return err == nil && len(z.Questions) == 5
	})

	// Edit the first imported question's prompt; the quiz asks it as edited.
	first := imported.Questions[0]
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/questions/%d/edit"]`, first.ID))))
	b.arrive(fmt.Sprintf("/questions/%d/edit", first.ID))
	b.do(chromedp.SetValue(chromedp.CSS(`#prompt`), "Which city is the capital of Niger?"),
		chromedp.Click(chromedp.CSS(`form.question-form button[type=submit]`)))
	b.arrive("/bank")
	if q, _ := ta.store.GetQuestion(first.ID); q.Prompt != "Which city is the capital of Niger?" || q.Origin != models.OriginManual {
		t.Fatalf("edited question: %q, origin %s", q.Prompt, q.Origin)
	}

	// The learner takes it from the home page, answering all right but one.
	b.logout()
	b.login("lea@example.com")
	b.do(chromedp.Navigate(b.base + "/"))
	b.arrive("/")
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href="/q/%s"]`, zs[0].ShareToken))))
	b.arrive("/q/" + zs[0].ShareToken)
	b.do(chromedp.Click(chromedp.CSS(`form[action$="/attempts"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.progress-text`)))
	loc := b.get(chromedp.Location())
	attemptID, err := strconv.Atoi(strings.TrimPrefix(loc, b.base+"/attempts/"))
	if err != nil {
		t.Fatalf("quiz started at %s", loc)
	}
	v, err := ta.store.GetAttempt(uint(attemptID), models.Owner{UserID: learner.ID})
	if err != nil {
		t.Fatal(err)
	}
	for i := range v.Questions {
		aq := v.At(i + 1)
		b.do(answerActions(t, aq, i != 2, false)...)
		b.do(chromedp.WaitVisible(chromedp.CSS(`.verdict--right, .verdict--wrong`)), chromedp.Click(chromedp.CSS(`a[data-next]`)))
	}
	waitFor(t, func() bool { return strings.HasSuffix(b.get(chromedp.Location()), "/results") })
	if results := b.get(chromedp.Text(chromedp.CSS(`main`))); !strings.Contains(results, "4/5") {
		t.Errorf("results:\n%s", results)
	}

	// The instructor sees the attempt and the statistics.
	b.logout()
	b.login("teach@example.com")
	b.do(chromedp.Navigate(fmt.Sprintf("%s/quizzes/%d/report", b.base, quizID)))
	b.arrive(fmt.Sprintf("/quizzes/%d/report", quizID))
	report := b.get(chromedp.Text(chromedp.CSS(`main`)))
	for _, want := range []string{"lea", "4/5 (80 %)", "Question statistics", "Which city is the capital of Niger?", "Facility"} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
	if rows := evaluate[int](b, `document.querySelectorAll(".report-items tbody tr").length`); rows != 5 {
		t.Errorf("%d question rows in the report, want 5", rows)
	}
}

// login logs in through the form.
func (b *browser) login(email string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.base + "/login"))
	b.arrive("/login")
	b.do(chromedp.SendKeys(chromedp.CSS(`form[action="/login"] input[name=email]`), email),
		chromedp.SendKeys(chromedp.CSS(`form[action="/login"] input[name=password]`), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)))
	b.arrive("/dashboard")
}

// logout logs out with the header's button.
func (b *browser) logout() {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(`.site-header form[action="/logout"] button[type=submit]`)))
	b.arrive("/")
}
