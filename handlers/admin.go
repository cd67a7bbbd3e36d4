package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/views"
)

func (h *Handler) users(c *fiber.Ctx) error {
	us, err := h.store.ListUsers()
	if err != nil {
		return err
	}
	me := currentUser(c)
	data := views.UsersPage{Page: h.page(c, "Users"), Roles: models.Roles}
	for _, u := range us {
		data.Users = append(data.Users, views.UserItem{ID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role, Created: u.CreatedAt, Self: u.ID == me.ID})
	}
	return h.render(c, fiber.StatusOK, "users", data)
}

// setRole changes an account's role. The last admin keeps theirs.
func (h *Handler) setRole(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = h.store.SetRole(id, c.FormValue("role"))
	var errs models.FieldErrors
	switch {
	case errors.As(err, &errs):
		return fiber.NewError(fiber.StatusUnprocessableEntity, errs.Error())
	case errors.Is(err, models.ErrLastAdmin):
		return fiber.NewError(fiber.StatusConflict, capitalise(err.Error())+".")
	case err != nil:
		return err
	}
	flash(c, "role-changed")
	if id == currentUser(c).ID && c.FormValue("role") != models.RoleAdmin {
		return c.Redirect("/", fiber.StatusSeeOther) // no longer an admin: the users page is closed to them now
	}
	return c.Redirect("/admin/users", fiber.StatusSeeOther)
}
