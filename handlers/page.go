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
	csrfKey     = "csrf"
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
			HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Secure: c.Protocol() == "https"})
	}
	c.Locals(guestKey, token)
	return c.Next()
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// owner is who is asking, for the store's ownership checks.
func owner(c *fiber.Ctx) models.Owner {
	token, _ := c.Locals(guestKey).(string)
	return models.Owner{GuestToken: token}
}

// page builds the data every page has.
func (h *Handler) page(c *fiber.Ctx, title string) views.Page {
	token, _ := c.Locals(csrfKey).(string)
	return views.Page{Title: title, CSRF: token}
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
