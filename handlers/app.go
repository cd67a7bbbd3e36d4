// Package handlers is factquiz's web layer: the Fiber routes, the HTML
// pages and the JSON API. Handlers are thin: they parse the request, call
// the store or the question engine, and render or redirect.
package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

// Config tunes the web application.
type Config struct {
	// MaxArticleBytes is the largest article accepted; 0 means
	// questions.DefaultMaxBytes.
	MaxArticleBytes int
	// Questions is how many questions an article gets when it is added;
	// 0 means every question that passes the engine's checks.
	Questions int
	// Logger receives one line per request (at debug level for /healthz,
	// /readyz and /metrics) and one per server error; nil means
	// slog.Default().
	Logger *slog.Logger
	// LoginAttempts is how many failed log-ins a minute are allowed from
	// one network address; 0 means 10. See loginLimiters for the rest.
	LoginAttempts int
	// MetricsToken, when set, is the bearer token /metrics asks for;
	// without one, /metrics answers only clients on this machine
	// (loopback).
	MetricsToken string
	// AnswersPerMinute is how many answers and flashcard ratings one
	// session may send a minute; 0 means 120, a negative number no limit.
	AnswersPerMinute int
	// AttemptsPerMinute is how many attempts one session may start a
	// minute; 0 means 20, a negative number no limit.
	AttemptsPerMinute int
	// GuestAttemptsPerMinute is how many attempts guests may start a
	// minute from one network address; 0 means 60, a negative number no
	// limit.
	GuestAttemptsPerMinute int
	// SignupsPerHour is how many sign-ups one network address may send
	// an hour; 0 means 20, a negative number no limit.
	SignupsPerHour int
	// TrustedProxies are the addresses (or CIDR ranges) of reverse
	// proxies whose X-Forwarded-For and X-Forwarded-Proto headers are
	// believed. With none, X-Forwarded-For is ignored: the client's
	// address is the connection's.
	TrustedProxies []string
	// GenerateTimeout is how long making an article's questions may take
	// before the request gives up with a 503; 0 means
	// DefaultGenerateTimeout. fasthttp does not cancel a request whose
	// client has gone, so this limit is what frees the core.
	GenerateTimeout time.Duration
}

// DefaultGenerateTimeout is the GenerateTimeout when none is set: well
// over the time a 2 MB article takes, under the 30 s write timeout.
const DefaultGenerateTimeout = 20 * time.Second

// generateContext is the context question generation runs under for a
// request: the request's own (done when the server shuts down) with the
// generation time limit.
func (h *Handler) generateContext(c *fiber.Ctx) (context.Context, context.CancelFunc) {
	limit := h.cfg.GenerateTimeout
	if limit <= 0 {
		limit = DefaultGenerateTimeout
	}
	return context.WithTimeout(c.Context(), limit)
}

// Handler serves the application.
type Handler struct {
	store   *models.Store
	views   *views.Renderer
	parser  *questions.Parser
	cfg     Config
	log     *slog.Logger
	metrics *metrics
	csrfKey []byte // the server key CSRF tokens are derived with
}

// New builds the Fiber application on a store.
func New(store *models.Store, cfg Config) (*fiber.App, error) {
	r, err := views.NewRenderer()
	if err != nil {
		return nil, err
	}
	h := &Handler{store: store, views: r, parser: &questions.Parser{MaxBytes: cfg.MaxArticleBytes}, cfg: cfg, log: cfg.Logger,
		metrics: newMetrics(store)}
	if h.log == nil {
		h.log = slog.Default()
	}
	if h.csrfKey, err = store.Secret(csrfSecretName, csrfSecretSize); err != nil {
		return nil, fmt.Errorf("the CSRF key: %w", err)
	}
	app := fiber.New(fiber.Config{
		AppName:               "factquiz",
		DisableStartupMessage: true,
		// Bodies are streamed and checked by limitBody, route by route,
		// before any of them beyond the first 8 KB is read; BodyLimit is
		// then only how much fasthttp reads ahead.
		BodyLimit:                    h.uploadLimit(),
		StreamRequestBody:            true,
		DisablePreParseMultipartForm: true,
		ErrorHandler:                 h.errorHandler,
		ReadTimeout:                  30 * time.Second,
		WriteTimeout:                 30 * time.Second,
		IdleTimeout:                  120 * time.Second,
		// Behind trusted proxies, the client's address is the one the
		// proxy puts in X-Forwarded-For, and only their headers count:
		// with none, no peer's X-Forwarded-* header is believed.
		EnableTrustedProxyCheck: true,
		TrustedProxies:          cfg.TrustedProxies,
		ProxyHeader:             proxyHeader(cfg.TrustedProxies),
		EnableIPValidation:      true,
	})
	app.Use(h.observe)
	app.Use(h.limitBody)
	app.Use(recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: h.logPanic}))
	app.Use(helmet.New(helmet.Config{
		// Pages load their script and style from /static only: no inline
		// code runs, and no other site may frame them.
		ContentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
		XFrameOptions:  "DENY",
		ReferrerPolicy: "same-origin",
		HSTSMaxAge:     180 * 24 * 3600,
	}))
	h.opsRoutes(app)
	app.Use("/static", filesystem.New(filesystem.Config{Root: views.FileSystem(), MaxAge: 3600}))
	app.Use(secureCookies)
	app.Use(h.identify)
	app.Use(h.limitUpload)
	app.Use(h.guest)
	// Every request that changes something carries the CSRF token; see
	// csrf.go.
	app.Use(h.checkCSRF)
	h.routes(app)
	return app, nil
}

