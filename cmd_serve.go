package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"factquiz/handlers"
	"factquiz/models"
	"factquiz/questions"
	"factquiz/samples"
)

// serveCommand runs the web server until SIGINT or SIGTERM, then lets
// requests in flight finish and closes the database.
func serveCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	dbPath := dbFlag(fs)
	addr := fs.String("addr", envOr("FACTQUIZ_ADDR", ":3000"), "address to listen on (env FACTQUIZ_ADDR)")
	grace := fs.Duration("grace", 10*time.Second, "how long requests in flight may take to finish at shutdown")
	logFormat := fs.String("log-format", envOr("FACTQUIZ_LOG_FORMAT", "text"), "log format: text or json (env FACTQUIZ_LOG_FORMAT)")
	metricsToken := fs.String("metrics-token", envOr("FACTQUIZ_METRICS_TOKEN", ""), "bearer token /metrics asks for; empty: /metrics answers this machine only (env FACTQUIZ_METRICS_TOKEN, which ps does not show)")
	tlsCert := fs.String("tls-cert", envOr("FACTQUIZ_TLS_CERT", ""), "PEM certificate (chain) file: serve HTTPS (with -tls-key; env FACTQUIZ_TLS_CERT)")
	tlsKey := fs.String("tls-key", envOr("FACTQUIZ_TLS_KEY", ""), "PEM private key file of -tls-cert (env FACTQUIZ_TLS_KEY)")
	proxies := fs.String("trusted-proxies", envOr("FACTQUIZ_TRUSTED_PROXIES", ""), "comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (env FACTQUIZ_TRUSTED_PROXIES)")
	answerRate := fs.Int("answers-per-minute", 120, "answers and flashcard ratings one session may send a minute; -1: no limit")
	signupRate := fs.Int("signups-per-hour", 20, "sign-ups one network address may send an hour; -1: no limit")
	startRate := fs.Int("attempts-per-minute", 20, "quiz attempts one session may start a minute; -1: no limit")
	guestStartRate := fs.Int("guest-attempts-per-minute", 60, "quiz attempts guests may start a minute from one network address; -1: no limit")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz [serve] [-db factquiz.db] [-addr :3000]")
		fmt.Fprintln(fs.Output(), "\nRuns the web server. A new database gets the built-in sample article.")
		fs.PrintDefaults()
	}
	return func(args []string) int {
		if os.Getenv("GOGC") == "" {
			// Fewer garbage collections for a little more memory: a
			// request allocates a few KB that live for microseconds.
			debug.SetGCPercent(serveGCPercent)
		}
		if os.Getenv("GOMEMLIMIT") == "" {
			// But never a heap past serveMemoryLimit for want of a
			// collection.
			debug.SetMemoryLimit(serveMemoryLimit)
		}
		logOut := newLogWriter(stderr)
		defer logOut.Close()
		logger, err := newLogger(logOut, *logFormat)
		if err != nil {
			fmt.Fprintf(logOut, "factquiz serve: %v\n", err)
			return 2
		}
		if len(args) > 0 {
			fmt.Fprintf(logOut, "factquiz serve: unexpected argument %q (flags go before arguments; see factquiz serve -h)\n", args[0])
			return 2
		}
		store, ok := openStore("serve", *dbPath, logOut)
		if !ok {
			return 1
		}
		defer store.Close()
		if err := loadSample(store, logger); err != nil {
			fmt.Fprintf(logOut, "factquiz serve: sample article: %v\n", err)
			return 1
		}
		tlsConfig, err := loadTLS(*tlsCert, *tlsKey)
		if err != nil {
			fmt.Fprintf(logOut, "factquiz serve: %v\n", err)
			return 2
		}
		app, err := handlers.New(store, handlers.Config{Logger: logger, MetricsToken: *metricsToken,
			TrustedProxies: splitList(*proxies), AnswersPerMinute: *answerRate, SignupsPerHour: *signupRate,
			AttemptsPerMinute: *startRate, GuestAttemptsPerMinute: *guestStartRate})
		if err != nil {
			fmt.Fprintf(logOut, "factquiz serve: %v\n", err)
			return 1
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			fmt.Fprintf(logOut, "factquiz serve: %v\n", err)
			return 1
		}
		scheme := "http"
		if tlsConfig != nil {
			ln, scheme = tls.NewListener(ln, tlsConfig), "https"
		}
		logger.Info("factquiz is serving", "db", redactDB(*dbPath), "url", urlFor(scheme, ln.Addr()))
		if admins, err := store.CountAdmins(); err == nil && admins == 0 {
			logger.Info(fmt.Sprintf("no admin account yet: guests can take quizzes; to add articles, create one with: factquiz user add -db %s -email you@example.com -role admin", redactDB(*dbPath)))
		}
		done := make(chan error, 1)
		go func() { done <- app.Listener(ln) }()
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
		select {
		case err := <-done:
			fmt.Fprintf(logOut, "factquiz serve: %v\n", err)
			return 1
		case sig := <-stop:
			logger.Info("finishing requests in flight, then closing the database", "signal", sig.String(), "grace", grace.String())
		}
		if err := app.ShutdownWithTimeout(*grace); err != nil {
			logger.Error("shutdown", "error", err)
		}
		if err := store.Close(); err != nil {
			logger.Error("close database", "error", err)
			return 1
		}
		logger.Info("stopped")
		return 0
	}
}

