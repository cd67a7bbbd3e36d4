package e2e

// Memory exhaustion by an anonymous client, tried on the real binary over
// real HTTP, with the server's memory read from /proc.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rssMB is a process's resident memory in MB, from /proc.
func rssMB(t *testing.T, pid int) float64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	t.Fatalf("no VmRSS in /proc/%d/status", pid)
	return 0
}

// guestCookies visits the server as a new guest and returns its cookie
// header and CSRF token.
func guestCookies(t *testing.T, base string) (cookie, token string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	resp, err := hc.Get(base + "/api/articles")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, c := range jar.Cookies(u) {
		parts = append(parts, c.Name+"="+c.Value)
		if c.Name == "fq_csrf" {
			token = c.Value
		}
	}
	if token == "" {
		t.Fatal("no fq_csrf cookie from GET /api/articles")
	}
	return strings.Join(parts, "; "), token
}

// TestGzipBombRefused: 300 MB of zeros gzipped (about 300 KB), sent by a
// guest with a valid CSRF token to the JSON API with Content-Encoding:
// gzip, is refused with a 415, and the server's memory does not grow.
func TestGzipBombRefused(t *testing.T) {
	bin := buildFactquiz(t)
	s := startServer(t, bin, filepath.Join(t.TempDir(), "fq.db"))
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for range 300 {
		zw.Write(zero)
	}
	zw.Close()
	cookie, token := guestCookies(t, s.URL)
	before := rssMB(t, s.cmd.Process.Pid)
	for _, path := range []string{"/api/attempts", "/api/attempts/1/answers", "/articles/1/attempts"} {
		req, _ := http.NewRequest(http.MethodPost, s.URL+path, bytes.NewReader(bomb.Bytes()))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Content-Encoding", "gzip")
		req.Header.Set("X-CSRF-Token", token)
		req.Header.Set("Cookie", cookie)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("POST %s: %v", path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnsupportedMediaType {
			t.Errorf("a gzip bomb (%d KB) to %s: status %d, want 415\n%.300s", bomb.Len()>>10, path, resp.StatusCode, body)
		}
	}
	if after := rssMB(t, s.cmd.Process.Pid); after-before > 20 {
		t.Errorf("the server's memory went from %.0f to %.0f MB on gzip bombs", before, after)
	}
}

// TestHeaderOnlyBodies: 50 connections that each declare a 16 MB body and
// send 1 KB of it reserve no memory for the rest: the server's memory
// grows by less than 25 MB while they hang, and it still serves others.
func TestHeaderOnlyBodies(t *testing.T) {
	bin := buildFactquiz(t)
	s := startServer(t, bin, filepath.Join(t.TempDir(), "fq.db"))
	cookie, token := guestCookies(t, s.URL)
	host := strings.TrimPrefix(s.URL, "http://")
	before := rssMB(t, s.cmd.Process.Pid)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 50 {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		fmt.Fprintf(c, "POST /api/attempts HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nX-CSRF-Token: %s\r\nCookie: %s\r\nContent-Length: %d\r\n\r\n%s",
			host, token, cookie, 16<<20, strings.Repeat(" ", 1024))
	}
	time.Sleep(2 * time.Second) // let the server take them all in
	during := rssMB(t, s.cmd.Process.Pid)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(s.URL + "/healthz")
	if err != nil {
		t.Fatalf("with 50 hanging uploads, /healthz: %v", err)
	}
	resp.Body.Close()
	if during-before > 25 {
		t.Errorf("50 connections declaring 16 MB each took the server's memory from %.0f to %.0f MB", before, during)
	}
	// And a declared length over the limit, once 16 KB of it is sent, is
	// answered 413 without the rest.
	c := conns[0]
	c.SetDeadline(time.Now().Add(10 * time.Second))
	c.Write(bytes.Repeat([]byte(" "), 16<<10))
	r, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("a 16 MB JSON body: %v", err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 16 MB JSON body to /api/attempts: status %d, want 413", r.StatusCode)
	}
}
