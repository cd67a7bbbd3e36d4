package handlers

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/views"
)

func (h *Handler) showProfile(c *fiber.Ctx) error {
	return h.renderProfile(c, fiber.StatusOK, "", nil)
}

func (h *Handler) renderProfile(c *fiber.Ctx, status int, newToken string, errs models.FieldErrors) error {
	u := currentUser(c)
	ts, err := h.store.ListAPITokens(u.ID)
	if err != nil {
		return err
	}
	data := views.ProfilePage{Page: h.page(c, "Your profile"), NewToken: newToken, Errors: errs, MinPassword: models.MinPassword,
		BaseURL: c.BaseURL(), Settings: views.Settings{Retention: fmt.Sprintf("%.2f", u.DesiredRetention), NewPerDay: u.NewPerDay}}
	if errs["retention"] != "" || errs["new_per_day"] != "" {
		data.Settings = views.Settings{Retention: c.FormValue("retention")}
		data.Settings.NewPerDay, _ = strconv.Atoi(c.FormValue("new_per_day"))
	}
	if errs["token_name"] != "" {
		data.TokenName = c.FormValue("name")
	}
	for _, t := range ts {
		item := views.TokenItem{ID: t.ID, Name: t.Name, Hint: t.Hint, Created: t.CreatedAt}
		if t.LastUsedAt != nil {
			item.LastUsed = *t.LastUsedAt
		}
		data.Tokens = append(data.Tokens, item)
	}
	return h.render(c, status, "profile", data)
}

// changePassword sets a new password after checking the current one. Every
// session of the account ends, and this browser gets a new one.
func (h *Handler) changePassword(c *fiber.Ctx) error {
	u := currentUser(c)
	err := h.store.ChangePassword(u.ID, c.FormValue("current"), c.FormValue("password"))
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		return h.renderProfile(c, fiber.StatusUnprocessableEntity, "", errs)
	}
	if err != nil {
		return err
	}
	if err := h.startSession(c, u); err != nil {
		return err
	}
	flash(c, "password-changed")
	return c.Redirect("/profile", fiber.StatusSeeOther)
}

// createToken makes an API token and shows it this once.
func (h *Handler) createToken(c *fiber.Ctx) error {
	secret, _, err := h.store.CreateAPIToken(currentUser(c).ID, c.FormValue("name"))
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		return h.renderProfile(c, fiber.StatusUnprocessableEntity, "", errs)
	}
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return h.renderProfile(c, fiber.StatusCreated, secret, nil)
}

func (h *Handler) deleteToken(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteAPIToken(currentUser(c).ID, id); err != nil {
		return err
	}
	flash(c, "token-revoked")
	return c.Redirect("/profile", fiber.StatusSeeOther)
}

// saveFlashcardSettings sets the learner's desired retention and new
// cards per day.
func (h *Handler) saveFlashcardSettings(c *fiber.Ctx) error {
	err := h.store.SetFlashcardSettings(currentUser(c).ID, c.FormValue("retention"), c.FormValue("new_per_day"))
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		return h.renderProfile(c, fiber.StatusUnprocessableEntity, "", errs)
	}
	if err != nil {
		return err
	}
	flash(c, "settings-saved")
	return c.Redirect("/profile", fiber.StatusSeeOther)
}
