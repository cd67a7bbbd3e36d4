package handlers

import (
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

// Rate limits beyond the log-in's (auth.go): answers per session, so that
// one client cannot flood the writer, and sign-ups per network address,
// so that one machine cannot mass-create accounts. Each answers 429 Too
// Many Requests with Retry-After and says how long to wait.

// Defaults of Config's limits.
const (
	defaultAnswersPerMinute       = 120
	defaultSignupsPerHour         = 20
	defaultAttemptsPerMinute      = 20
	defaultGuestAttemptsPerMinute = 60
)

// answerLimiter allows cfg.AnswersPerMinute answers and flashcard
// ratings a minute for each session: the account, else the guest. It
// counts in memory: counting in the database would cost a write for
// every answer. With several instances behind a load balancer each
// counts its own share, so the limit is per instance.
func (h *Handler) answerLimiter() fiber.Handler {
	max, on := limit(h.cfg.AnswersPerMinute, defaultAnswersPerMinute)
	if !on {
		return func(c *fiber.Ctx) error { return c.Next() }
	}
	w := newWindows(max, time.Minute)
	return func(c *fiber.Ctx) error {
		wait := w.take(sessionKey(c), time.Now())
		if wait == 0 {
			return c.Next()
		}
		secs := setRetryAfter(c, wait)
		return fiber.NewError(fiber.StatusTooManyRequests, "You are sending answers faster than anyone can read the questions (at most "+
			strconv.Itoa(max)+" a minute). Wait "+secs+" seconds and send this one again; nothing was lost.")
	}
}

// startLimiter allows cfg.AttemptsPerMinute attempt starts a minute for
// each session (the account, else the guest) and, for guests,
// cfg.GuestAttemptsPerMinute from one network address, since a client
// that drops its cookies is a new guest each time. A start stores an
// attempt and its questions, so unlimited starts would fill the disk.
// Counted in memory, per instance, like answers.
func (h *Handler) startLimiter() fiber.Handler {
	perSession, sessionOn := limit(h.cfg.AttemptsPerMinute, defaultAttemptsPerMinute)
	perAddress, addressOn := limit(h.cfg.GuestAttemptsPerMinute, defaultGuestAttemptsPerMinute)
	sessions, addresses := newWindows(perSession, time.Minute), newWindows(perAddress, time.Minute)
	return func(c *fiber.Ctx) error {
		now := time.Now()
		if sessionOn {
			if wait := sessions.take(sessionKey(c), now); wait > 0 {
				return tooManyStarts(c, wait, "You are starting quizzes faster than anyone can take them (at most "+strconv.Itoa(perSession)+" a minute).", "")
			}
		}
		if addressOn && currentUser(c) == nil {
			if wait := addresses.take("ip:"+c.IP(), now); wait > 0 {
				return tooManyStarts(c, wait, "Too many quizzes were started by guests from this network address (at most "+strconv.Itoa(perAddress)+
					" a minute).", ", or log in")
			}
		}
		return c.Next()
	}
}

func tooManyStarts(c *fiber.Ctx, wait time.Duration, why, then string) error {
	secs := setRetryAfter(c, wait)
	return fiber.NewError(fiber.StatusTooManyRequests, why+" Wait "+secs+" seconds and start it again"+then+".")
}

// setRetryAfter sets Retry-After to wait in whole seconds, rounded up, and
// returns them for the message.
func setRetryAfter(c *fiber.Ctx, wait time.Duration) string {
	secs := strconv.Itoa(int((wait + time.Second - 1) / time.Second))
	c.Set(fiber.HeaderRetryAfter, secs)
	return secs
}

// windows counts requests per key in fixed windows: at most max in each
// window of a key, which starts with the key's first request. It is the
// answers' limiter, on every answer, so it is a map under one lock and
// nothing more; keys whose window has passed are swept once a window.
type windows struct {
	mu     sync.Mutex
	max    int
	length time.Duration
	counts map[string]window
	swept  time.Time
}

type window struct {
	start time.Time
	n     int
}

func newWindows(max int, length time.Duration) *windows {
	return &windows{max: max, length: length, counts: map[string]window{}}
}

// take counts a request of key at now, and returns 0 if it is allowed,
// else how long until the key's window ends.
func (w *windows) take(key string, now time.Time) time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	if now.Sub(w.swept) >= w.length {
		for k, win := range w.counts {
			if now.Sub(win.start) >= w.length {
				delete(w.counts, k)
			}
		}
		w.swept = now
	}
	win, ok := w.counts[key]
	if !ok || now.Sub(win.start) >= w.length {
		win = window{start: now}
	}
	if win.n >= w.max {
		return max(time.Second, win.start.Add(w.length).Sub(now))
	}
	win.n++
	w.counts[key] = win
	return 0
}

// signupLimiter allows cfg.SignupsPerHour sign-up forms an hour from one
// network address, counted in the database so that every instance counts
// the same.
func (h *Handler) signupLimiter() fiber.Handler {
	max, on := limit(h.cfg.SignupsPerHour, defaultSignupsPerHour)
	if !on {
		return func(c *fiber.Ctx) error { return c.Next() }
	}
	return limiter.New(limiter.Config{
		Max:          max,
		Expiration:   time.Hour,
		KeyGenerator: func(c *fiber.Ctx) string { return "ip:" + c.IP() },
		Storage:      h.store.KV("signup"),
		LimitReached: func(c *fiber.Ctx) error {
			msg := "Too many accounts were created from this network address. Wait " + retryAfter(c, 3600) + " seconds and try again."
			return h.renderSignupError(c, fiber.StatusTooManyRequests, msg)
		},
	})
}

// limit reads a Config limit: 0 means def, a negative number no limit
// (on is false).
func limit(n, def int) (max int, on bool) {
	switch {
	case n < 0:
		return 0, false
	case n == 0:
		return def, true
	}
	return n, true
}

// sessionKey names the session a request belongs to: the account, the
// guest cookie, else the network address.
func sessionKey(c *fiber.Ctx) string {
	if u := currentUser(c); u != nil {
		return "user:" + strconv.FormatUint(uint64(u.ID), 10)
	}
	if g, _ := c.Locals(guestKey).(string); g != "" {
		return "guest:" + g
	}
	return "ip:" + c.IP()
}

// retryAfter is the Retry-After the limiter set, in seconds, or def.
func retryAfter(c *fiber.Ctx, def int) string {
	wait := c.GetRespHeader(fiber.HeaderRetryAfter)
	if _, err := strconv.Atoi(wait); err != nil {
		wait = strconv.Itoa(def)
		c.Set(fiber.HeaderRetryAfter, wait)
	}
	return wait
}

// proxyHeader is where the client's address is read from: X-Forwarded-For
// behind trusted proxies, the connection otherwise.
func proxyHeader(trusted []string) string {
	if len(trusted) == 0 {
		return ""
	}
	return fiber.HeaderXForwardedFor
}
