package handlers

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
	"github.com/valyala/fasthttp"

	"factquiz/models"
)

const (
	sessionCookie = "fq_session"
	userKey       = "user"
	viaTokenKey   = "via_token"
	unclaimedKey  = "unclaimed" // guest attempts a log-in left with the guest
	csrfHeader    = "X-CSRF-Token"
)

// identify finds who is asking: an API token in the Authorization header
// of an API request, or else the session cookie. Anyone else is a guest.
func (h *Handler) identify(c *fiber.Ctx) error {
	if auth := c.Get(fiber.HeaderAuthorization); auth != "" && isAPI(c) {
		secret, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok {
			return fiber.NewError(fiber.StatusUnauthorized, `The Authorization header must be "Bearer " followed by an API token from your profile page.`)
		}
		u, err := h.store.TokenUser(strings.TrimSpace(secret))
		if errors.Is(err, models.ErrNotFound) {
			return fiber.NewError(fiber.StatusUnauthorized, "This API token is not valid: it may have been revoked. Create a new one on your profile page.")
		}
		if err != nil {
			return err
		}
		c.Locals(userKey, u)
		c.Locals(viaTokenKey, true)
		return c.Next()
	}
	if secret := c.Cookies(sessionCookie); secret != "" {
		u, err := h.store.SessionUser(secret)
		switch {
		case err == nil:
			c.Locals(userKey, u)
			c.Locals(sessionBindKey, secret)
		case errors.Is(err, models.ErrNotFound):
			c.ClearCookie(sessionCookie) // expired or signed out elsewhere
		default:
			return err
		}
	}
	return c.Next()
}

// currentUser is the signed-in user, or nil for a guest.
func currentUser(c *fiber.Ctx) *models.User {
	u, _ := c.Locals(userKey).(*models.User)
	return u
}

// viaToken reports whether the request signed in with an API token, which
// a browser never sends by itself, so CSRF checks do not apply.
func viaToken(c *fiber.Ctx) bool {
	v, _ := c.Locals(viaTokenKey).(bool)
	return v
}

// owner is who is asking, for the store's ownership checks.
func owner(c *fiber.Ctx) models.Owner {
	if u := currentUser(c); u != nil {
		return models.Owner{UserID: u.ID}
	}
	token, _ := c.Locals(guestKey).(string)
	return models.Owner{GuestToken: token}
}

// requireRole lets through users with role or above. A guest is sent to
// log in (an API client gets a 401); a user without the role gets a 403.
func (h *Handler) requireRole(role string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u := currentUser(c)
		if u == nil {
			return needLogin(c)
		}
		if !u.Can(role) {
			return fiber.NewError(fiber.StatusForbidden, "This is for "+role+"s only: your account is a "+u.Role+" account. An admin can change roles.")
		}
		return c.Next()
	}
}

func needLogin(c *fiber.Ctx) error {
	if isAPI(c) {
		return fiber.NewError(fiber.StatusUnauthorized, "Log in first, or send an API token as \"Authorization: Bearer <token>\" (create one on your profile page).")
	}
	next := c.OriginalURL()
	if c.Method() != fiber.MethodGet {
		next = ""
	}
	return c.Redirect(loginURL(next), fiber.StatusSeeOther)
}

func loginURL(next string) string {
	if next == "" || next == "/" {
		return "/login"
	}
	return "/login?next=" + url.QueryEscape(next)
}

// safeNext keeps a "next" address only when it is a path on this site, so
// that the log-in form cannot send anyone elsewhere. Control characters
// are refused: browsers drop tabs and newlines from a URL, which would
// turn "/\t/evil.example" into "//evil.example".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.ContainsFunc(next, isControl) {
		return ""
	}
	return next
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }

// startSession signs the user in with a new session id, so that an id
// planted in the browser before logging in is worth nothing. The quizzes
// this browser took as a guest become the user's, and the CSRF token is
// renewed too.
func (h *Handler) startSession(c *fiber.Ctx, u *models.User) error {
	if old := c.Cookies(sessionCookie); old != "" {
		if err := h.store.DeleteSession(old); err != nil {
			return err
		}
	}
	secret, err := h.store.CreateSession(u.ID)
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: secret, Path: "/", MaxAge: int(models.SessionLifetime / time.Second),
		HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
	guest, _ := c.Locals(guestKey).(string)
	_, left, err := h.store.ClaimGuestAttempts(guest, u.ID)
	if err != nil {
		return err
	}
	c.Locals(unclaimedKey, left)
	c.Locals(userKey, u)
	c.Locals(sessionBindKey, secret) // a new CSRF token with the session
	return nil
}

