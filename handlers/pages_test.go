package handlers

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"factquiz/models"
	"factquiz/questions"
)

var attemptPath = regexp.MustCompile(`^/attempts/(\d+)$`)

// formValues are the form fields that answer aq, rightly or not.
func formValues(t *testing.T, aq models.AttemptQuestion, right bool) url.Values {
	t.Helper()
	eq, err := aq.Question.Engine()
	if err != nil {
		t.Fatal(err)
	}
	v := url.Values{"question_id": {strconv.FormatUint(uint64(aq.QuestionID), 10)}}
	switch eq.Type {
	case questions.TrueFalse:
		v.Set("answer", strconv.FormatBool(eq.Truth == right))
	case questions.Ordering:
		order := eq.Order
		if !right {
			order = append([]string{order[len(order)-1]}, order[:len(order)-1]...)
		}
		for k, item := range order {
			v.Set("order_"+strconv.Itoa(k+1), item)
		}
	case questions.Matching:
		for i, p := range eq.Pairs {
			r := p[1]
			if !right {
				r = eq.Pairs[(i+1)%len(eq.Pairs)][1]
			}
			v.Set("match_"+strconv.Itoa(i), r)
		}
	case questions.MultipleAnswer:
		chosen := eq.Answers
		if !right {
			chosen = chosen[:1]
		}
		for _, o := range chosen {
			v.Add("answer", o)
		}
	case questions.MultipleChoice:
		ans := eq.Answer
		if !right {
			for _, o := range aq.Options {
				if o != eq.Answer {
					ans = o
				}
			}
		}
		v.Set("answer", ans)
	default:
		ans := eq.Answer
		if !right {
			ans = "zzzz wrong"
			if eq.Type == questions.Numeric {
				ans = "987654321"
			}
		}
		v.Set("answer", ans)
	}
	return v
}

// TestTakeQuizWithForms walks the pages as a browser without JavaScript
// does: home, start, every question (half right), feedback, results.
func TestTakeQuizWithForms(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.client()
	resp, body := b.get("/")
	wantStatus(t, resp, http.StatusOK, body)
	if !strings.Contains(body, "Lyon") || !strings.Contains(body, "Take a quiz") {
		t.Fatalf("home lacks the article or its button:\n%.1000s", body)
	}
	token := b.csrf("/")
	resp, body = b.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {token}, "count": {"6"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	loc := resp.Header.Get("Location")
	m := attemptPath.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("start redirected to %q", loc)
	}
	attemptID, _ := strconv.Atoi(m[1])
	v, err := ta.store.GetAttempt(uint(attemptID), models.Owner{GuestToken: b.cookies[guestCookie]})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Questions) != 6 {
		t.Fatalf("%d questions, want 6", len(v.Questions))
	}
	wantRight := 0
	for i, aq := range v.Questions {
		resp, body = b.get(loc)
		wantStatus(t, resp, http.StatusOK, body)
		if !strings.Contains(body, fmt.Sprintf("Question %d of 6", i+1)) {
			t.Errorf("question page lacks its progress %d of 6", i+1)
		}
		right := i%2 == 0
		if right {
			wantRight++
		}
		form := formValues(t, aq, right)
		form.Set("_csrf", csrfInput.FindStringSubmatch(body)[1])
		resp, body = b.postForm(loc+"/answers", form)
		wantStatus(t, resp, http.StatusSeeOther, body)
		fb := resp.Header.Get("Location")
		resp, body = b.get(fb)
		wantStatus(t, resp, http.StatusOK, body)
		if right != strings.Contains(body, "verdict--right") {
			t.Errorf("question %d (%s): feedback says right=%v, want %v\n%.800s", i+1, aq.Question.Type, !right, right, body)
		}
	}
	resp, body = b.get(loc)
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = b.get(loc + "/results")
	wantStatus(t, resp, http.StatusOK, body)
	if !strings.Contains(body, fmt.Sprintf("%d/6", wantRight)) && !strings.Contains(body, fmt.Sprintf("%d / 6", wantRight)) {
		t.Errorf("results do not show %d of 6:\n%.1500s", wantRight, body)
	}
	done, _ := ta.store.GetAttempt(uint(attemptID), models.Owner{GuestToken: b.cookies[guestCookie]})
	if done.Attempt.FinishedAt == nil || done.Attempt.Score != wantRight {
		t.Errorf("stored attempt: finished %v, score %d, want %d", done.Attempt.FinishedAt, done.Attempt.Score, wantRight)
	}
	// Another browser sees none of it.
	other := ta.client()
	for _, p := range []string{loc, loc + "/results", loc + "/feedback/1"} {
		resp, body = other.get(p)
		wantStatus(t, resp, http.StatusNotFound, body)
	}
}

