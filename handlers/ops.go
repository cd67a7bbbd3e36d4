package handlers

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"factquiz/models"
)

const (
	requestIDKey = "request_id"
	// readyTimeout bounds the database ping of /readyz, so that a probe
	// gets its answer before its own timeout when the database hangs.
	readyTimeout = 2 * time.Second
	// unmatched is the route label of requests that reached no route: a
	// path with no page, or a request refused by a middleware (a stale
	// CSRF token, a revoked API token) before its route ran. Such a
	// request to "/" itself counts as "/".
	unmatched = "unmatched"
)

// opsRoutes serves the endpoints of load balancers and monitoring. They
// come before the cookie middleware, so that a probe gets no cookies.
func (h *Handler) opsRoutes(app *fiber.App) {
	app.Get("/healthz", h.healthz)
	app.Get("/readyz", h.readyz)
	app.Get("/metrics", h.requireMetricsToken, adaptor.HTTPHandler(promhttp.HandlerFor(h.metrics.registry, promhttp.HandlerOpts{
		ErrorLog:      slog.NewLogLogger(h.log.Handler(), slog.LevelError),
		ErrorHandling: promhttp.ContinueOnError,
	})))
}

// isProbe reports whether a route is polled by machines, whose requests
// are logged only at debug level.
func isProbe(route string) bool {
	return route == "/healthz" || route == "/readyz" || route == "/metrics"
}

// healthz says that the process is up and serving.
func (h *Handler) healthz(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
	return c.SendString("ok")
}

// readyz says whether the database answers, so that a load balancer sends
// requests only to servers that can serve them.
func (h *Handler) readyz(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
	ctx, cancel := context.WithTimeout(c.UserContext(), readyTimeout)
	defer cancel()
	if err := h.store.Ping(ctx); err != nil {
		h.log.Warn("not ready", "request_id", requestID(c), "error", err)
		return c.Status(fiber.StatusServiceUnavailable).SendString("not ready: the database does not answer")
	}
	return c.SendString("ready")
}

// requireMetricsToken lets through only requests with the metrics token,
// when one is configured, and otherwise only clients on this machine.
func (h *Handler) requireMetricsToken(c *fiber.Ctx) error {
	if h.cfg.MetricsToken == "" {
		// The client's address, as a trusted proxy gives it: through a
		// proxy on this machine, a remote client is still refused.
		if ip := net.ParseIP(c.IP()); ip != nil && ip.IsLoopback() {
			return c.Next()
		}
		c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
		return c.Status(fiber.StatusForbidden).SendString("/metrics answers only on this machine (loopback) unless the server has a metrics token (-metrics-token or FACTQUIZ_METRICS_TOKEN)")
	}
	got, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(h.cfg.MetricsToken)) != 1 {
		c.Set(fiber.HeaderWWWAuthenticate, "Bearer")
		c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
		return c.Status(fiber.StatusUnauthorized).SendString("send the metrics token as \"Authorization: Bearer <token>\"")
	}
	return c.Next()
}

// observe gives the request an id, answers errors with the error handler
// so that the status is known, then logs the request and counts it.
func (h *Handler) observe(c *fiber.Ctx) error {
	start := time.Now()
	// Fiber's strings live only as long as the request: the method
	// outlives it as a metric label, the id in any log record kept.
	id := strings.Clone(c.Get(fiber.HeaderXRequestID))
	if !saneRequestID(id) {
		id = newRequestID()
	}
	c.Locals(requestIDKey, id)
	c.Set(fiber.HeaderXRequestID, id)
	if err := c.Next(); err != nil {
		if err := c.App().ErrorHandler(c, err); err != nil {
			_ = c.SendStatus(fiber.StatusInternalServerError)
		}
	}
	elapsed := time.Since(start)
	route, method, status := routeLabel(c), strings.Clone(c.Method()), c.Response().StatusCode()
	h.metrics.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	h.metrics.duration.WithLabelValues(route, method).Observe(elapsed.Seconds())
	level := slog.LevelInfo
	if isProbe(route) {
		level = slog.LevelDebug
	}
	h.log.LogAttrs(c.UserContext(), level, "request",
		slog.String("method", method),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
		slog.String("request_id", id),
		slog.Int("bytes", responseBytes(c)))
	return nil
}

// routeLabel is the pattern of the route that answered ("/attempts/:id"),
// never the path itself, so that logs hold no ids or tokens and metrics
// have a bounded number of series.
func routeLabel(c *fiber.Ctx) string {
	// A request that ran no route of its own ends on a middleware of
	// app.Use, whose path "/" matches every path; a mounted middleware
	// such as /static keeps its prefix.
	r := c.Route()
	if r.Path == "/" && c.Path() != "/" {
		return unmatched
	}
	return r.Path
}

// responseBytes is the size of the response body; a streamed body counts
// its declared length (-1 when unknown), so that it is not read to be
// measured.
func responseBytes(c *fiber.Ctx) int {
	resp := c.Response()
	if resp.IsBodyStream() {
		return resp.Header.ContentLength()
	}
	return len(resp.Body())
}

