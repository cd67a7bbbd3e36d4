package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// backupCommand copies the SQLite database to a new file while the server
// goes on serving, and checks the copy.
func backupCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	dbPath := fs.String("db", envOr("FACTQUIZ_DB", "factquiz.db"), "the SQLite database file to back up (env FACTQUIZ_DB)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz backup [-db factquiz.db] FILE")
		fmt.Fprintln(fs.Output(), "\nWrites a consistent copy of the database to FILE, a new file, while the server")
		fmt.Fprintln(fs.Output(), "keeps running, and checks it with PRAGMA integrity_check.")
		fs.PrintDefaults()
	}
	return func(args []string) int {
		if len(args) != 1 {
			fmt.Fprintln(stderr, "factquiz backup: name one file to write the backup to (flags go before it)")
			return 2
		}
		if strings.HasPrefix(*dbPath, "postgres://") || strings.HasPrefix(*dbPath, "postgresql://") {
			fmt.Fprintln(stderr, "factquiz backup: factquiz backs up SQLite files; for PostgreSQL use pg_dump (see docs/operations.md, Backups)")
			return 2
		}
		// models.Open would create a missing database, and back up an
		// empty one.
		if _, err := os.Stat(*dbPath); err != nil {
			fmt.Fprintf(stderr, "factquiz backup: no database to back up: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "backing up %s to %s…\n", *dbPath, args[0])
		started := time.Now()
		store, ok := openStore("backup", *dbPath, stderr)
		if !ok {
			return 1
		}
		defer store.Close()
		// Ctrl-C stops the copy and removes its temporary file.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		info, err := store.Backup(ctx, args[0])
		if err != nil {
			fmt.Fprintf(stderr, "factquiz backup: %v\n", err)
			return 1
		}
		counts := make([]string, len(info.Rows))
		for i, r := range info.Rows {
			counts[i] = fmt.Sprintf("%s %d", r.Table, r.Rows)
		}
		fmt.Fprintf(stdout, "rows: %s\n", strings.Join(counts, ", "))
		fmt.Fprintf(stdout, "wrote %s in %v (the database is %s with its write-ahead log)\n",
			byteSize(info.Bytes), time.Since(started).Round(time.Millisecond), byteSize(info.SourceBytes))
		fmt.Fprintf(stdout, "integrity ok: %s\n", info.Path)
		return 0
	}
}

// byteSize writes a size in bytes, KiB, MiB or GiB.
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	v, suffix := float64(n), ""
	for _, s := range []string{"KiB", "MiB", "GiB", "TiB"} {
		v, suffix = v/unit, s
		if v < unit {
			break
		}
	}
	return fmt.Sprintf("%.1f %s", v, suffix)
}