func TestAddArticleForm(t *testing.T) {
	ta := newTestApp(t)
	b := ta.as("teacher@example.com", models.RoleInstructor)
	token := b.csrf("/articles/new")
	article := "= Hostile <script>alert(1)</script> =\n\nThe town of Brill was founded in 1210 by Count Otto of Holland. <b>Bold</b> claims were made in 1250 by the mayor John Smith.\n"
	resp, body := b.postMultipart("/articles", map[string]string{"_csrf": token, "text": article}, "", nil)
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = b.get(resp.Header.Get("Location"))
	wantStatus(t, resp, http.StatusOK, body)
	if strings.Contains(body, "<script>alert(1)") || strings.Contains(body, "<b>Bold") {
		t.Error("article text is not escaped")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the escaped title is missing")
	}
	if !strings.Contains(body, "1210") {
		t.Error("the article page lacks its text")
	}

	// A file upload works the same.
	token = b.csrf("/articles/new")
	resp, body = b.postMultipart("/articles", map[string]string{"_csrf": token}, "a.txt", []byte("= Uploaded =\n\nThe bridge was opened in 1932 by the engineer Ada Jones in Leeds.\n"))
	wantStatus(t, resp, http.StatusSeeOther, body)

	// A bad article shows the form again with the error, its line and the text.
	token = b.csrf("/articles/new")
	bad := "= Title =\n\nfine text\x00 here."
	resp, body = b.postMultipart("/articles", map[string]string{"_csrf": token, "text": bad}, "", nil)
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "not text") || !strings.Contains(body, "line 3") || !strings.Contains(body, "fine text") {
		t.Errorf("the form does not show the error with its line and the text:\n%.2000s", body)
	}
	n, _ := ta.store.ArticleCount()
	if n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
}

func TestBadRequestsChangeNothing(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.as("teacher@example.com", models.RoleInstructor)
	token := b.csrf("/")
	tests := []struct {
		name   string
		do     func() (*http.Response, string)
		status int
		says   string
	}{
		{"form without CSRF token", func() (*http.Response, string) {
			return b.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"count": {"3"}})
		}, http.StatusForbidden, "expired"},
		{"form with a wrong CSRF token", func() (*http.Response, string) {
			return b.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {"forged"}, "count": {"3"}})
		}, http.StatusForbidden, "expired"},
		{"count out of range", func() (*http.Response, string) {
			return b.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {token}, "count": {"0"}})
		}, http.StatusBadRequest, "from 1 to 100"},
		{"count not a number", func() (*http.Response, string) {
			return b.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {token}, "count": {"ten"}})
		}, http.StatusBadRequest, "whole number"},
		{"unknown article", func() (*http.Response, string) { return b.get("/articles/999") }, http.StatusNotFound, "Not found"},
		{"article id not a number", func() (*http.Response, string) { return b.get("/articles/abc") }, http.StatusNotFound, "no page"},
		{"unknown attempt", func() (*http.Response, string) { return b.get("/attempts/12345") }, http.StatusNotFound, "Not found"},
		{"unknown page", func() (*http.Response, string) { return b.get("/nowhere") }, http.StatusNotFound, "no page"},
		{"article over 2 MB", func() (*http.Response, string) {
			return b.postMultipart("/articles", map[string]string{"_csrf": token}, "big.txt", []byte("= T =\n\n"+strings.Repeat("Word here. ", 200_000)))
		}, http.StatusRequestEntityTooLarge, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := tt.do()
			wantStatus(t, resp, tt.status, body)
			if !strings.Contains(body, tt.says) {
				t.Errorf("page does not say %q:\n%.1500s", tt.says, body)
			}
		})
	}
	n, _ := ta.store.ArticleCount()
	if n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}