// routes is the route table, read top to bottom.
// Guests may read articles and take quizzes; the rest needs an account,
// and adding articles or seeing other learners needs a role.
func (h *Handler) routes(app *fiber.App) {
	learner := h.requireRole(models.RoleLearner)
	instructor := h.requireRole(models.RoleInstructor)
	admin := h.requireRole(models.RoleAdmin)
	logins := h.loginLimiters()
	answers := h.answerLimiter()
	starts := h.startLimiter()

	// /healthz, /readyz and /metrics are in opsRoutes, which New
	// registers before the cookie middleware.
	app.Get("/", h.home)
	app.Get("/articles/new", instructor, h.newArticle)
	app.Post("/articles", instructor, h.createArticle)
	app.Get("/articles/:id", h.showArticle)
	app.Post("/articles/:id/attempts", starts, h.startAttempt)
	app.Get("/attempts/:id", h.showQuestion)
	app.Post("/attempts/:id/answers", answers, h.submitAnswer)
	app.Get("/attempts/:id/feedback/:pos", h.showFeedback)
	app.Get("/attempts/:id/results", h.showResults)
	app.Post("/attempts/:id/contest", learner, h.contestAnswer)

	app.Get("/signup", h.showSignup)
	app.Post("/signup", h.signupLimiter(), h.signup)
	app.Get("/login", h.showLogin)
	app.Post("/login", append(logins, h.login)...)
	app.Post("/logout", h.logout)
	app.Get("/profile", learner, h.showProfile)
	app.Post("/profile/password", learner, h.changePassword)
	app.Post("/profile/tokens", learner, h.createToken)
	app.Post("/profile/tokens/:id/delete", learner, h.deleteToken)
	app.Post("/profile/flashcards", learner, h.saveFlashcardSettings)
	app.Post("/articles/:id/deck", learner, h.addDeck)
	app.Get("/articles/:id/deck.txt", learner, h.exportDeck("txt"))
	app.Get("/articles/:id/deck.csv", learner, h.exportDeck("csv"))
	app.Get("/review", learner, h.showReview)
	app.Post("/review/undo", learner, h.undoRating)
	app.Post("/review/:id", learner, answers, h.rateCard)
	app.Get("/dashboard", learner, h.dashboard)
	app.Get("/bank", instructor, h.bank)
	app.Post("/bank/bulk", instructor, h.bulkQuestions)
	app.Get("/bank/import", instructor, h.showImport)
	app.Post("/bank/import", instructor, h.importQuestions)
	app.Get("/bank/export", instructor, h.exportBank)
	app.Post("/articles/:id/settings", instructor, h.articleSettings)
	app.Post("/articles/:id/regenerate", instructor, h.regenerate)
	app.Get("/questions/new", instructor, h.newQuestion)
	app.Post("/questions", instructor, h.saveQuestion)
	app.Get("/questions/:id/edit", instructor, h.editQuestion)
	app.Post("/questions/:id", instructor, h.saveQuestion)
	app.Get("/quizzes", instructor, h.quizzes)
	app.Post("/quizzes", instructor, h.createQuiz)
	app.Get("/quizzes/:id/edit", instructor, h.editQuiz)
	app.Post("/quizzes/:id", instructor, h.updateQuiz)
	app.Post("/quizzes/:id/questions/:qid/delete", instructor, h.removeQuizQuestion)
	app.Get("/quizzes/:id/report", instructor, h.quizReport)
	app.Get("/quizzes/:id/report.csv", instructor, h.quizReportCSV)
	app.Get("/q/:token", h.showQuizStart)
	app.Post("/q/:token/attempts", starts, h.startQuiz)
	app.Get("/learners", instructor, h.learners)
	app.Get("/learners/:id", instructor, h.learnerDashboard)
	app.Get("/contests", instructor, h.contestQueue)
	app.Post("/contests/:id/accept", instructor, h.acceptContest)
	app.Post("/contests/:id/reject", instructor, h.rejectContest)
	app.Get("/admin/users", admin, h.users)
	app.Post("/admin/users/:id/role", admin, h.setRole)

	api := app.Group("/api")
	api.Get("/articles", h.apiListArticles)
	api.Post("/articles", instructor, h.apiCreateArticle)
	api.Post("/attempts", starts, h.apiStartAttempt)
	api.Get("/attempts/:id", h.apiGetAttempt)
	api.Post("/attempts/:id/answers", answers, h.apiAnswer)
	api.Get("/me", learner, h.apiMe)
	api.Get("/progress", learner, h.apiProgress)

	app.Use(func(c *fiber.Ctx) error {
		return fiber.NewError(fiber.StatusNotFound, "There is no page at "+c.Path()+".")
	})
}
