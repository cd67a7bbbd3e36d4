package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/views"
)

func (h *Handler) showLogin(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect(nextOr(c.Query("next"), "/dashboard"), fiber.StatusSeeOther)
	}
	return h.renderLogin(c, fiber.StatusOK, "", c.Query("next"), "")
}

func (h *Handler) renderLogin(c *fiber.Ctx, status int, email, next, problem string) error {
	data := views.LoginPage{Page: h.page(c, "Log in"), Email: email, Next: safeNext(next), Error: problem}
	return h.render(c, status, "login", data)
}

// login checks the password and starts a session. A failure answers 401,
// which the rate limiters in front of it count.
func (h *Handler) login(c *fiber.Ctx) error {
	email, next := c.FormValue("email"), c.FormValue("next")
	u, err := h.store.Authenticate(email, c.FormValue("password"))
	if errors.Is(err, models.ErrBadLogin) {
		return h.renderLogin(c, fiber.StatusUnauthorized, email, next, "Wrong email or password. Check both and try again.")
	}
	if err != nil {
		return err
	}
	if err := h.startSession(c, u); err != nil {
		return err
	}
	flash(c, claimFlash(c, "logged-in"))
	return c.Redirect(nextOr(next, "/dashboard"), fiber.StatusSeeOther)
}

func nextOr(next, fallback string) string {
	if next = safeNext(next); next != "" {
		return next
	}
	return fallback
}

func (h *Handler) showSignup(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect("/dashboard", fiber.StatusSeeOther)
	}
	return h.renderSignup(c, fiber.StatusOK, models.NewUser{}, c.Query("next"), nil)
}

func (h *Handler) renderSignup(c *fiber.Ctx, status int, n models.NewUser, next string, errs models.FieldErrors) error {
	guest, _ := c.Locals(guestKey).(string)
	claimable, err := h.store.GuestAttemptCount(guest)
	if err != nil {
		return err
	}
	data := views.SignupPage{Page: h.page(c, "Sign up"), Email: n.Email, Name: n.Name, Next: safeNext(next),
		Errors: errs, GuestAttempts: int(claimable), MinPassword: models.MinPassword}
	return h.render(c, status, "signup", data)
}

// renderSignupError shows the sign-up form again, as filled in, with a
// message about the whole form.
func (h *Handler) renderSignupError(c *fiber.Ctx, status int, msg string) error {
	data := views.SignupPage{Page: h.page(c, "Sign up"), Email: c.FormValue("email"), Name: c.FormValue("name"),
		Next: safeNext(c.FormValue("next")), Error: msg, MinPassword: models.MinPassword}
	return h.render(c, status, "signup", data)
}

// signup creates a learner account, signs it in and gives it the quizzes
// this browser took as a guest.
func (h *Handler) signup(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect("/dashboard", fiber.StatusSeeOther)
	}
	n := models.NewUser{Email: c.FormValue("email"), Name: c.FormValue("name"), Password: c.FormValue("password"), Role: models.RoleLearner}
	next := c.FormValue("next")
	u, err := h.store.CreateUser(n)
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		n.Password = ""
		return h.renderSignup(c, fiber.StatusUnprocessableEntity, n, next, errs)
	}
	if err != nil {
		return err
	}
	if err := h.startSession(c, u); err != nil {
		return err
	}
	flash(c, claimFlash(c, "signed-up"))
	return c.Redirect(nextOr(next, "/dashboard"), fiber.StatusSeeOther)
}

func (h *Handler) logout(c *fiber.Ctx) error {
	if err := h.endSession(c); err != nil {
		return err
	}
	flash(c, "logged-out")
	return c.Redirect("/", fiber.StatusSeeOther)
}
