package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"factquiz/handlers"
	"factquiz/models"
	"factquiz/questions"
	"factquiz/samples"
)

// envOr returns the environment variable's value, or def when it is unset.
func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// serveCommand runs the web server until SIGINT or SIGTERM, then lets
// requests in flight finish and closes the database.
func serveCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	dbPath := fs.String("db", envOr("FACTQUIZ_DB", "factquiz.db"), "SQLite database file (env FACTQUIZ_DB)")
	addr := fs.String("addr", envOr("FACTQUIZ_ADDR", ":3000"), "address to listen on (env FACTQUIZ_ADDR)")
	grace := fs.Duration("grace", 10*time.Second, "how long requests in flight may take to finish at shutdown")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz [serve] [-db factquiz.db] [-addr :3000]")
		fmt.Fprintln(fs.Output(), "\nRuns the web server. A new database gets the built-in sample article.")
		fs.PrintDefaults()
	}
	return func(args []string) int {
		logger := log.New(stderr, "", log.LstdFlags)
		if len(args) > 0 {
			fmt.Fprintf(stderr, "factquiz serve: unexpected argument %q (flags go before arguments; see factquiz serve -h)\n", args[0])
			return 2
		}
		store, err := models.Open(*dbPath)
		if err != nil {
			fmt.Fprintf(stderr, "factquiz serve: %v\n", err)
			return 1
		}
		defer store.Close()
		if err := loadSample(store, logger); err != nil {
			fmt.Fprintf(stderr, "factquiz serve: sample article: %v\n", err)
			return 1
		}
		app, err := handlers.New(store, handlers.Config{Logger: logger})
		if err != nil {
			fmt.Fprintf(stderr, "factquiz serve: %v\n", err)
			return 1
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			fmt.Fprintf(stderr, "factquiz serve: %v\n", err)
			return 1
		}
		logger.Printf("factquiz is serving %s on %s", *dbPath, urlFor(ln.Addr()))
		if admins, err := store.CountAdmins(); err == nil && admins == 0 {
			logger.Printf("no admin account yet: guests can take quizzes; to add articles, create one with: factquiz user add -db %s -email you@example.com -role admin", *dbPath)
		}
		done := make(chan error, 1)
		go func() { done <- app.Listener(ln) }()
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
		select {
		case err := <-done:
			fmt.Fprintf(stderr, "factquiz serve: %v\n", err)
			return 1
		case sig := <-stop:
			logger.Printf("%v: finishing requests in flight (up to %v), then closing the database", sig, *grace)
		}
		if err := app.ShutdownWithTimeout(*grace); err != nil {
			logger.Printf("shutdown: %v", err)
		}
		if err := store.Close(); err != nil {
			logger.Printf("close database: %v", err)
			return 1
		}
		logger.Printf("stopped")
		return 0
	}
}

// urlFor is the address to open in a browser.
func urlFor(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return fmt.Sprintf("http://%s", net.JoinHostPort(host, fmt.Sprint(tcp.Port)))
}

// loadSample stores the built-in sample article in an empty database.
func loadSample(store *models.Store, logger *log.Logger) error {
	n, err := store.ArticleCount()
	if err != nil || n > 0 {
		return err
	}
	text, err := samples.Read(samples.Default)
	if err != nil {
		return err
	}
	art, err := store.ImportArticle(&questions.Parser{}, text, 0)
	if err != nil {
		return err
	}
	logger.Printf("new database: added the sample article %q with %d questions", art.Title, art.Questions)
	return nil
}

// importCommand adds article files to the database, reporting each file.
func importCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	dbPath := fs.String("db", envOr("FACTQUIZ_DB", "factquiz.db"), "SQLite database file (env FACTQUIZ_DB)")
	maxBytes := fs.Int("max-bytes", questions.DefaultMaxBytes, "largest article accepted, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz import [-db factquiz.db] FILE...")
		fmt.Fprintln(fs.Output(), "\nParses each article file, generates its questions and stores both.")
		fs.PrintDefaults()
	}
	return func(files []string) int {
		if len(files) == 0 {
			fmt.Fprintln(stderr, "factquiz import: name at least one article file")
			return 2
		}
		store, err := models.Open(*dbPath)
		if err != nil {
			fmt.Fprintf(stderr, "factquiz import: %v\n", err)
			return 1
		}
		defer store.Close()
		parser := &questions.Parser{MaxBytes: *maxBytes}
		status := 0
		for i, file := range files {
			prefix := fmt.Sprintf("[%d/%d] %s", i+1, len(files), file)
			text, err := readFile(parser, file)
			var art *models.Article
			if err == nil {
				art, err = store.ImportArticle(parser, text, 0)
			}
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", prefix, err)
				status = 1
				continue
			}
			fmt.Fprintf(stdout, "%s: added %q (id %d) with %d questions\n", prefix, art.Title, art.ID, art.Questions)
		}
		return status
	}
}
