// Command refserver holds the benchmark's two references, to compare
// factquiz with:
//
//   - GET / answers "ok": a bare Fiber handler, the most any handler can
//     give on this machine;
//   - POST /insert stores its body as one row through GORM in a SQLite
//     file in WAL mode with synchronous=NORMAL, one transaction per
//     request: fast, and not durable (a power cut can lose the last
//     commits). factquiz's answers, which are durable, are measured
//     against it.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on; port 0 picks a free one")
	db := flag.String("db", "", "SQLite file for POST /insert (none: the route is not served)")
	flag.Parse()
	if err := serve(*addr, *db); err != nil {
		fmt.Fprintf(os.Stderr, "refserver: %v\n", err)
		os.Exit(1)
	}
}

// Row is what POST /insert stores: about what an answer is.
type Row struct {
	ID        uint
	Body      string
	CreatedAt time.Time
}

// serve listens on addr, says where on standard output, and serves until
// the process is killed.
func serve(addr, dbPath string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-addr %s: only a loopback address such as 127.0.0.1 is allowed", addr)
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	if dbPath != "" {
		db, err := openDB(dbPath)
		if err != nil {
			return err
		}
		app.Post("/insert", func(c *fiber.Ctx) error {
			if err := db.Create(&Row{Body: string(c.Body())}).Error; err != nil {
				return err
			}
			return c.JSON(fiber.Map{"saved": true})
		})
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("refserver is serving on http://%s\n", ln.Addr())
	return app.Listener(ln)
}

// openDB opens the reference's SQLite file the usual fast way: WAL,
// synchronous=NORMAL, one connection (SQLite has one writer at a time).
func openDB(path string) (*gorm.DB, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_busy_timeout", "10000")
	db, err := gorm.Open(sqlite.Open("file:"+path+"?"+q.Encode()), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(1)
	return db, db.AutoMigrate(&Row{})
}