func TestAnswerFormValidation(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.client()
	v, err := ta.store.StartAttempt(id, 20, models.Owner{GuestToken: b.ensureGuest()})
	if err != nil {
		t.Fatal(err)
	}
	loc := fmt.Sprintf("/attempts/%d", v.Attempt.ID)
	token := b.csrf(loc)
	aq := v.Questions[0]
	form := url.Values{"_csrf": {token}, "question_id": {strconv.Itoa(int(aq.QuestionID))}}
	resp, body := b.postForm(loc+"/answers", form)
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "role=\"alert\"") {
		t.Errorf("no alert on the question page:\n%.1500s", body)
	}
	form.Set("question_id", "999999")
	resp, body = b.postForm(loc+"/answers", form)
	wantStatus(t, resp, http.StatusNotFound, body)
	again, _ := ta.store.GetAttempt(v.Attempt.ID, models.Owner{GuestToken: b.cookies[guestCookie]})
	if again.Answered() != 0 {
		t.Errorf("%d answers stored by bad forms", again.Answered())
	}
}

// ensureGuest makes the client a known guest and returns its token.
func (c *client) ensureGuest() string {
	c.get("/")
	return c.cookies[guestCookie]
}

// TestUploadTooLarge sends a 10 MB upload over real HTTP, through the
// form and the API: the server refuses it with 413 and says the limit.
func TestUploadTooLarge(t *testing.T) {
	ta := newTestApp(t)
	base := ta.serve()
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar}
	ta.user("teacher@example.com", models.RoleInstructor)
	httpLogin(t, hc, base, "teacher@example.com")
	resp, err := hc.Get(base + "/articles/new")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	token := csrfInput.FindStringSubmatch(string(page))[1]
	big := []byte(strings.Repeat("Word here. ", 1<<20))

	var form bytes.Buffer
	w := multipart.NewWriter(&form)
	w.WriteField("_csrf", token)
	fw, _ := w.CreateFormFile("file", "big.txt")
	fw.Write(big)
	w.Close()
	requests := []*http.Request{
		mustRequest(base+"/articles", w.FormDataContentType(), form.Bytes()),
		mustRequest(base+"/api/articles", "text/plain", big),
	}
	for _, c := range jar.Cookies(mustURL(base)) {
		if c.Name == "fq_csrf" {
			requests[1].Header.Set("X-CSRF-Token", c.Value)
		}
	}
	for _, req := range requests {
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "too large") || !strings.Contains(string(body), "2097152") {
			t.Errorf("POST %s: status %d, body %.300s", req.URL.Path, resp.StatusCode, body)
		}
	}
	if n, _ := ta.store.ArticleCount(); n != 0 {
		t.Errorf("%d articles stored", n)
	}
}

func mustRequest(url, contentType string, body []byte) *http.Request {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Content-Type", contentType)
	return req
}

// httpLogin logs an http.Client in over real HTTP; its jar keeps the
// session.
func httpLogin(t *testing.T, hc *http.Client, base, email string) {
	t.Helper()
	resp, _ := postLogin(t, hc, base, email, testPassword)
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/dashboard" {
		t.Fatalf("log in as %s: status %d at %s", email, resp.StatusCode, resp.Request.URL)
	}
}

// postLogin fills in the log-in form over real HTTP and returns the
// response and its body.
func postLogin(t *testing.T, hc *http.Client, base, email, password string) (*http.Response, string) {
	t.Helper()
	resp, err := hc.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfInput.FindStringSubmatch(string(page))
	if m == nil {
		t.Fatalf("no CSRF token on the log-in page")
	}
	resp, err = hc.PostForm(base+"/login", url.Values{"_csrf": {m[1]}, "email": {email}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}
