// Command refserver is the benchmark's ceiling: a bare Fiber app whose
// GET / answers "ok". What wrk gets from it is the most any Fiber handler
// can give on this machine, to compare factquiz's pages with.
package main

import (
	"flag"
	"fmt"
	"net"
	"os"

	"github.com/gofiber/fiber/v2"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on; port 0 picks a free one")
	flag.Parse()
	if err := serve(*addr); err != nil {
		fmt.Fprintf(os.Stderr, "refserver: %v\n", err)
		os.Exit(1)
	}
}

// serve listens on addr, says where on standard output, and serves until
// the process is killed.
func serve(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-addr %s: only a loopback address such as 127.0.0.1 is allowed", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	fmt.Printf("refserver is serving on http://%s\n", ln.Addr())
	return app.Listener(ln)
}
