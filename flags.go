package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"factquiz/models"
)

// envOr returns the environment variable's value, or def when it is unset.
func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// dbFlag is the -db flag the commands share: where the database is.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", envOr("FACTQUIZ_DB", "factquiz.db"), "the database: a SQLite file, or a postgres:// URL (env FACTQUIZ_DB)")
}

// openStore opens the database a command's -db flag names, migrating it
// if need be; when it cannot, it says why on w, as "factquiz NAME: ...",
// and reports false.
func openStore(name, db string, w io.Writer) (*models.Store, bool) {
	store, err := models.Open(db)
	if err != nil {
		fmt.Fprintf(w, "factquiz %s: %v\n", name, err)
		return nil, false
	}
	return store, true
}
