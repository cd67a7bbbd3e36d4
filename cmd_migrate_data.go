package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"factquiz/models"
)

// migrateDataCommand copies a SQLite database into PostgreSQL (or any
// database -db takes), for a deployment that outgrows one file.
func migrateDataCommand(fs *flag.FlagSet, stdout, stderr io.Writer) func([]string) int {
	from := fs.String("from", "", "the database to copy: a SQLite file (required)")
	to := fs.String("to", "", "the database to copy into: a postgres:// URL or a SQLite file (required)")
	force := fs.Bool("force", false, "replace the data the target already has")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: factquiz migrate-data -from FILE.db -to postgres://... [-force]")
		fmt.Fprintln(fs.Output(), "\nCopies every table, keeping ids, in one transaction on the target, which is")
		fmt.Fprintln(fs.Output(), "migrated first. Stop the servers writing to FILE.db before you copy it.")
		fs.PrintDefaults()
	}
	return func(args []string) int {
		if len(args) > 0 || *from == "" || *to == "" {
			fmt.Fprintln(stderr, "factquiz migrate-data: give -from FILE.db and -to URL")
			return 2
		}
		if _, err := os.Stat(*from); err != nil {
			fmt.Fprintf(stderr, "factquiz migrate-data: %v\n", err)
			return 1
		}
		src, ok := openStore("migrate-data", *from, stderr)
		if !ok {
			return 1
		}
		defer src.Close()
		dst, ok := openStore("migrate-data", *to, stderr)
		if !ok {
			return 1
		}
		defer dst.Close()
		counts, err := src.CopyTo(dst, *force, progressBar(stderr))
		fmt.Fprintln(stderr)
		if err != nil {
			fmt.Fprintf(stderr, "factquiz migrate-data: %v\n", err)
			if errors.Is(err, models.ErrTargetNotEmpty) {
				return 2
			}
			return 1
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "table\trows\t")
		var total int64
		for _, c := range counts {
			fmt.Fprintf(tw, "%s\t%d\t\n", c.Table, c.Rows)
			total += c.Rows
		}
		fmt.Fprintf(tw, "all\t%d\t\n", total)
		tw.Flush()
		return 0
	}
}

// progressBar draws one line per table, redrawn as rows are copied.
func progressBar(w io.Writer) models.CopyProgress {
	return func(table string, done, total int64) {
		const width = 30
		filled := width
		if total > 0 {
			filled = int(done * width / total)
		}
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = '.'
			if i < filled {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(w, "\r%-18s [%s] %d/%d", table, bar, done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}
