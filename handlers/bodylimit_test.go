package handlers

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"factquiz/models"
	"factquiz/questions"
)

// cookieHeader is a Cookie header line with the client's cookies.
func (c *client) cookieHeader() string {
	var parts []string
	for k, v := range c.cookies {
		parts = append(parts, k+"="+v)
	}
	return "Cookie: " + strings.Join(parts, "; ")
}

// rawPost sends one POST over a fresh connection with the given head and
// body, and returns the answer and whether the server closed the
// connection after it.
func rawPost(t *testing.T, base, head string, body []byte) (*http.Response, string, bool) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	go func() {
		io.WriteString(conn, head+"\r\n")
		conn.Write(body)
	}()
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("%s: %v", strings.SplitN(head, "\r\n", 2)[0], err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(out), resp.Close
}

// servedGuest serves an app with the Lyon article over loopback, and
// gives a guest who has read its home page (and so has a CSRF token).
func servedGuest(t *testing.T) (*testApp, string, *client) {
	t.Helper()
	ta := newTestApp(t)
	ta.addArticle("city_lyon.txt")
	base := ta.serve()
	guest := ta.client()
	guest.get("/")
	return ta, base, guest
}

// TestBodyEncodedRefused: a compressed request body (gzip, br, deflate)
// is refused with a 415 that says why, before it is inflated, on the API
// and on a form, and the connection is closed; nothing is started.
func TestBodyEncodedRefused(t *testing.T) {
	ta, base, guest := servedGuest(t)
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zw.Write(bytes.Repeat([]byte{'{'}, 50<<20)) // 50 MB of "{" in about 50 KB
	zw.Close()
	for _, enc := range []string{"gzip", "br", "deflate", "GZIP", "gzip, identity"} {
		for _, path := range []string{"/api/attempts", "/articles/1/attempts"} {
			head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Encoding: %s\r\nX-CSRF-Token: %s\r\n%s\r\nContent-Length: %d\r\n",
				path, enc, guest.cookies["fq_csrf"], guest.cookieHeader(), bomb.Len())
			resp, body, closed := rawPost(t, base, head, bomb.Bytes())
			if resp.StatusCode != http.StatusUnsupportedMediaType {
				t.Errorf("%s with Content-Encoding %s: status %d, want 415\n%.300s", path, enc, resp.StatusCode, body)
			}
			wantSays(t, path+" "+enc, body, "may not be compressed", "send the body as it is")
			if !closed {
				t.Errorf("%s with Content-Encoding %s: the connection stays open", path, enc)
			}
		}
	}
	if n := attemptCount(t, ta); n != 0 {
		t.Errorf("%d attempts started by compressed bodies", n)
	}
	// identity is no encoding.
	head := fmt.Sprintf("POST /api/attempts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Encoding: identity\r\nX-CSRF-Token: %s\r\n%s\r\nContent-Length: 21\r\n",
		guest.cookies["fq_csrf"], guest.cookieHeader())
	resp, body, _ := rawPost(t, base, head, []byte(`{"article_id":1}     `))
	wantStatus(t, resp, http.StatusCreated, body)
}

// tableRows is how many rows a table of the store has.
func tableRows(t *testing.T, ta *testApp, table string) int64 {
	t.Helper()
	counts, err := ta.store.TableCounts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range counts {
		if c.Table == table {
			return c.Rows
		}
	}
	t.Fatalf("no table %q", table)
	return 0
}

func attemptCount(t *testing.T, ta *testApp) int64 { return tableRows(t, ta, "attempts") }