// saneRequestID reports whether an incoming request id may be kept: a
// short token that cannot forge log lines or carry markup.
func saneRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
		if !ok {
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// requestID is the id of the request, for log lines about it.
func requestID(c *fiber.Ctx) string {
	id, _ := c.Locals(requestIDKey).(string)
	return id
}

// metrics are the application's Prometheus metrics, in a registry of its
// own, so that every application (and every test) counts apart.
type metrics struct {
	registry         *prometheus.Registry
	requests         *prometheus.CounterVec
	duration         *prometheus.HistogramVec
	answers          *prometheus.CounterVec
	attemptsStarted  prometheus.Counter
	attemptsFinished prometheus.Counter
	reviews          *prometheus.CounterVec
}

func newMetrics(store *models.Store) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factquiz_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "factquiz_http_request_duration_seconds",
			Help:    "Time to answer HTTP requests, by route pattern and method.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "method"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factquiz_answers_total",
			Help: "Quiz answers stored, by whether they were right.",
		}, []string{"correct"}),
		attemptsStarted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "factquiz_attempts_started_total",
			Help: "Quiz attempts started.",
		}),
		attemptsFinished: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "factquiz_attempts_finished_total",
			Help: "Quiz attempts finished by their last answer.",
		}),
		reviews: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factquiz_reviews_total",
			Help: "Flashcard ratings stored, by source.",
		}, []string{"source"}),
	}
	// Series that exist from the start, so that rates work from zero.
	m.answers.WithLabelValues("true")
	m.answers.WithLabelValues("false")
	m.reviews.WithLabelValues(models.SourceReview)
	m.reviews.WithLabelValues(models.SourceQuiz)
	m.registry.MustRegister(m.requests, m.duration, m.answers, m.attemptsStarted, m.attemptsFinished, m.reviews,
		newPoolCollector(store),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// answered counts a stored answer, and the attempt it finished.
func (m *metrics) answered(res *models.AnswerResult) {
	m.answers.WithLabelValues(strconv.FormatBool(res.Correct)).Inc()
	m.reviews.WithLabelValues(models.SourceQuiz).Add(float64(res.Reviewed))
	if res.Finished {
		m.attemptsFinished.Inc()
	}
}

// poolCollector reports the database connection pools at each scrape.
type poolCollector struct {
	store                      *models.Store
	maxOpen, open, inUse, idle *prometheus.Desc
	waits, waitSeconds         *prometheus.Desc
	// The group committer's figures.
	batches, batchWrites, batchLargest, batchFailures *prometheus.Desc
}

func newPoolCollector(store *models.Store) *poolCollector {
	desc := func(name, help string) *prometheus.Desc {
		return prometheus.NewDesc("factquiz_db_"+name, help, []string{"pool"}, nil)
	}
	return &poolCollector{
		store:        store,
		maxOpen:      desc("connections_max_open", "Most connections the pool may open."),
		open:         desc("connections_open", "Connections open, in use or idle."),
		inUse:        desc("connections_in_use", "Connections in use."),
		idle:         desc("connections_idle", "Idle connections."),
		waits:        desc("waits_total", "Times a query waited for a free connection."),
		waitSeconds:  desc("wait_seconds_total", "Time queries spent waiting for a free connection."),
		batches:      prometheus.NewDesc("factquiz_commit_batches_total", "Transactions the group committer has committed.", nil, nil),
		batchWrites:  prometheus.NewDesc("factquiz_commit_writes_total", "Answers and ratings in those transactions.", nil, nil),
		batchLargest: prometheus.NewDesc("factquiz_commit_batch_largest", "The most writes one transaction has held.", nil, nil),
		batchFailures: prometheus.NewDesc("factquiz_commit_batch_failures_total",
			"Batches whose transaction failed as a whole, so that each write in them was run again alone.", nil, nil),
	}
}

func (pc *poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{pc.maxOpen, pc.open, pc.inUse, pc.idle, pc.waits, pc.waitSeconds,
		pc.batches, pc.batchWrites, pc.batchLargest, pc.batchFailures} {
		ch <- d
	}
}

func (pc *poolCollector) Collect(ch chan<- prometheus.Metric) {
	writer, reader := pc.store.PoolStats()
	for _, p := range []struct {
		name  string
		stats sql.DBStats
	}{{"writer", writer}, {"reader", reader}} {
		s := p.stats
		ch <- prometheus.MustNewConstMetric(pc.maxOpen, prometheus.GaugeValue, float64(s.MaxOpenConnections), p.name)
		ch <- prometheus.MustNewConstMetric(pc.open, prometheus.GaugeValue, float64(s.OpenConnections), p.name)
		ch <- prometheus.MustNewConstMetric(pc.inUse, prometheus.GaugeValue, float64(s.InUse), p.name)
		ch <- prometheus.MustNewConstMetric(pc.idle, prometheus.GaugeValue, float64(s.Idle), p.name)
		ch <- prometheus.MustNewConstMetric(pc.waits, prometheus.CounterValue, float64(s.WaitCount), p.name)
		ch <- prometheus.MustNewConstMetric(pc.waitSeconds, prometheus.CounterValue, s.WaitDuration.Seconds(), p.name)
	}
	c := pc.store.CommitStats()
	ch <- prometheus.MustNewConstMetric(pc.batches, prometheus.CounterValue, float64(c.Batches))
	ch <- prometheus.MustNewConstMetric(pc.batchWrites, prometheus.CounterValue, float64(c.Writes))
	ch <- prometheus.MustNewConstMetric(pc.batchLargest, prometheus.GaugeValue, float64(c.Largest))
	ch <- prometheus.MustNewConstMetric(pc.batchFailures, prometheus.CounterValue, float64(c.Failures))
}
