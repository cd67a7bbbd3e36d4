package main

import (
	"flag"
	"os"
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
