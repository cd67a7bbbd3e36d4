package handlers

import (
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"factquiz/models"
)

func TestSignupKeepsGuestAttempts(t *testing.T) {
	ta := newTestApp(t)
	id := ta.addArticle("city_lyon.txt")
	b := ta.client()
	resp, body := b.postForm(fmt.Sprintf("/articles/%d/attempts", id), url.Values{"_csrf": {b.csrf("/")}, "count": {"3"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	attempt := resp.Header.Get("Location")

	_, page := b.get("/signup")
	if !strings.Contains(page, "1 quiz you took as a guest") {
		t.Errorf("the sign-up page does not say the guest's quiz will be kept:\n%.3000s", page)
	}
	// A bad form says what is wrong next to each field and keeps the input.
	token := b.csrf("/signup")
	resp, body = b.postForm("/signup", url.Values{"_csrf": {token}, "email": {"ann@"}, "name": {"Ann"}, "password": {"short"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	for _, want := range []string{"not an email address", "at least 8 characters", `value="Ann"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the form does not say %q", want)
		}
	}
	if n, _ := ta.store.ListUsers(); len(n) != 0 {
		t.Fatalf("a bad form created %d accounts", len(n))
	}

	resp, body = b.postForm("/signup", url.Values{"_csrf": {token}, "email": {" Ann@Example.com "}, "name": {"Ann"}, "password": {"a long password"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if resp.Header.Get("Location") != "/dashboard" {
		t.Errorf("after sign-up: sent to %q", resp.Header.Get("Location"))
	}
	if _, body := b.get("/dashboard"); !strings.Contains(body, "Welcome to factquiz") {
		t.Errorf("no welcome after signing up:\n%.3000s", body)
	}
	u, err := ta.store.UserByEmail("ann@example.com")
	if err != nil || u.Role != models.RoleLearner || u.PasswordHash == "a long password" || !strings.HasPrefix(u.PasswordHash, "$2") {
		t.Fatalf("account %+v, %v: want a learner with a bcrypt hash", u, err)
	}
	resp, body = b.get(attempt)
	wantStatus(t, resp, http.StatusOK, body)
	p, err := ta.store.Progress(u.ID, true)
	if err != nil || len(p.Attempts) != 1 {
		t.Fatalf("the guest's attempt is not the new account's: %+v, %v", p, err)
	}
	_, body = b.get("/dashboard")
	if !strings.Contains(body, "Lyon") {
		t.Errorf("the dashboard lacks the article:\n%.3000s", body)
	}

	// The same address cannot sign up twice.
	c := ta.client()
	resp, body = c.postForm("/signup", url.Values{"_csrf": {c.csrf("/signup")}, "email": {"ann@example.com"}, "password": {"another password"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "already an account") {
		t.Errorf("no message for a taken address:\n%.2000s", body)
	}
}

func TestLoginLogout(t *testing.T) {
	ta := newTestApp(t)
	ta.user("ann@example.com", models.RoleLearner)
	b := ta.client()
	// Logging in from a page that needed it comes back to that page.
	resp, _ := b.get("/profile")
	wantStatus(t, resp, http.StatusSeeOther, "")
	if loc := resp.Header.Get("Location"); loc != "/login?next=%2Fprofile" {
		t.Fatalf("sent to %q", loc)
	}
	token := b.csrf("/login?next=%2Fprofile")
	resp, body := b.postForm("/login", url.Values{"_csrf": {token}, "email": {"ann@example.com"}, "password": {"not it"}, "next": {"/profile"}})
	wantStatus(t, resp, http.StatusUnauthorized, body)
	if !strings.Contains(body, "Wrong email or password") || !strings.Contains(body, `value="ann@example.com"`) {
		t.Errorf("the failed log-in page:\n%.2000s", body)
	}
	resp, body = b.postForm("/login", url.Values{"_csrf": {token}, "email": {"ANN@example.com"}, "password": {testPassword}, "next": {"/profile"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != "/profile" {
		t.Errorf("after log-in: sent to %q", loc)
	}
	ck := setCookie(resp, sessionCookie)
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" {
		t.Errorf("session cookie %+v: want HttpOnly, SameSite=Lax", ck)
	}
	resp, body = b.get("/profile")
	wantStatus(t, resp, http.StatusOK, body)
	secret := b.cookies[sessionCookie]

	// An address off this site is not followed.
	c := ta.client()
	resp, body = c.postForm("/login", url.Values{"_csrf": {c.csrf("/login")}, "email": {"ann@example.com"}, "password": {testPassword}, "next": {"//evil.example/"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != "/dashboard" {
		t.Errorf("next=//evil.example/ sent to %q", loc)
	}

	resp, body = b.postForm("/logout", url.Values{"_csrf": {b.csrf("/")}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if _, err := ta.store.SessionUser(secret); err != models.ErrNotFound {
		t.Errorf("the session still works after logging out: %v", err)
	}
	// The old cookie, replayed, signs nobody in.
	d := ta.client()
	d.cookies[sessionCookie] = secret
	resp, _ = d.get("/profile")
	wantStatus(t, resp, http.StatusSeeOther, "")
}

func setCookie(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// TestSessionFixation: a session id planted before logging in, known or
// not, is replaced at login and is worthless afterwards.
func TestSessionFixation(t *testing.T) {
	ta := newTestApp(t)
	ann := ta.user("ann@example.com", models.RoleLearner)
	ta.user("bob@example.com", models.RoleLearner)
	b := ta.client()
	b.cookies[sessionCookie] = "planted-by-an-attacker"
	b.login("bob@example.com", testPassword)
	if got := b.cookies[sessionCookie]; got == "planted-by-an-attacker" || got == "" {
		t.Fatalf("session id after login: %q", got)
	}

	// A valid session of one account, then a login as another.
	planted, err := ta.store.CreateSession(ann.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := ta.client()
	c.cookies[sessionCookie] = planted
	resp, body := c.postForm("/login", url.Values{"_csrf": {c.csrf("/")}, "email": {"bob@example.com"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	if c.cookies[sessionCookie] == planted {
		t.Fatal("the session id did not change at login")
	}
	if _, err := ta.store.SessionUser(planted); err != models.ErrNotFound {
		t.Errorf("the session from before login still works: %v", err)
	}
	var me map[string]any
	c.getJSON("/api/me", &me)
	if me["email"] != "bob@example.com" {
		t.Errorf("signed in as %v", me)
	}
}

// TestSessionSurvivesRestart: sessions are in the database, so a new
// server on the same file knows the cookie.
func TestSessionSurvivesRestart(t *testing.T) {
	ta := newTestApp(t)
	ta.user("ann@example.com", models.RoleLearner)
	b := ta.client()
	b.login("ann@example.com", testPassword)
	ta.restart()
	resp, body := b.get("/profile")
	wantStatus(t, resp, http.StatusOK, body)
	if !strings.Contains(body, "ann@example.com") {
		t.Error("the profile after a restart is not Ann's")
	}
}

func TestChangePassword(t *testing.T) {
	ta := newTestApp(t)
	ta.user("ann@example.com", models.RoleLearner)
	b, other := ta.client(), ta.client()
	b.login("ann@example.com", testPassword)
	other.login("ann@example.com", testPassword)
	secret, _, err := ta.store.CreateAPIToken(currentID(t, ta, "ann@example.com"), "script")
	if err != nil {
		t.Fatal(err)
	}
	bearer := func() int {
		req := httptest.NewRequest(http.MethodGet, "/api/me", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		resp, _ := ta.client().do(req)
		return resp.StatusCode
	}
	if got := bearer(); got != http.StatusOK {
		t.Fatalf("the API token before: status %d", got)
	}
	token := b.csrf("/profile")
	resp, body := b.postForm("/profile/password", url.Values{"_csrf": {token}, "current": {"wrong"}, "password": {"a brand new password"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	if !strings.Contains(body, "not your current password") {
		t.Errorf("no message for a wrong current password:\n%.2000s", body)
	}
	resp, body = b.postForm("/profile/password", url.Values{"_csrf": {token}, "current": {testPassword}, "password": {"a brand new password"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	resp, body = b.get("/profile")
	wantStatus(t, resp, http.StatusOK, body)
	if !strings.Contains(body, "Your password is changed") || !strings.Contains(body, "API tokens are revoked") {
		t.Error("no notice after changing the password, or it does not say the API tokens are revoked")
	}
	if got := bearer(); got != http.StatusUnauthorized {
		t.Errorf("the API token after the password changed: status %d, want 401", got)
	}
	resp, _ = other.get("/profile")
	wantStatus(t, resp, http.StatusSeeOther, "")
	if _, err := ta.store.Authenticate("ann@example.com", "a brand new password"); err != nil {
		t.Errorf("the new password does not work: %v", err)
	}
	if _, err := ta.store.Authenticate("ann@example.com", testPassword); err != models.ErrBadLogin {
		t.Errorf("the old password still works: %v", err)
	}
}

// TestCSRF: forms and cookie-signed API requests without the token are
// refused and change nothing; API tokens need no CSRF token.
func TestCSRF(t *testing.T) {
	ta := newTestApp(t)
	spare := ta.user("spare@example.com", models.RoleLearner)
	adm := ta.as("admin@example.com", models.RoleAdmin)
	resp, body := adm.postForm(fmt.Sprintf("/admin/users/%d/role", spare.ID), url.Values{"role": {"admin"}})
	wantStatus(t, resp, http.StatusForbidden, body)
	resp, body = adm.postForm("/profile/password", url.Values{"_csrf": {"forged"}, "current": {testPassword}, "password": {"hijacked password"}})
	wantStatus(t, resp, http.StatusForbidden, body)
	guest := ta.client()
	guest.get("/")
	resp, body = guest.postForm("/signup", url.Values{"email": {"x@example.com"}, "password": {"a long password"}})
	wantStatus(t, resp, http.StatusForbidden, body)

	adm.noCSRFHeader = true
	resp, out := adm.postJSON("/api/articles", map[string]string{"text": "= T =\n\nThe town was founded in 1850 by Mary Brown.\n"})
	wantStatus(t, resp, http.StatusForbidden, fmt.Sprint(out))
	if !strings.Contains(fmt.Sprint(out["error"]), "X-CSRF-Token") {
		t.Errorf("the refusal does not say how to send the token: %v", out)
	}

	if u, _ := ta.store.GetUser(spare.ID); u.Role != models.RoleLearner {
		t.Error("a form without a token changed a role")
	}
	if _, err := ta.store.Authenticate("admin@example.com", testPassword); err != nil {
		t.Error("a forged form changed the password")
	}
	if _, err := ta.store.UserByEmail("x@example.com"); err != models.ErrNotFound {
		t.Error("a sign-up without a token made an account")
	}
	if n, _ := ta.store.ArticleCount(); n != 0 {
		t.Error("an API request without a token added an article")
	}
}

func TestAPITokens(t *testing.T) {
	ta := newTestApp(t)
	b := ta.as("teacher@example.com", models.RoleInstructor)
	resp, body := b.postForm("/profile/tokens", url.Values{"_csrf": {b.csrf("/profile")}, "name": {"nightly import"}})
	wantStatus(t, resp, http.StatusCreated, body)
	secret := regexpFind(t, body, `fq_[0-9a-f]{64}`)

	script := ta.client() // no cookies at all
	req := httptest.NewRequest(http.MethodPost, "/api/articles", strings.NewReader("= Tokenville =\n\nTokenville was founded in 1850 by Mary Brown near Leeds.\n"))
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, body = script.do(req)
	wantStatus(t, resp, http.StatusCreated, body)

	_, body = b.get("/profile")
	if !strings.Contains(body, "nightly import") || strings.Contains(body, secret) {
		t.Errorf("the profile should list the token by name and never show it again:\n%.3000s", body)
	}
	tokens, _ := ta.store.ListAPITokens(currentID(t, ta, "teacher@example.com"))
	if len(tokens) != 1 || tokens[0].LastUsedAt == nil {
		t.Fatalf("tokens %+v: want one, used", tokens)
	}
	resp, body = b.postForm(fmt.Sprintf("/profile/tokens/%d/delete", tokens[0].ID), url.Values{"_csrf": {b.csrf("/profile")}})
	wantStatus(t, resp, http.StatusSeeOther, body)

	req = httptest.NewRequest(http.MethodGet, "/api/me", nil)
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, body = script.do(req)
	wantStatus(t, resp, http.StatusUnauthorized, body)
	if !strings.Contains(body, "revoked") {
		t.Errorf("401 body %s", body)
	}
	req = httptest.NewRequest(http.MethodGet, "/api/me", nil)
	req.Header.Set("Authorization", "Basic abc")
	resp, body = script.do(req)
	wantStatus(t, resp, http.StatusUnauthorized, body)
}

func currentID(t *testing.T, ta *testApp, email string) uint {
	t.Helper()
	u, err := ta.store.UserByEmail(email)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// TestLoginRateLimit logs in over real HTTP from several loopback
// addresses. The eleventh failure in a minute from one address is refused
// with 429 and Retry-After, even with the right password, while the
// account's owner still logs in from elsewhere; only 50 failures from
// many addresses lock the account itself. Right log-ins are limited too:
// the 31st in a minute to one account is refused.
func TestLoginRateLimit(t *testing.T) {
	ta := newTestApp(t)
	for _, name := range []string{"ann", "bob", "carol"} {
		ta.user(name+"@example.com", models.RoleLearner)
	}
	base := ta.serve()
	from := func(ip string) *http.Client {
		jar, _ := cookiejar.New(nil)
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
		return &http.Client{Jar: jar, Transport: &http.Transport{DialContext: d.DialContext},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	try := func(hc *http.Client, email, password string) (int, string, string) {
		t.Helper()
		resp, body := postLogin(t, hc, base, email, password)
		return resp.StatusCode, resp.Header.Get("Retry-After"), body
	}
	// Per address: ten failures for Ann lock the address, not Ann.
	one := from("127.0.0.1")
	for i := range 10 {
		if status, _, _ := try(one, "ann@example.com", "wrong"); status != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d", i+1, status)
		}
	}
	status, retry, body := try(one, "ann@example.com", testPassword)
	if status != http.StatusTooManyRequests || retry == "" || !strings.Contains(body, "from this network address") {
		t.Fatalf("11th try from one address: status %d, Retry-After %q\n%.1500s", status, retry, body)
	}
	if n, err := time.ParseDuration(retry + "s"); err != nil || n > time.Minute {
		t.Errorf("Retry-After %q", retry)
	}
	if status, _, _ := try(from("127.0.0.2"), "ann@example.com", testPassword); status != http.StatusSeeOther {
		t.Fatalf("Ann from another address after an attack from one: status %d", status)
	}
	// Per account: 50 failures for Bob from five addresses lock Bob.
	for a := range 5 {
		hc := from(fmt.Sprintf("127.0.0.%d", 10+a))
		for i := range 10 {
			if status, _, _ := try(hc, "bob@example.com", "wrong"); status != http.StatusUnauthorized {
				t.Fatalf("address %d, failure %d: status %d", a, i+1, status)
			}
		}
	}
	status, retry, body = try(from("127.0.0.20"), "bob@example.com", testPassword)
	if status != http.StatusTooManyRequests || retry == "" || !strings.Contains(body, "for this account") {
		t.Fatalf("Bob after 50 failures from five addresses: status %d, Retry-After %q\n%.1500s", status, retry, body)
	}
	// Ann's account is not locked by Bob's failures.
	if status, _, _ := try(from("127.0.0.20"), "ann@example.com", testPassword); status != http.StatusSeeOther {
		t.Fatalf("Ann's log-in: status %d", status)
	}
	// Right log-ins: 30 a minute to one account.
	for i := range 30 {
		if status, _, _ := try(from(fmt.Sprintf("127.0.1.%d", i)), "carol@example.com", testPassword); status != http.StatusSeeOther {
			t.Fatalf("Carol's log-in %d: status %d", i+1, status)
		}
	}
	status, _, body = try(from("127.0.2.1"), "carol@example.com", testPassword)
	if status != http.StatusTooManyRequests || !strings.Contains(body, "Too many log-ins to this account") {
		t.Fatalf("Carol's 31st log-in in a minute: status %d\n%.1500s", status, body)
	}
}

// TestCookiesSecureOverHTTPS: behind a TLS proxy every cookie is Secure;
// the same X-Forwarded-Proto from a peer that is not a trusted proxy is
// not believed.
func TestCookiesSecureOverHTTPS(t *testing.T) {
	untrusted := newTestApp(t).client()
	req := httptest.NewRequest(http.MethodGet, "/login", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	resp, _ := untrusted.do(req)
	if ck := setCookie(resp, "fq_csrf"); ck == nil || ck.Secure {
		t.Errorf("X-Forwarded-Proto from an untrusted peer made the cookie Secure: %+v", ck)
	}
	if resp.Header.Get("Strict-Transport-Security") != "" {
		t.Error("X-Forwarded-Proto from an untrusted peer got HSTS")
	}
	ta := newTestAppConfig(t, Config{TrustedProxies: []string{"0.0.0.0"}}) // app.Test's peer
	ta.user("ann@example.com", models.RoleLearner)
	b := ta.client()
	https := func(req *http.Request) *http.Request {
		req.Host = "quiz.example.org"
		req.Header.Set("X-Forwarded-Proto", "https")
		req.Header.Set("Referer", "https://quiz.example.org/login")
		return req
	}
	resp, page := b.do(https(httptest.NewRequest(http.MethodGet, "/login", nil)))
	for _, ck := range resp.Cookies() {
		if !ck.Secure {
			t.Errorf("cookie %s is not Secure over HTTPS", ck.Name)
		}
	}
	form := url.Values{"_csrf": {csrfInput.FindStringSubmatch(page)[1]}, "email": {"ann@example.com"}, "password": {testPassword}}
	req = https(httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode())))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body := b.do(req)
	wantStatus(t, resp, http.StatusSeeOther, body)
	ck := setCookie(resp, sessionCookie)
	if ck == nil || !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie over HTTPS: %+v", ck)
	}
	// Over plain HTTP the cookie cannot be Secure, or it would never come back.
	c := ta.client()
	resp, _ = c.get("/login")
	if ck := setCookie(resp, "fq_csrf"); ck == nil || ck.Secure {
		t.Errorf("CSRF cookie over HTTP: %+v", ck)
	}
}

func TestAdminChangesRoles(t *testing.T) {
	ta := newTestApp(t)
	adm := ta.as("admin@example.com", models.RoleAdmin)
	ann := ta.as("ann@example.com", models.RoleLearner)
	annID := currentID(t, ta, "ann@example.com")
	resp, _ := ann.get("/articles/new")
	wantStatus(t, resp, http.StatusForbidden, "")

	_, page := adm.get("/admin/users")
	if !strings.Contains(page, "ann@example.com") || !strings.Contains(page, fmt.Sprintf(`action="/admin/users/%d/role"`, annID)) {
		t.Fatalf("the users page lacks Ann's role form:\n%.3000s", page)
	}
	token := csrfInput.FindStringSubmatch(page)[1]
	resp, body := adm.postForm(fmt.Sprintf("/admin/users/%d/role", annID), url.Values{"_csrf": {token}, "role": {"instructor"}})
	wantStatus(t, resp, http.StatusSeeOther, body)
	// Ann's open session has the new role at once.
	resp, body = ann.get("/articles/new")
	wantStatus(t, resp, http.StatusOK, body)

	resp, body = adm.postForm(fmt.Sprintf("/admin/users/%d/role", annID), url.Values{"_csrf": {token}, "role": {"owner"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity, body)
	adminID := currentID(t, ta, "admin@example.com")
	resp, body = adm.postForm(fmt.Sprintf("/admin/users/%d/role", adminID), url.Values{"_csrf": {token}, "role": {"learner"}})
	wantStatus(t, resp, http.StatusConflict, body)
	if !strings.Contains(body, "At least one admin must remain") {
		t.Errorf("no reason given for keeping the last admin:\n%.1500s", body)
	}
	resp, body = adm.postForm("/admin/users/9999/role", url.Values{"_csrf": {token}, "role": {"learner"}})
	wantStatus(t, resp, http.StatusNotFound, body)
}

// TestSecurityHeaders: every page forbids inline code and framing, and
// tells browsers not to sniff types or leak its addresses elsewhere.
func TestSecurityHeaders(t *testing.T) {
	ta := newTestApp(t)
	b := ta.client()
	for _, path := range []string{"/", "/login", "/static/app.js", "/nowhere"} {
		resp, _ := b.get(path)
		csp := resp.Header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %s", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows inline code", path)
		}
		for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if got := resp.Header.Get(h); got != want {
				t.Errorf("%s: %s = %q, want %q", path, h, got, want)
			}
		}
	}
}