// serveGCPercent is the server's GOGC unless the environment sets one:
// the heap may grow to five times what is live before a collection, which
// saves about a tenth of the CPU under load.
const serveGCPercent = 400

// serveMemoryLimit is the server's GOMEMLIMIT unless the environment sets
// one: a soft limit on the Go runtime's memory, at which the collector
// runs however recently it last ran. With GOGC at 400 alone the heap of a
// server under the benchmark grew to some 200 MB of RSS; with this limit
// it stays near 90 MB, at the same throughput. What is live is far less
// (a few MB) except while a very large article is generated: a 2 MB one
// needs about 100 MB, and takes about 70 % longer under this limit (8 s
// instead of 5; raise GOMEMLIMIT where such articles are common).
const serveMemoryLimit = 64 << 20

// loadTLS reads the certificate and key for HTTPS; with neither there is
// no TLS (behind a proxy that terminates it, say).
func loadTLS(certFile, keyFile string) (*tls.Config, error) {
	switch {
	case certFile == "" && keyFile == "":
		return nil, nil
	case certFile == "" || keyFile == "":
		return nil, errors.New("-tls-cert and -tls-key go together: give both files, or neither")
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("TLS certificate %s with key %s: %w", certFile, keyFile, err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// splitList splits a comma-separated flag value, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// newLogger makes the server's logger: text lines by default, or one JSON
// object a line for log collectors.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("-log-format must be text or json, not %q", format)
}

// redactDB is a -db value fit for the log: a database URL's password is
// replaced by "xxxxx".
func redactDB(db string) string {
	u, err := url.Parse(db)
	if err != nil || u.User == nil {
		return db
	}
	return u.Redacted()
}

// urlFor is the address to open in a browser.
func urlFor(scheme string, a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return scheme + "://" + a.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return scheme + "://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

// loadSample stores the built-in sample article in an empty database.
func loadSample(store *models.Store, logger *slog.Logger) error {
	n, err := store.ArticleCount()
	if err != nil || n > 0 {
		return err
	}
	text, err := samples.Read(samples.Default)
	if err != nil {
		return err
	}
	g, err := questions.FromText(context.Background(), &questions.Parser{}, text, questions.Options{Count: -1})
	if err != nil {
		return err
	}
	art, err := store.CreateFirstArticle(g.Article, string(text), g.Questions)
	if errors.Is(err, models.ErrNotEmpty) {
		return nil // another instance added it first
	}
	if err != nil {
		return err
	}
	logger.Info("new database: added the sample article", "title", art.Title, "questions", art.Questions)
	return nil
}