// TestBodyLimitByRoute: every route but the staff uploads takes at most
// maxFormBytes, refused from the declared length before any of the body
// is read, with a 413 that gives the limit, as a page or as JSON; the
// upload routes take more from staff only.
func TestBodyLimitByRoute(t *testing.T) {
	ta := limitedApp(t, 4096)
	base := ta.serve()
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	learner := ta.as("learner@example.com", models.RoleLearner)
	formSays := fmt.Sprintf("the limit is %d bytes", maxFormBytes)
	for _, r := range []struct {
		path, ctype string
		json        bool
	}{
		{"/api/attempts", "application/json", true},
		{"/attempts/1/answers", "application/x-www-form-urlencoded", false},
		{"/signup", "application/x-www-form-urlencoded", false},
		{"/articles", "application/x-www-form-urlencoded", false},
		{"/bank/import", "multipart/form-data; boundary=x", false},
		{"/api/articles", "text/plain", true},
	} {
		for who, c := range map[string]*client{"a guest": ta.client(), "a learner": learner} {
			resp, body := announceBody(t, base, r.path, r.ctype, maxFormBytes+1, c.cookieHeader())
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Errorf("POST %s by %s: status %d, want 413\n%.600s", r.path, who, resp.StatusCode, body)
			}
			wantSays(t, "POST "+r.path, body, formSays)
			if r.json {
				wantContentType(t, "POST "+r.path, resp, "application/json")
			} else {
				wantContentType(t, "POST "+r.path, resp, "text/html")
				wantSays(t, "POST "+r.path, body, "Too large")
			}
		}
	}
	// Staff may upload more, up to the upload limit.
	upload := (&Handler{parser: &questions.Parser{MaxBytes: 4096}}).uploadLimit()
	if upload != 16<<20 {
		t.Errorf("the upload limit is %d bytes, want 16 MB", upload)
	}
	for _, path := range []string{"/articles", "/bank/import", "/api/articles"} {
		resp, body := announceBody(t, base, path, "multipart/form-data; boundary=x", upload+1, teacher.cookieHeader())
		wantStatus(t, resp, http.StatusRequestEntityTooLarge, body)
		wantSays(t, "POST "+path+" by staff", body, fmt.Sprintf("the limit is %d bytes", upload))
	}
	// 300 KB to the article form: staff get the article's own limit,
	// which a learner never reaches.
	big := articleOfSize(t, 300<<10)
	token := teacher.csrf("/articles/new")
	resp, body := teacher.postMultipart("/articles", map[string]string{"_csrf": token, "text": big}, "", nil)
	wantStatus(t, resp, http.StatusRequestEntityTooLarge, body)
	wantSays(t, "a teacher's 300 KB article", body, fmt.Sprintf("%d bytes; the limit is 4096 bytes", len(big)))
	resp, body = learner.postMultipart("/articles", map[string]string{"_csrf": learner.csrf("/"), "text": big}, "", nil)
	wantStatus(t, resp, http.StatusRequestEntityTooLarge, body)
	wantSays(t, "a learner's 300 KB article", body, formSays)

	// A 12 MB JSON body to start an attempt is refused from its head.
	guest := ta.client()
	guest.get("/")
	r2, body := announceBody(t, base, "/api/attempts", "application/json", 12<<20,
		"X-CSRF-Token: "+guest.cookies["fq_csrf"], guest.cookieHeader())
	wantStatus(t, r2, http.StatusRequestEntityTooLarge, body)
	if !r2.Close {
		t.Error("after a refused body the connection stays open")
	}
	if n := attemptCount(t, ta); n != 0 {
		t.Errorf("%d attempts started by refused bodies", n)
	}
}

// TestBodyChunked: a chunked body, whose length is not declared, is read
// until it passes the limit and then refused; one under the limit is
// read as usual.
func TestBodyChunked(t *testing.T) {
	ta, base, guest := servedGuest(t)
	chunked := func(payload []byte) []byte {
		var b bytes.Buffer
		for len(payload) > 0 {
			n := min(len(payload), 4096)
			fmt.Fprintf(&b, "%x\r\n%s\r\n", n, payload[:n])
			payload = payload[n:]
		}
		b.WriteString("0\r\n\r\n")
		return b.Bytes()
	}
	head := fmt.Sprintf("POST /api/attempts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-CSRF-Token: %s\r\n%s\r\n",
		guest.cookies["fq_csrf"], guest.cookieHeader())
	pad := bytes.Repeat([]byte(" "), 2*maxFormBytes)
	resp, body, closed := rawPost(t, base, head, chunked(append([]byte(`{"article_id":1}`), pad...)))
	wantStatus(t, resp, http.StatusRequestEntityTooLarge, body)
	wantSays(t, "a chunked body over the limit", body, fmt.Sprintf("the limit is %d bytes", maxFormBytes))
	if !closed {
		t.Error("after a refused chunked body the connection stays open")
	}
	resp, body, _ = rawPost(t, base, head, chunked([]byte(`{"article_id":1}`)))
	wantStatus(t, resp, http.StatusCreated, body)
	if n := attemptCount(t, ta); n != 1 {
		t.Errorf("%d attempts, want the one under the limit", n)
	}
}
