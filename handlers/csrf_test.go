package handlers

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"factquiz/models"
)

// totalRows is the number of rows in every table of the store together.
func totalRows(t *testing.T, ta *testApp) int64 {
	t.Helper()
	counts, err := ta.store.TableCounts()
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, c := range counts {
		n += c.Rows
	}
	return n
}

// TestCSRFPageViewsWriteNothing: a page view by a new visitor, without
// cookies, stores nothing at all, although it gets a CSRF token that
// then works.
func TestCSRFPageViewsWriteNothing(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	before := totalRows(t, ta)
	for range 200 {
		for _, path := range []string{"/", fmt.Sprintf("/articles/%d", id), "/login", "/api/articles"} {
			resp, body := ta.client().get(path)
			wantStatus(t, resp, http.StatusOK, body)
		}
	}
	if after := totalRows(t, ta); after != before {
		t.Errorf("800 cookie-less page views stored %d rows", after-before)
	}
	g := ta.client()
	resp, out := g.postJSON("/api/attempts", map[string]any{"article_id": id, "count": 1})
	wantStatus(t, resp, http.StatusCreated, fmt.Sprint(out))
}

// TestCSRFBoundToSession: a token is worth something only for the browser
// it was given to (its guest cookie, or once signed in its session): one
// from another guest, from before a log-in or from another session of the
// same account is refused with a 403 and nothing is done. A restart, and
// another instance on the same database, keep tokens valid.
func TestCSRFBoundToSession(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	start := func(c *client, token string) int {
		resp, body := c.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {token}, "count": {"1"}})
		if resp.StatusCode == http.StatusForbidden {
			wantSays(t, "the refused form", body, "did not come from this site", "reload the page")
		}
		return resp.StatusCode
	}
	a, b := ta.client(), ta.client()
	tokenA, tokenB := a.csrf("/"), b.csrf("/")
	if tokenA == tokenB || tokenA == "" {
		t.Fatalf("two guests have tokens %q and %q", tokenA, tokenB)
	}
	if got := start(a, tokenB); got != http.StatusForbidden {
		t.Errorf("guest A with guest B's token: status %d, want 403", got)
	}
	if got := start(a, ""); got != http.StatusForbidden {
		t.Errorf("no token: status %d, want 403", got)
	}
	if got := start(a, tokenA); got != http.StatusSeeOther {
		t.Errorf("guest A with its own token: status %d, want 303", got)
	}

	// Signing in changes the token; the guest's no longer works.
	ta.user("ann@example.com", models.RoleLearner)
	a.login("ann@example.com", testPassword)
	signedIn := a.csrf("/")
	if signedIn == tokenA {
		t.Error("the token did not change at log-in")
	}
	if got := start(a, tokenA); got != http.StatusForbidden {
		t.Errorf("the guest's token after log-in: status %d, want 403", got)
	}
	// Another session of the same account has its own.
	other := ta.client()
	other.login("ann@example.com", testPassword)
	if got := start(other, signedIn); got != http.StatusForbidden {
		t.Errorf("session 1's token in session 2: status %d, want 403", got)
	}
	if n := attemptCount(t, ta); n != 1 {
		t.Errorf("%d attempts, want the one with a right token", n)
	}

	// A restart keeps the key, so the page's token still works.
	ta.restart()
	if got := start(a, signedIn); got != http.StatusSeeOther {
		t.Errorf("after a restart: status %d, want 303", got)
	}
	// So does a second instance on the same database.
	second, err := New(ta.store, Config{AttemptsPerMinute: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ta.app = second
	if got := start(a, signedIn); got != http.StatusSeeOther {
		t.Errorf("on a second instance: status %d, want 303", got)
	}

	// Signing out ends the token too.
	resp, body := a.postForm("/logout", url.Values{"_csrf": {signedIn}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if got := start(a, signedIn); got != http.StatusForbidden {
		t.Errorf("the signed-in token after log-out: status %d, want 403", got)
	}
}

// TestCSRFRefusalLogged: a refused form tells its sender only that it has
// expired, and tells the log which check refused it.
func TestCSRFRefusalLogged(t *testing.T) {
	ta, logs := newLoggedApp(t)
	g := ta.client()
	g.get("/")
	for _, tc := range []struct{ token, reason string }{
		{"", "no CSRF token"},
		{"not-the-token", "wrong CSRF token"},
	} {
		resp, body := g.postForm("/attempts", url.Values{"_csrf": {tc.token}})
		wantStatus(t, resp, http.StatusForbidden, body)
		if strings.Contains(body, tc.reason) {
			t.Errorf("the page tells the sender %q", tc.reason)
		}
		if got := logs.lines(t, "reason", tc.reason); len(got) != 1 || got[0]["msg"] != "request refused by the CSRF check" {
			t.Errorf("%q: log lines %v", tc.reason, got)
		}
	}
}
