package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/internal/testdb"
	"factquiz/models"
	"factquiz/questions"
)

// testApp is the application on a real SQLite file in a temp dir,
// migrated as in production.
type testApp struct {
	t     *testing.T
	app   *fiber.App
	store *models.Store
	path  string
	cfg   Config // the application's settings
	base  string // the URL of the app served over loopback, once metrics are read
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	return newTestAppConfig(t, Config{})
}

// newTestAppConfig is newTestApp with some settings; a nil Logger
// discards the log.
func newTestAppConfig(t *testing.T, cfg Config) *testApp {
	t.Helper()
	db, drop, err := testdb.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// Registered first, so it runs after the stores are closed.
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	ta := &testApp{t: t, path: db, cfg: cfg}
	ta.start()
	return ta
}

// start opens the database file and builds the application on it.
func (ta *testApp) start() {
	ta.t.Helper()
	store, err := models.Open(ta.path)
	if err != nil {
		ta.t.Fatal(err)
	}
	ta.t.Cleanup(func() { store.Close() })
	cfg := ta.cfg
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	app, err := New(store, cfg)
	if err != nil {
		ta.t.Fatal(err)
	}
	ta.app, ta.store = app, store
}

// restart closes the database and starts a new application on the same
// file, as a server restart does; clients keep their cookies.
func (ta *testApp) restart() {
	ta.t.Helper()
	if err := ta.store.Close(); err != nil {
		ta.t.Fatal(err)
	}
	ta.start()
}

// addArticle stores an article from testdata and returns its id.
func (ta *testApp) addArticle(name string) uint {
	ta.t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "testdata", "articles", name))
	if err != nil {
		ta.t.Fatal(err)
	}
	return ta.importText(text).ID
}

// importText runs the engine on an article's text and stores what it made,
// every question that passes the engine's checks, as the server's default
// does.
func (ta *testApp) importText(text []byte) *models.Article {
	ta.t.Helper()
	g, err := questions.FromText(context.Background(), &questions.Parser{}, text, questions.Options{Count: -1})
	if err != nil {
		ta.t.Fatal(err)
	}
	art, err := ta.store.CreateArticle(g.Article, string(text), g.Questions)
	if err != nil {
		ta.t.Fatal(err)
	}
	return art
}

// client is a browser: it keeps its cookies between requests. Like a
// script of the JSON API, it sends the CSRF cookie's value in the
// X-CSRF-Token header of API requests that change something, reading a
// page first when it has no token yet, unless noCSRFHeader is set.
type client struct {
	ta           *testApp
	cookies      map[string]string
	noCSRFHeader bool
}

func (ta *testApp) client() *client { return &client{ta: ta, cookies: map[string]string{}} }

// testPassword is the password of every account the tests make.
const testPassword = "correct horse battery"

// user makes an account with a role.
func (ta *testApp) user(email, role string) *models.User {
	ta.t.Helper()
	u, err := ta.store.CreateUser(models.NewUser{Email: email, Name: strings.Split(email, "@")[0], Password: testPassword, Role: role})
	if err != nil {
		ta.t.Fatal(err)
	}
	return u
}

// as makes an account with a role and returns a browser logged in to it.
func (ta *testApp) as(email, role string) *client {
	ta.t.Helper()
	ta.user(email, role)
	c := ta.client()
	c.login(email, testPassword)
	return c
}

// login logs in through the form and fails the test if that does not
// work.
func (c *client) login(email, password string) {
	c.ta.t.Helper()
	resp, body := c.postForm("/login", url.Values{"_csrf": {c.csrf("/login")}, "email": {email}, "password": {password}})
	if resp.StatusCode != http.StatusSeeOther {
		c.ta.t.Fatalf("log in as %s: status %d\n%.400s", email, resp.StatusCode, body)
	}
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.ta.t.Helper()
	if strings.HasPrefix(req.URL.Path, "/api/") && req.Method != http.MethodGet && !c.noCSRFHeader && req.Header.Get("Authorization") == "" {
		if c.cookies["fq_csrf"] == "" {
			c.get("/")
		}
		req.Header.Set("X-CSRF-Token", c.cookies["fq_csrf"])
	}
	for name, value := range c.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	resp, err := c.ta.app.Test(req, -1)
	if err != nil {
		c.ta.t.Fatal(err)
	}
	for _, ck := range resp.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" || !ck.Expires.IsZero() && ck.Expires.Before(time.Now()) {
			delete(c.cookies, ck.Name)
			continue
		}
		c.cookies[ck.Name] = ck.Value
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

func (c *client) get(path string) (*http.Response, string) {
	return c.do(httptest.NewRequest(http.MethodGet, path, nil))
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrf reads the token from a page's form.
func (c *client) csrf(page string) string {
	c.ta.t.Helper()
	_, body := c.get(page)
	m := csrfInput.FindStringSubmatch(body)
	if m == nil {
		c.ta.t.Fatalf("no CSRF token on %s", page)
	}
	return m[1]
}

// postForm posts a urlencoded form, with the CSRF token of the page the
// form is on unless token is given.
func (c *client) postForm(path string, values url.Values) (*http.Response, string) {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(values.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *client) postMultipart(path string, fields map[string]string, fileName string, file []byte) (*http.Response, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if fileName != "" {
		fw, _ := w.CreateFormFile("file", fileName)
		fw.Write(file)
	}
	w.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

func (c *client) postJSON(path string, body any) (*http.Response, map[string]any) {
	c.ta.t.Helper()
	data, _ := json.Marshal(body)
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	resp, text := c.do(req)
	var out map[string]any
	json.Unmarshal([]byte(text), &out)
	return resp, out
}

func (c *client) getJSON(path string, v any) *http.Response {
	c.ta.t.Helper()
	resp, text := c.get(path)
	if err := json.Unmarshal([]byte(text), v); err != nil && resp.StatusCode < 300 {
		c.ta.t.Fatalf("GET %s: not JSON: %v\n%s", path, err, text)
	}
	return resp
}

func wantStatus(t *testing.T, resp *http.Response, want int, body string) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%.600s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, want, body)
	}
}

func readTestArticle(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("..", "testdata", "articles", name))
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// serve runs the application on a loopback port until the test ends and
// returns its base URL.
func (ta *testApp) serve() string {
	ta.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		ta.t.Fatal(err)
	}
	go ta.app.Listener(ln)
	ta.t.Cleanup(func() { ta.app.Shutdown() })
	return "http://" + ln.Addr().String()
}

// regexpFind returns the first match of pattern in s, failing the test
// when there is none.
func regexpFind(t *testing.T, s, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindString(s)
	if m == "" {
		t.Fatalf("no match for %s", pattern)
	}
	return m
}

// submit sends an answer past the form, through the same three steps as
// the handlers (without their metrics): the store reads its target,
// decode gives the answer, the engine grades it and the store records it.
func (ta *testApp) submit(attemptID uint, o models.Owner, qid uint, decode func(*models.AttemptQuestion) (any, error)) (*models.AnswerResult, error) {
	aq, err := ta.store.AnswerTarget(attemptID, o, qid)
	if err != nil {
		return nil, err
	}
	given, err := decode(aq)
	if err != nil {
		return nil, err
	}
	q, err := aq.Question.Engine()
	if err != nil {
		return nil, err
	}
	return ta.store.RecordAnswer(aq, o, given, questions.Credit(q, given))
}
