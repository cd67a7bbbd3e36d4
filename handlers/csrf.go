package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/url"

	"github.com/gofiber/fiber/v2"
)

// CSRF tokens are derived, not stored: a token is an HMAC, under a
// server key kept once in the database (so every instance derives the
// same, and a restart keeps them), of what the browser is to the server:
// its login session when it has one, else its guest cookie. A page view
// therefore costs no write, a token made for one session is worth
// nothing in another (a log-in or a log-out changes it, so a token seen
// before cannot be planted on a victim), and a site that can set cookies
// on ours cannot mint a valid pair without the key. Every request that
// changes something carries the token in the _csrf form field or the
// X-CSRF-Token header, unless it signs in with an API token, which a
// browser never sends by itself. Over HTTPS its Origin or Referer must
// also be this site. The fq_csrf cookie holds the current token for
// scripts (and curl) to read; the server never trusts it.

const (
	csrfCookie     = "fq_csrf"
	csrfSecretName = "csrf"
	csrfSecretSize = 32
	// sessionBindKey is the Locals key of the session secret a request is
	// signed in with, which its CSRF token is bound to.
	sessionBindKey = "session_secret"
	csrfMemoKey    = "csrf_memo"
)

var (
	errCSRFMissing   = errors.New("no CSRF token")
	errCSRFInvalid   = errors.New("wrong CSRF token")
	errCSRFForeign   = errors.New("the form came from another site")
	errCSRFNoReferer = errors.New("no Origin or Referer over HTTPS")
)

// csrfBinding is what the request's token is bound to, or "" when there
// is nothing (a response that has just signed out).
func csrfBinding(c *fiber.Ctx) string {
	if s, _ := c.Locals(sessionBindKey).(string); s != "" {
		return "session:" + s
	}
	if g, _ := c.Locals(guestKey).(string); g != "" {
		return "guest:" + g
	}
	return ""
}

// csrfFor is the token of the request as it now stands. A request asks
// for it up to three times (to check it, for its page, for the cookie):
// it is worked out once for each binding the request has.
func (h *Handler) csrfFor(c *fiber.Ctx) string {
	b := csrfBinding(c)
	if b == "" {
		return ""
	}
	if m, ok := c.Locals(csrfMemoKey).(csrfMemo); ok && m.binding == b {
		return m.token
	}
	m := hmac.New(sha256.New, h.csrfKey)
	m.Write([]byte("factquiz csrf\x00"))
	m.Write([]byte(b))
	token := base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:24])
	c.Locals(csrfMemoKey, csrfMemo{b, token})
	return token
}

// csrfMemo is the token csrfFor last worked out, and for what binding.
type csrfMemo struct{ binding, token string }

// checkCSRF guards every request that changes something, and keeps the
// fq_csrf cookie equal to the current token.
func (h *Handler) checkCSRF(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions, fiber.MethodTrace:
	default:
		if !viaToken(c) {
			if err := h.verifyCSRF(c); err != nil {
				return h.csrfFailed(c, err)
			}
		}
	}
	err := c.Next()
	if token := h.csrfFor(c); token != "" && c.Cookies(csrfCookie) != token {
		c.Cookie(&fiber.Cookie{Name: csrfCookie, Value: token, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
			MaxAge: 365 * 24 * 3600})
	}
	return err
}

func (h *Handler) verifyCSRF(c *fiber.Ctx) error {
	if c.Protocol() == "https" {
		if err := sameSite(c); err != nil {
			return err
		}
	}
	sent := csrfToken(c)
	if sent == "" {
		return errCSRFMissing
	}
	want := h.csrfFor(c)
	if want == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(want)) != 1 {
		return errCSRFInvalid
	}
	return nil
}

// sameSite checks, over HTTPS, that the request's Origin (or, without
// one, its Referer) is this site.
func sameSite(c *fiber.Ctx) error {
	from := c.Get(fiber.HeaderOrigin)
	if from == "" || from == "null" {
		from = c.Get(fiber.HeaderReferer)
	}
	if from == "" {
		return errCSRFNoReferer
	}
	u, err := url.Parse(from)
	if err != nil || u.Scheme != "https" || u.Host != c.Hostname() {
		return errCSRFForeign
	}
	return nil
}

// csrfToken reads the token a request carries: the X-CSRF-Token header
// (scripts) or the _csrf form field (forms).
func csrfToken(c *fiber.Ctx) string {
	if t := c.Get(csrfHeader); t != "" {
		return t
	}
	return c.FormValue("_csrf")
}
