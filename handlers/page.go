package handlers

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/views"
)

const (
	guestCookie = "fq_guest"
	guestKey    = "guest"
)

// guest gives every browser a random token in a cookie, so that a guest's
// attempts belong to the browser that started them.
func (h *Handler) guest(c *fiber.Ctx) error {
	token := c.Cookies(guestCookie)
	if len(token) != 32 || !isHex(token) {
		var b [16]byte
		if _, err := rand.Read(b[:]); err != nil {
			return err
		}
		token = hex.EncodeToString(b[:])
		c.Cookie(&fiber.Cookie{Name: guestCookie, Value: token, Path: "/", MaxAge: 365 * 24 * 3600,
			HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
	}
	c.Locals(guestKey, token)
	return c.Next()
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// page builds the data every page has.
func (h *Handler) page(c *fiber.Ctx, title string) views.Page {
	p := views.Page{Title: title, CSRF: h.csrfFor(c), User: userView(currentUser(c))}
	// "Log in" links back to the page it is on, but not from the log-in
	// and sign-up pages themselves, nor from a form shown again.
	if path := c.Path(); c.Method() == fiber.MethodGet && path != "/login" && path != "/signup" {
		p.Path = c.OriginalURL()
	}
	if code := c.Cookies(flashCookie); code != "" {
		p.Flash = flashes[code]
		c.ClearCookie(flashCookie)
	}
	return p
}

func userView(u *models.User) *views.User {
	if u == nil {
		return nil
	}
	return &views.User{ID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role}
}

// flashes are the notices a redirect can leave for the next page. The
// cookie carries only a code, so nobody can make the site say anything
// else.
var flashes = map[string]string{
	"signed-up":        "Welcome to factquiz: your account is ready.",
	"logged-in":        "You are logged in.",
	"logged-in-over":   "You are logged in. Quizzes you took as a guest in this browser are now yours, but not those whose attempts you had used up: a quiz's limit counts your account's attempts.",
	"signed-up-over":   "Welcome to factquiz: your account is ready. Quizzes you took as a guest in this browser are now yours, but not those over a quiz's limit of attempts.",
	"logged-out":       "You are logged out.",
	"password-changed": "Your password is changed. Any other browser signed in to your account was logged out, and your API tokens are revoked: make new ones for your scripts.",
	"token-revoked":    "The API token is revoked: scripts using it can no longer sign in.",
	"role-changed":     "The role is changed.",
	"settings-saved":   "The settings are saved.",
	"imported":         "The questions are imported: they are listed below, approved.",
	"question-saved":   "The question is saved.",
	"contest-accepted": "The answer is accepted: it counts as right, for every learner who gave it and from now on.",
	"contest-rejected": "The contest is rejected: the learner sees your reason.",
	"regenerated":      "The article's questions are regenerated: new ones are listed as generated; edited, approved and retired ones are as they were.",
}

const flashCookie = "fq_flash"

// claimFlash is the notice after a log-in or sign-up (code), saying so
// when some guest attempts were left with the guest.
func claimFlash(c *fiber.Ctx, code string) string {
	if n, _ := c.Locals(unclaimedKey).(int64); n > 0 {
		return code + "-over"
	}
	return code
}

// flash leaves a notice for the next page the browser shows.
func flash(c *fiber.Ctx, code string) {
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: code, Path: "/", MaxAge: 60, HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode})
}

// render writes an HTML page.
func (h *Handler) render(c *fiber.Ctx, status int, name string, data any) error {
	c.Status(status)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return h.views.Render(c, name, data)
}

// idParam reads a positive numeric route parameter; anything else is a
// 404, since no such page exists.
func idParam(c *fiber.Ctx, name string) (uint, error) {
	n, err := strconv.ParseUint(c.Params(name), 10, 32)
	if err != nil || n == 0 {
		return 0, fiber.NewError(fiber.StatusNotFound, "There is no page at "+c.Path()+".")
	}
	return uint(n), nil
}

// countValue reads a question count from a form or JSON value, with the
// default for an empty one and a clear error for a wrong one.
func countValue(raw string) (int, error) {
	if raw == "" {
		return models.DefaultAttemptSize, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > models.MaxAttemptSize {
		return 0, fiber.NewError(fiber.StatusBadRequest, "The number of questions must be a whole number from 1 to "+strconv.Itoa(models.MaxAttemptSize)+".")
	}
	return n, nil
}