// endSession signs the browser out and gives it a new guest token.
func (h *Handler) endSession(c *fiber.Ctx) error {
	if secret := c.Cookies(sessionCookie); secret != "" {
		if err := h.store.DeleteSession(secret); err != nil {
			return err
		}
	}
	c.ClearCookie(sessionCookie, guestCookie, csrfCookie)
	c.Locals(userKey, nil)
	// The next request is a new guest, with a new CSRF token.
	c.Locals(sessionBindKey, "")
	c.Locals(guestKey, "")
	return nil
}

// secureCookies marks every cookie Secure when the request came over
// HTTPS (directly or, as the proxy says, through a proxy), so that it is
// never sent back in the clear.
func secureCookies(c *fiber.Ctx) error {
	err := c.Next()
	if c.Protocol() != "https" {
		return err
	}
	var cookies []*fasthttp.Cookie
	c.Response().Header.VisitAllCookie(func(key, value []byte) {
		ck := fasthttp.AcquireCookie()
		if ck.ParseBytes(value) == nil {
			ck.SetSecure(true)
			cookies = append(cookies, ck)
		}
	})
	for _, ck := range cookies {
		c.Response().Header.SetCookie(ck)
		fasthttp.ReleaseCookie(ck)
	}
	return err
}

// The log-in's limits, each counted in the database so that every
// instance counts the same. Failures are limited per network address
// (cfg.LoginAttempts a minute, 10 by default) well before they are per
// account (accountFailures in accountWindow), so that one address
// guessing a password locks itself out, not the account's owner, who logs
// in from elsewhere; only guessing from many addresses locks the account.
// Right log-ins are limited too, per address and per account, since each
// costs a bcrypt hash: a script that logs in with a right password again
// and again would otherwise keep the cores busy.
const (
	defaultAddrFails = 10
	accountFailures  = 50
	accountWindow    = 15 * time.Minute
	addressLogins    = 60 // right log-ins a minute
	accountLogins    = 30 // right log-ins a minute
)

// loginLimiters are the log-in's limiters, in the order they apply.
func (h *Handler) loginLimiters() []fiber.Handler {
	fails := h.cfg.LoginAttempts
	if fails <= 0 {
		fails = defaultAddrFails
	}
	return []fiber.Handler{
		h.loginLimiter(fails, time.Minute, true, "Too many failed log-ins from this network address.", loginByIP),
		h.loginLimiter(accountFailures, accountWindow, true,
			"Too many failed log-ins for this account, from many places: it is locked for a while to keep it safe.", loginByAccount),
		h.loginLimiter(addressLogins, time.Minute, false, "Too many log-ins from this network address.", loginByIP),
		h.loginLimiter(accountLogins, time.Minute, false, "Too many log-ins to this account.", loginByAccount),
	}
}

// loginLimiter allows max failed log-ins (with failed) or max right ones
// in each window for each key; why says what was exceeded.
func (h *Handler) loginLimiter(max int, window time.Duration, failed bool, why string, keyOf func(*fiber.Ctx) string) fiber.Handler {
	prefix := "right:"
	if failed {
		prefix = "failed:"
	}
	return limiter.New(limiter.Config{
		Max:                    max,
		Expiration:             window,
		KeyGenerator:           func(c *fiber.Ctx) string { return prefix + keyOf(c) },
		SkipSuccessfulRequests: failed,
		SkipFailedRequests:     !failed,
		Storage:                h.store.KV("login"),
		LimitReached: func(c *fiber.Ctx) error {
			msg := why + " For your safety, wait " + retryAfter(c, int(window/time.Second)) + " seconds and try again."
			return h.renderLogin(c, fiber.StatusTooManyRequests, c.FormValue("email"), c.FormValue("next"), msg)
		},
	})
}

func loginByIP(c *fiber.Ctx) string { return "ip:" + c.IP() }

func loginByAccount(c *fiber.Ctx) string {
	return "account:" + models.NormalizeEmail(c.FormValue("email"))
}
