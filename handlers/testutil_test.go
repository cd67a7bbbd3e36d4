package handlers

import (
	"bytes"
	"encoding/json"
	"io"
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

	"github.com/gofiber/fiber/v2"

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
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	store, err := models.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	app, err := New(store, Config{})
	if err != nil {
		t.Fatal(err)
	}
	return &testApp{t: t, app: app, store: store, path: path}
}

// addArticle stores an article from testdata and returns its id.
func (ta *testApp) addArticle(name string) uint {
	ta.t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "testdata", "articles", name))
	if err != nil {
		ta.t.Fatal(err)
	}
	art, err := ta.store.ImportArticle(&questions.Parser{}, text, 0)
	if err != nil {
		ta.t.Fatal(err)
	}
	return art.ID
}

// client is a browser: it keeps its cookies between requests.
type client struct {
	ta      *testApp
	cookies map[string]string
}

func (ta *testApp) client() *client { return &client{ta: ta, cookies: map[string]string{}} }

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.ta.t.Helper()
	for name, value := range c.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	resp, err := c.ta.app.Test(req, -1)
	if err != nil {
		c.ta.t.Fatal(err)
	}
	for _, ck := range resp.Cookies() {
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
