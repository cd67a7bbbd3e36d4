package handlers

import (
	"context"
	"fmt"
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

func newBrowser(t *testing.T) context.Context {
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
	return ctx
}

// TestBrowserQuiz takes a quiz on the sample article in headless Chromium
// on a phone-sized window: it starts from the home page, answers every
// question through its own kind of input (some right, some wrong, read
// from the database), answers one multiple choice question by keyboard,
// reloads in the middle and resumes, and finds the expected score on the
// results page.
func TestBrowserQuiz(t *testing.T) {
	ctx := newBrowser(t)
	ta := newTestApp(t)
	text, _ := samples.Read(samples.Default)
	if _, err := ta.store.ImportArticle(&questions.Parser{}, text, 0); err != nil {
		t.Fatal(err)
	}
	base := ta.serve()
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	get := func(a chromedp.Action[string]) string {
		t.Helper()
		s, err := chromedp.Run(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	do(chromedp.Navigate(base+"/"),
		chromedp.Click(chromedp.CSS(`form[action$="/attempts"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.progress-text`)))

	location := get(chromedp.Location())
	attemptID, err := strconv.Atoi(strings.TrimPrefix(location, base+"/attempts/"))
	if err != nil {
		t.Fatalf("quiz started at %s", location)
	}
	v, err := ta.store.GetAttempt(uint(attemptID), models.Owner{GuestToken: guestCookieOf(t, ctx)})
	if err != nil {
		t.Fatal(err)
	}
	wantRight, usedKeyboard := 0, false
	for i := 0; i < len(v.Questions); i++ {
		if i == 4 {
			// A reload in the middle resumes at the same question.
			do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.progress-text`)))
		}
		progress := get(chromedp.Text(chromedp.CSS(`.progress-text`)))
		if !strings.Contains(progress, fmt.Sprintf("Question %d of %d", i+1, len(v.Questions))) {
			t.Fatalf("progress %q, want question %d", progress, i+1)
		}
		aq := v.At(i + 1)
		if qid := get(chromedp.Value(chromedp.CSS(`input[name=question_id]`))); strconv.Itoa(int(aq.QuestionID)) != qid {
			t.Fatalf("page shows question %s, want %d", qid, aq.QuestionID)
		}
		right := i%3 != 2
		if right {
			wantRight++
		}
		keyboard := !usedKeyboard && aq.Question.Type == string(questions.MultipleChoice)
		usedKeyboard = usedKeyboard || keyboard
		do(answerActions(t, aq, right, keyboard)...)
		verdict := `.verdict--wrong`
		if right {
			verdict = `.verdict--right`
		}
		do(chromedp.WaitVisible(chromedp.CSS(verdict)), chromedp.Click(chromedp.CSS(`a[data-next]`)))
		if i+1 < len(v.Questions) {
			do(chromedp.WaitVisible(chromedp.CSS(`form[action$="/answers"]`)))
		}
	}
	waitFor(t, func() bool { return strings.HasSuffix(get(chromedp.Location()), "/results") })
	results := get(chromedp.Text(chromedp.CSS(`main`)))
	want := fmt.Sprintf("%d/%d", wantRight, len(v.Questions))
	if !strings.Contains(strings.ReplaceAll(results, " / ", "/"), want) {
		t.Errorf("results page does not show %s:\n%s", want, results)
	}
	if !usedKeyboard {
		t.Log("no multiple choice question in this attempt: the keyboard path went untested")
	}
}

// answerActions fill the question's input the way a person would and
// submit it.
func answerActions(t *testing.T, aq *models.AttemptQuestion, right, keyboard bool) []chromedp.Action[chromedp.Void] {
	t.Helper()
	form := formValues(t, *aq, right)
	submit := chromedp.Click(chromedp.CSS(`form button[type=submit]`))
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

// guestCookieOf reads the browser's guest cookie, HttpOnly as it is, over
// the DevTools protocol.
func guestCookieOf(t *testing.T, ctx context.Context) string {
	t.Helper()
	cookies, err := chromedp.Run(ctx, chromedp.Action[[]*network.Cookie](func(ctx context.Context, tg *chromedp.Target) ([]*network.Cookie, error) {
		res, err := cdp.Call(ctx, tg, network.GetCookies, network.GetCookiesParams{})
		return res.Cookies, err
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cookies {
		if c.Name == guestCookie {
			return c.Value
		}
	}
	t.Fatal("the browser has no guest cookie")
	return ""
}
