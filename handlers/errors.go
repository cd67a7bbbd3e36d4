package handlers

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// errorHandler turns every error into one page or JSON shape: the status
// the error carries, store errors mapped to 404 and 409, anything else a
// 500 that is logged.
func (h *Handler) errorHandler(c *fiber.Ctx, err error) error {
	status, msg := h.classify(c, err)
	if isAPI(c) {
		return c.Status(status).JSON(fiber.Map{"error": msg})
	}
	data := views.ErrorPage{Page: h.page(c, fmt.Sprintf("Error %d", status)), Status: status, Message: msg}
	c.Status(status)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	if rerr := h.views.Render(c, "error", data); rerr != nil {
		h.log.Error("render error page", "request_id", requestID(c), "error", rerr)
		return c.SendString(msg)
	}
	return nil
}

// parseStatus is the status of an article the parser refused: 413 when it
// is too large, else 422.
func parseStatus(err error) int {
	if errors.Is(err, questions.ErrTooLarge) {
		return fiber.StatusRequestEntityTooLarge
	}
	return fiber.StatusUnprocessableEntity
}

// classify picks the status and the message a user sees for an error.
func (h *Handler) classify(c *fiber.Ctx, err error) (int, string) {
	var fe *fiber.Error
	var pe *questions.ParseError
	switch {
	case errors.As(err, &fe):
		if fe.Code == fiber.StatusRequestEntityTooLarge && fe.Message == utils.StatusMessage(fe.Code) {
			return fe.Code, fmt.Sprintf("The request is too large: the limit is %d bytes (articles may be at most %d bytes).", h.uploadLimit(), h.parser.Limit())
		}
		return fe.Code, fe.Message
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return fiber.StatusServiceUnavailable, "Making the questions took too long and was stopped. Try a shorter article, or split it in parts."
	case errors.Is(err, models.ErrNotFound):
		return fiber.StatusNotFound, "Not found: there is nothing at " + c.Path() + " that you can see."
	case errors.Is(err, models.ErrTimeUp), errors.Is(err, models.ErrQuizClosed), errors.Is(err, models.ErrNoAttemptsLeft),
		errors.Is(err, models.ErrQuizEnded):
		return fiber.StatusConflict, capitalise(err.Error()) + "."
	case errors.Is(err, models.ErrNotDue), errors.Is(err, models.ErrNewCardLimit), errors.Is(err, models.ErrNothingToUndo):
		return fiber.StatusConflict, capitalise(err.Error()) + "."
	case errors.Is(err, models.ErrAlreadyAnswered), errors.Is(err, models.ErrFinished):
		return fiber.StatusConflict, capitalise(err.Error()) + "."
	case errors.Is(err, models.ErrAlreadyContested), errors.Is(err, models.ErrContestDecided):
		return fiber.StatusConflict, capitalise(err.Error()) + "."
	case errors.Is(err, models.ErrNotContestable):
		return fiber.StatusUnprocessableEntity, capitalise(err.Error()) + "."
	case errors.Is(err, models.ErrNotInAttempt):
		return fiber.StatusNotFound, capitalise(err.Error()) + "."
	case errors.Is(err, models.ErrTooManyOpen):
		return fiber.StatusTooManyRequests, capitalise(err.Error()) + "."
	case errors.Is(err, models.ErrNoQuestions):
		return fiber.StatusUnprocessableEntity, capitalise(err.Error()) + "."
	case models.Unavailable(err):
		// Nothing was stored; the same request may well succeed shortly.
		c.Set(fiber.HeaderRetryAfter, "5")
		h.log.Warn("database unavailable", "method", c.Method(), "route", routeLabel(c), "request_id", requestID(c), "error", err)
		if c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
			return fiber.StatusServiceUnavailable, "The database is not available just now. Try again in a moment."
		}
		return fiber.StatusServiceUnavailable, "Could not save: the database is not available just now (it may be full or restarting). Nothing was saved; try again in a moment."
	case errors.As(err, &pe):
		return parseStatus(err), capitalise(pe.Error()) + "."
	}
	h.log.Error("server error", "method", c.Method(), "route", routeLabel(c), "request_id", requestID(c), "error", err)
	return fiber.StatusInternalServerError, "Something went wrong on our side. Nothing you sent was half-stored; please try again."
}

// csrfFailed explains a refused form to its sender, and says in the log
// which check refused it (no token, a wrong one, another site's Origin,
// no Origin over HTTPS), which the sender is not told.
func (h *Handler) csrfFailed(c *fiber.Ctx, err error) error {
	h.log.Info("request refused by the CSRF check", "route", routeLabel(c), "request_id", requestID(c), "reason", err.Error())
	if isAPI(c) {
		return fiber.NewError(fiber.StatusForbidden, "Missing or stale CSRF token: send the value of the fq_csrf cookie in the "+csrfHeader+" header, or sign in with an API token (Authorization: Bearer <token>).")
	}
	return fiber.NewError(fiber.StatusForbidden, "This form has expired or did not come from this site. Go back, reload the page and send it again; nothing was lost.")
}

func (h *Handler) logPanic(c *fiber.Ctx, e any) {
	h.log.Error("panic", "method", c.Method(), "route", routeLabel(c), "request_id", requestID(c),
		"panic", fmt.Sprint(e), "stack", string(debug.Stack()))
}

func isAPI(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/api/") }

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
